import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { AppButton } from './AppButton';
import { WarningIcon } from './Icons';

/**
 * "Really do this?": an alert dialog with the consequence in words, Cancel focused first (Enter never
 * destroys by habit) and the dangerous action on the right. While `busy`, it cannot be dismissed.
 */
export function ConfirmDialog({
  isOpen,
  title,
  text,
  confirmLabel,
  busy = false,
  busyLabel,
  error,
  withWarningIcon = false,
  onConfirm,
  onCancel,
}: {
  isOpen: boolean;
  title: ReactNode;
  text: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  busyLabel?: string;
  /** Why the last attempt failed; the dialog stays open so the user can retry or cancel. */
  error?: string | undefined;
  withWarningIcon?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && !busy && onCancel()}
      isDismissable={!busy}
      className="modal-overlay"
    >
      <Modal className="modal modal--narrow">
        <Dialog className="dialog" role="alertdialog">
          {withWarningIcon ? (
            <div className="dialog__icon dialog__icon--danger">
              <WarningIcon size={22} />
            </div>
          ) : null}
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          <p className="dialog__text">{text}</p>
          {error ? (
            <p className="banner banner--error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog__actions">
            <AppButton variant="secondary" onPress={onCancel} isDisabled={busy} autoFocus>
              Cancel
            </AppButton>
            <AppButton variant="danger" onPress={onConfirm} isDisabled={busy}>
              {busy && busyLabel ? busyLabel : confirmLabel}
            </AppButton>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
