import { useEffect, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { DiffEntry, MappingDiff } from '../../../../shared/mapping-contract';
import { plural } from '../../../../shared/plural';
import { api } from '../../api';
import { AppButton } from '../../components/AppButton';
import { messageOf } from '../../lib/errors';
import type { ClientSearchIndex } from './client-search';
import { describeValue, formatCount } from './mapping-labels';
import './SaveDialog.css';

/** Each section lists this many rows; the rest are counted ("and 1,200 more"). */
const LISTED = 100;

/**
 * Save Mappings, step one: what will change, read from the backend's diff (added, changed, removed),
 * so nobody saves blind. Saving applies exactly that diff in one transaction.
 */
export function SaveDialog({
  instanceId,
  isOpen,
  onClose,
  onSave,
  clients,
}: {
  instanceId: string;
  /** The cached Halo clients: which mapped clients are inactive. */
  clients: ClientSearchIndex;
  isOpen: boolean;
  onClose(): void;
  /** Saves; resolves true when saved (the dialog closes), false when refused (the notice says why). */
  onSave(): Promise<boolean>;
}) {
  const [diff, setDiff] = useState<MappingDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    let live = true;
    setDiff(null);
    setError(null);
    api.mappings
      .diff({ instanceId })
      .then((value) => live && setDiff(value))
      .catch((caught: unknown) => live && setError(messageOf(caught)));
    return () => {
      live = false;
    };
  }, [isOpen, instanceId]);

  const total = diff ? diff.added.length + diff.changed.length + diff.removed.length : 0;
  const toInactive = diff
    ? [...diff.added, ...diff.changed].filter(
        (entry) =>
          entry.after.state === 'mapped' && clients.byId.get(entry.after.clientId)?.inactive === true,
      )
    : [];

  async function save() {
    setSaving(true);
    const saved = await onSave();
    setSaving(false);
    if (saved) onClose();
  }

  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && !saving && onClose()}
      isDismissable={!saving}
      className="modal-overlay"
    >
      <Modal className="modal modal--wide">
        <Dialog className="dialog save-dialog">
          <Heading slot="title" className="dialog__title">
            Save mappings
          </Heading>
          {error ? (
            <p className="banner banner--error" role="alert">
              {error}
            </p>
          ) : !diff ? (
            <p className="loading">Reading the changes…</p>
          ) : (
            <>
              <p className="dialog__text">
                {total === 0
                  ? 'The draft is the same as what is saved: nothing to save.'
                  : `${plural(total, 'change')} will be saved in one step. Everything else stays as saved.`}
              </p>
              {diff.conflicts > 0 ? (
                <p className="banner banner--error" role="alert">
                  {plural(diff.conflicts, 'row maps', 'rows map')} to a client that is not in Halo: pick
                  another Halo client for {diff.conflicts === 1 ? 'it' : 'them'} or revert, then save.
                </p>
              ) : null}
              {toInactive.length > 0 ? (
                <div className="banner banner--warning save-dialog__inactive">
                  <p>
                    {plural(toInactive.length, 'mapping goes', 'mappings go')} to an inactive Halo client and
                    will show as Stale once saved. Pick an active client, or save them on purpose.
                  </p>
                  <DiffSection title="To inactive clients" tone="changed" entries={toInactive} />
                </div>
              ) : null}
              <div className="save-dialog__sections">
                <DiffSection title="Added" tone="added" entries={diff.added} />
                <DiffSection title="Changed" tone="changed" entries={diff.changed} />
                <DiffSection title="Removed" tone="removed" entries={diff.removed} />
              </div>
            </>
          )}
          <div className="dialog__actions">
            <AppButton variant="secondary" onPress={onClose} isDisabled={saving}>
              Keep editing
            </AppButton>
            <AppButton
              variant="primary"
              onPress={() => void save()}
              isDisabled={saving || !diff || total === 0 || diff.conflicts > 0}
              autoFocus
            >
              {saving ? 'Saving…' : `Save ${plural(total, 'change')}`}
            </AppButton>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function DiffSection({
  title,
  tone,
  entries,
}: {
  title: string;
  tone: 'added' | 'changed' | 'removed';
  entries: readonly DiffEntry[];
}) {
  if (entries.length === 0) return null;
  return (
    <section className={`diff-section diff-section--${tone}`} aria-label={`${title}: ${entries.length}`}>
      <h3 className="diff-section__title">
        {title} <span className="diff-section__count">{formatCount(entries.length)}</span>
      </h3>
      <ul className="diff-section__list">
        {entries.slice(0, LISTED).map((entry) => (
          <li key={entry.organizationId} className="diff-entry">
            <span className="diff-entry__org">{entry.organizationName}</span>
            <span className="diff-entry__change">
              {tone === 'added' ? (
                ''
              ) : (
                <span className="diff-entry__before">{describeValue(entry.before)}</span>
              )}
              {tone === 'changed' ? ' → ' : ''}
              {tone === 'removed' ? ' → unmapped' : <span>{describeValue(entry.after)}</span>}
            </span>
          </li>
        ))}
      </ul>
      {entries.length > LISTED ? (
        <p className="diff-section__more">and {formatCount(entries.length - LISTED)} more</p>
      ) : null}
    </section>
  );
}
