import { type FormEvent, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { instanceNameSchema } from '../../../shared/domain';
import { messageOf } from '../lib/errors';
import { AppButton } from './AppButton';
import { FormField } from './FormField';

export interface NameDialogProps {
  isOpen: boolean;
  onClose(): void;
  title: string;
  description: string;
  submitLabel: string;
  initialName?: string;
  /** Saves the name; throws (an ApiError such as 'conflict') to keep the dialog open with the message. */
  onSubmit(name: string): Promise<void>;
}

/**
 * Asks for an instance name: used by "New instance" and "Rename". The shared schema gives instant
 * feedback; the backend's answer (a duplicate name is a 'conflict') shows under the field.
 */
export function NameDialog(props: NameDialogProps) {
  return (
    <ModalOverlay
      isOpen={props.isOpen}
      onOpenChange={(open) => !open && props.onClose()}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal--narrow">
        <Dialog className="dialog">{props.isOpen ? <NameForm {...props} /> : null}</Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function NameForm({ title, description, submitLabel, initialName = '', onSubmit, onClose }: NameDialogProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = instanceNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(parsed.data);
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Heading slot="title" className="dialog__title">
        {title}
      </Heading>
      <p className="dialog__text">{description}</p>
      <FormField
        label="Name"
        value={name}
        onChange={(value) => {
          setName(value);
          setError(undefined);
        }}
        error={error}
        placeholder="Production"
        autoFocus
        name="instance-name"
      />
      <div className="dialog__actions">
        <AppButton variant="secondary" onPress={onClose}>
          Cancel
        </AppButton>
        <AppButton variant="primary" type="submit" isDisabled={busy || name.trim() === ''}>
          {submitLabel}
        </AppButton>
      </div>
    </form>
  );
}
