import { useEffect, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { InstanceSummary } from '../../../shared/domain';
import type { InstanceHoldings } from '../../../shared/instance-impact-contract';
import { api } from '../api';
import { messageOf } from '../lib/errors';
import { AppButton } from './AppButton';
import { WarningIcon } from './Icons';

/** What deleting this instance destroys, in one sentence, so nobody deletes the wrong one by habit. */
export function deletionConsequences(
  instance: InstanceSummary,
  holdings: InstanceHoldings | null = null,
): string {
  const parts: string[] = [];
  if (instance.resourceServer) parts.push(`its configuration for ${instance.resourceServer}`);
  if (instance.hasClientSecret) parts.push('its client secret in the OS keychain');
  if (holdings) parts.push(...holdingParts(holdings));
  if (parts.length === 0)
    return `Deletes '${instance.name}'. It has no configuration yet, so nothing else is lost.`;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Deletes '${instance.name}': ${list}. This cannot be undone.`;
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The instance's data besides its configuration: mappings, draft, cached clients, validation. */
function holdingParts(holdings: InstanceHoldings): string[] {
  const parts: string[] = [];
  if (holdings.savedMappings > 0)
    parts.push(`its ${count(holdings.savedMappings, 'saved mapping', 'saved mappings')}`);
  if (holdings.draftChanges > 0)
    parts.push(`its draft of ${count(holdings.draftChanges, 'unsaved change', 'unsaved changes')}`);
  if (holdings.cachedClients > 0)
    parts.push(`${count(holdings.cachedClients, 'cached Halo client', 'cached Halo clients')}`);
  if (holdings.hasValidation) parts.push('its validation history');
  return parts;
}

export function DeleteInstanceDialog({
  instance,
  onClose,
  onDelete,
}: {
  instance: InstanceSummary | null;
  onClose(): void;
  onDelete(instance: InstanceSummary): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [holdings, setHoldings] = useState<InstanceHoldings | null>(null);
  const instanceId = instance?.id;
  useEffect(() => {
    setHoldings(null);
    if (!instanceId) return;
    let live = true;
    // Without the counts the dialog still names the configuration and secret; it never blocks on them.
    api.instances
      .holdings({ id: instanceId })
      .then((value) => live && setHoldings(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [instanceId]);

  async function confirm() {
    if (!instance) return;
    setBusy(true);
    setError(undefined);
    try {
      await onDelete(instance);
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalOverlay
      isOpen={instance !== null}
      onOpenChange={(open) => !open && !busy && onClose()}
      isDismissable={!busy}
      className="modal-overlay"
    >
      <Modal className="modal modal--narrow">
        <Dialog className="dialog" role="alertdialog">
          {instance ? (
            <>
              <div className="dialog__icon dialog__icon--danger">
                <WarningIcon size={22} />
              </div>
              <Heading slot="title" className="dialog__title">
                Delete “{instance.name}”?
              </Heading>
              <p className="dialog__text">{deletionConsequences(instance, holdings)}</p>
              {error ? (
                <p className="banner banner--error" role="alert">
                  {error}
                </p>
              ) : null}
              <div className="dialog__actions">
                <AppButton variant="secondary" onPress={onClose} isDisabled={busy} autoFocus>
                  Cancel
                </AppButton>
                <AppButton variant="danger" onPress={confirm} isDisabled={busy}>
                  {busy ? 'Deleting…' : 'Delete instance'}
                </AppButton>
              </div>
            </>
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
