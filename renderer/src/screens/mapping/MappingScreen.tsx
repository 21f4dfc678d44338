import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { InstanceSummary } from '../../../../shared/domain';
import type { ExportSource, FileFormat, MappingEdit } from '../../../../shared/mapping-contract';
import { plural } from '../../../../shared/plural';
import { api } from '../../api';
import { messageOf } from '../../lib/errors';
import { instanceSlot } from '../../lib/instance-memory';
import { reportUnsaved } from '../../lib/unsaved-work';
import type { ColumnWidths } from './columns';
import { downloadText } from './download';
import { FilterBar, StatusLegend } from './FilterBar';
import { MappingList, type MappingListHandle } from './MappingList';
import { MappingStatusBar } from './MappingStatusBar';
import { MappingToolbar, saveBlockedReason } from './MappingToolbar';
import { OrganizationImport } from './organizations/OrganizationImport';
import { acceptableRows, filterRows, type StatusFilter } from './row-filter';
import { filterByTopLevel, nextSort, type RowSort, sortRows, topLevelsOf } from './row-order';
import { SaveDialog } from './SaveDialog';
import { mappedFromByClient, sharedClientNames } from './shared-clients';
import { useShortcuts } from './shortcuts';
import { useMapping } from './use-mapping';
import { useRowSelection } from './use-row-selection';
import { loadColumnWidths, loadCompactHeader, saveColumnWidths, saveCompactHeader } from './view-preferences';
import './mapping.css';

/** Each instance's filter chip, search, top level and sort, while the app runs. */
const rememberedView = instanceSlot<{
  filter: StatusFilter;
  search: string;
  topLevel: number | null;
  sort: RowSort | null;
}>();

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
  const [topLevel, setTopLevel] = useState<number | null>(
    () => rememberedView.get(instance.id)?.topLevel ?? null,
  );
  const [sort, setSort] = useState<RowSort | null>(() => rememberedView.get(instance.id)?.sort ?? null);
  useEffect(
    () => rememberedView.set(instance.id, { filter, search, topLevel, sort }),
    [instance.id, filter, search, topLevel, sort],
  );
  // Layout choices are the user's, for every instance: column widths and a collapsed header.
  const [widths, setWidths] = useState<ColumnWidths>(loadColumnWidths);
  const changeWidths = useCallback((next: ColumnWidths) => {
    setWidths(next);
    saveColumnWidths(next);
  }, []);
  const [compact, setCompact] = useState(loadCompactHeader);
  const toggleCompact = () => {
    setCompact(!compact);
    saveCompactHeader(!compact);
  };
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
  const topLevels = useMemo(() => topLevelsOf(clients.clients), [clients]);
  const visible = useMemo(
    () =>
      sortRows(
        filterByTopLevel(filterRows(rows, filter, deferredSearch, shared), topLevel, clients.byId),
        sort,
      ),
    [rows, filter, deferredSearch, shared, topLevel, clients, sort],
  );
  const selection = useRowSelection(visible);
  const onSort = useCallback(
    (column: Parameters<typeof nextSort>[1]) => setSort((now) => nextSort(now, column)),
    [],
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

  /** A bulk edit of the ticked rows in view: one request, so one undo step; the ticks go once it lands. */
  const editTicked = (action: 'exclude' | 'clear') => {
    const rowsToEdit = selection.inView.filter((row) =>
      action === 'exclude' ? row.draft.state !== 'excluded' : row.draft.state === 'mapped',
    );
    if (rowsToEdit.length === 0) {
      model.setNotice({
        kind: 'info',
        text:
          action === 'exclude'
            ? 'The ticked rows are excluded already.'
            : 'None of the ticked rows is mapped.',
      });
      return;
    }
    const what = plural(rowsToEdit.length, 'organization');
    void actions
      .edit(
        rowsToEdit.map((row) => ({ organizationId: row.organization.id, action })),
        action === 'exclude' ? `Exclude ${what}` : `Clear the mapping of ${what}`,
      )
      .then(() => {
        selection.clear();
        model.setNotice({
          kind: 'success',
          text: `${action === 'exclude' ? 'Excluded' : 'Cleared the mapping of'} ${what}. Undo takes them all back.`,
        });
      });
  };

  const exportFile = useCallback(
    async (format: FileFormat, source: ExportSource) => {
      model.setBusy('export');
      try {
        const file = await api.mappings.export({ instanceId: instance.id, format, source });
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
    <section
      className={compact ? 'mapping-screen mapping-screen--compact' : 'mapping-screen'}
      aria-label="Organization mapping"
    >
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
      >
        {summary.total > 0 ? <StatusLegend /> : null}
        <button type="button" className="header-toggle" aria-pressed={compact} onClick={toggleCompact}>
          Compact header
        </button>
      </MappingStatusBar>
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
            topLevels={topLevels}
            topLevel={topLevel}
            onTopLevel={setTopLevel}
            selectedCount={selection.inView.length}
            onExcludeSelected={() => editTicked('exclude')}
            onClearSelected={() => editTicked('clear')}
            onUnselect={selection.clear}
          />
          {visible.length === 0 ? (
            <p className="mapping-none">
              {deferredSearch
                ? `No organization matches “${deferredSearch}” here.`
                : topLevel !== null
                  ? 'No rows with this status under this top level.'
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
              sort={sort}
              onSort={onSort}
              widths={widths}
              onWidths={changeWidths}
              selected={selection.selected}
              onSelect={selection.onSelect}
              selectAll={selection.selectAll}
              onSelectAll={selection.onSelectAll}
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
