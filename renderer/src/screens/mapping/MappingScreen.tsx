import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { InstanceSummary } from '../../../../shared/domain';
import type { MappingEdit } from '../../../../shared/mapping-contract';
import { api } from '../../api';
import { messageOf } from '../../lib/errors';
import { instanceSlot } from '../../lib/instance-memory';
import { reportUnsaved } from '../../lib/unsaved-work';
import { downloadText } from './download';
import { FilterBar } from './FilterBar';
import { MappingList, type MappingListHandle } from './MappingList';
import { MappingStatusBar } from './MappingStatusBar';
import { MappingToolbar, saveBlockedReason } from './MappingToolbar';
import { plural } from './mapping-labels';
import { OrganizationImport } from './organizations/OrganizationImport';
import { acceptableRows, filterRows, type StatusFilter } from './row-filter';
import { SaveDialog } from './SaveDialog';
import { mappedFromByClient, sharedClientNames } from './shared-clients';
import { useShortcuts } from './shortcuts';
import { useMapping } from './use-mapping';
import './mapping.css';

/** Each instance's filter chip and search, while the app runs. */
const rememberedView = instanceSlot<{ filter: StatusFilter; search: string }>();

/**
 * Organization mapping for one instance: each of our organizations linked to at most one Halo client.
 * The weekly routine is Refresh Options, Suggest Values, review (filter chips, accept, reject, pick),
 * Save Mappings; everything works from the cached clients when Halo cannot be reached.
 */
export function MappingScreen({ instance, now }: { instance: InstanceSummary; now: Date }) {
  const model = useMapping(instance.id);
  const { summary, rows, clients, refresh, busy, notice, actions } = model;
  // The chip and the search come back as they were when the technician returns to this instance.
  const [filter, setFilter] = useState<StatusFilter>(() => rememberedView.get(instance.id)?.filter ?? 'all');
  const [search, setSearch] = useState(() => rememberedView.get(instance.id)?.search ?? '');
  useEffect(() => rememberedView.set(instance.id, { filter, search }), [instance.id, filter, search]);
  const unsavedChanges = summary?.unsavedChanges;
  useEffect(() => {
    if (unsavedChanges !== undefined) reportUnsaved(instance.id, 'mappings', unsavedChanges);
  }, [instance.id, unsavedChanges]);
  // Typing stays instant; the 10,000-row filter runs at the deferred value.
  const deferredSearch = useDeferredValue(search);
  const [minScore, setMinScore] = useState(0.9);
  const [saveOpen, setSaveOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<MappingListHandle>(null);

  const shared = useMemo(() => sharedClientNames(rows), [rows]);
  const mappedFrom = useMemo(() => mappedFromByClient(rows), [rows]);
  const visible = useMemo(
    () => filterRows(rows, filter, deferredSearch, shared),
    [rows, filter, deferredSearch, shared],
  );
  // Bulk accept leaves suggestions of inactive clients out unless the technician includes them.
  const [acceptInactive, setAcceptInactive] = useState(false);
  const acceptable = useMemo(
    () =>
      acceptableRows(visible, minScore, (id) => !acceptInactive && clients.byId.get(id)?.inactive === true),
    [visible, minScore, acceptInactive, clients],
  );
  const skippedInactive = useMemo(
    () => (acceptInactive ? 0 : acceptableRows(visible, minScore).length - acceptable.length),
    [visible, minScore, acceptInactive, acceptable],
  );

  const onEdit = useCallback(
    (edits: MappingEdit[], label?: string) => void actions.edit(edits, label),
    [actions],
  );

  const acceptAll = useCallback(() => {
    if (acceptable.length === 0) return;
    void actions
      .edit(
        acceptable.map((row) => ({ organizationId: row.organization.id, action: 'accept' as const })),
        `Accept ${plural(acceptable.length, 'suggestion')} (score ≥ ${minScore.toFixed(2)})`,
      )
      .then(() =>
        model.setNotice({
          kind: 'success',
          text: `Accepted ${plural(acceptable.length, 'suggestion')} scoring ${minScore.toFixed(2)} or more. Undo takes them all back.`,
        }),
      );
  }, [acceptable, actions, minScore, model]);

  const exportFile = useCallback(
    async (format: 'csv' | 'json', source: 'saved' | 'draft') => {
      model.setBusy('export');
      try {
        const file = await api.mappings.export(instance.id, format, source);
        downloadText(file.fileName, file.content, format === 'csv' ? 'text/csv' : 'application/json');
        model.setNotice({
          kind: 'success',
          text: `Exported ${plural(file.rows, 'mapping')} to ${file.fileName}.`,
        });
      } catch (error) {
        model.setNotice({ kind: 'error', text: messageOf(error) });
      } finally {
        model.setBusy(null);
      }
    },
    [instance.id, model],
  );

  const canSave = summary !== null && saveBlockedReason(summary) === null;
  useShortcuts({
    undo: () => summary?.canUndo && void actions.undo(),
    redo: () => summary?.canRedo && void actions.redo(),
    save: () => canSave && setSaveOpen(true),
    focusSearch: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
    rowKey: (organizationId, key) => {
      const row = rows.find((candidate) => candidate.organization.id === organizationId);
      if (!row) return;
      if (key === 'exclude') {
        const action = row.draft.state === 'excluded' ? 'include' : 'exclude';
        void actions.edit([{ organizationId, action }]);
      } else if (key === 'accept' && (row.status === 'suggested' || row.staleReason === 'renamed')) {
        void actions.edit([{ organizationId, action: 'accept' }]);
      } else if (key === 'reject' && row.status === 'suggested') {
        void actions.edit([{ organizationId, action: 'reject' }]);
      }
    },
  });

  if (model.load.state === 'loading') return <p className="loading">Loading the mappings…</p>;
  if (model.load.state === 'error' || !summary) {
    return (
      <p className="banner banner--error" role="alert">
        {model.load.state === 'error' ? model.load.message : 'The mappings could not be read.'}
      </p>
    );
  }

  return (
    <section className="mapping-screen" aria-label="Organization mapping">
      <MappingToolbar
        summary={summary}
        refreshing={refresh.running}
        suggesting={busy === 'suggest'}
        busy={busy !== null}
        onRefresh={() => void actions.refreshOptions()}
        onSuggest={() => void actions.suggest()}
        onUndo={() => void actions.undo()}
        onRedo={() => void actions.redo()}
        onDiscard={() => void actions.discard()}
        onSave={() => setSaveOpen(true)}
        onExport={(format, source) => void exportFile(format, source)}
        onImport={(file) => void actions.importFile(file)}
        helpOpen={helpOpen}
        onHelpOpenChange={setHelpOpen}
      />
      <MappingStatusBar
        summary={summary}
        refresh={refresh}
        suggesting={busy === 'suggest'}
        notice={notice}
        now={now}
        onCancelRefresh={() => void actions.cancelRefresh()}
        onCancelSuggest={() => void actions.cancelSuggest()}
        onDismissNotice={() => model.setNotice(null)}
      />
      {summary.total === 0 ? (
        <div className="card mapping-empty">
          <h2 className="card__title">No organizations yet</h2>
          <p className="card__subtitle">
            Mapping links each of your organizations to its Halo client. Import them from a CSV file (a name
            column; domain and external id optional) or JSON, or add them under Our organizations. They are
            shared by every instance.
          </p>
          <OrganizationImport onImported={() => void actions.reload()} />
        </div>
      ) : (
        <>
          <FilterBar
            ref={searchRef}
            counts={summary.counts}
            total={summary.total}
            sharedCount={shared.size}
            filter={filter}
            onFilter={setFilter}
            search={search}
            onSearch={setSearch}
            shown={visible.length}
            acceptable={acceptable.length}
            minScore={minScore}
            onMinScore={setMinScore}
            onAcceptAll={acceptAll}
            acceptInactive={acceptInactive}
            onAcceptInactive={setAcceptInactive}
            skippedInactive={skippedInactive}
            busy={busy !== null}
          />
          {visible.length === 0 ? (
            <p className="mapping-none">
              {deferredSearch
                ? `No organization matches “${deferredSearch}” here.`
                : 'No rows with this status.'}
            </p>
          ) : (
            <MappingList
              ref={listRef}
              rows={visible}
              clients={clients}
              onEdit={onEdit}
              label={`Organizations of ${instance.name}`}
              search={deferredSearch}
              mappedFrom={mappedFrom}
            />
          )}
        </>
      )}
      <SaveDialog
        instanceId={instance.id}
        isOpen={saveOpen}
        onClose={() => setSaveOpen(false)}
        onSave={actions.save}
        clients={clients}
      />
    </section>
  );
}
