import { useEffect, useState } from 'react';
import type { InstanceSummary } from '../../../shared/domain';
import type { InstanceHoldings } from '../../../shared/instance-impact-contract';
import { plural } from '../../../shared/plural';
import { api } from '../api';
import { messageOf } from '../lib/errors';
import { ConfirmDialog } from './ConfirmDialog';

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

/** The instance's data besides its configuration: mappings, draft, cached clients, validation. */
function holdingParts(holdings: InstanceHoldings): string[] {
  const parts: string[] = [];
  if (holdings.savedMappings > 0)
    parts.push(`its ${plural(holdings.savedMappings, 'saved mapping', 'saved mappings')}`);
  if (holdings.draftChanges > 0)
    parts.push(`its draft of ${plural(holdings.draftChanges, 'unsaved change', 'unsaved changes')}`);
  if (holdings.cachedClients > 0)
    parts.push(`${plural(holdings.cachedClients, 'cached Halo client', 'cached Halo clients')}`);
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
    <ConfirmDialog
      isOpen={instance !== null}
      title={`Delete “${instance?.name ?? ''}”?`}
      text={instance ? deletionConsequences(instance, holdings) : ''}
      confirmLabel="Delete instance"
      busy={busy}
      busyLabel="Deleting…"
      error={error}
      withWarningIcon
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}
