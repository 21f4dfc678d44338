import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc';
import type {
  MappingEdit,
  MappingRow,
  MappingSummary,
  MappingUpdate,
  OptionsProgressEvent,
} from '../../../../shared/mapping-contract';
import { plural } from '../../../../shared/plural';
import type { RefreshOutcome } from '../../../../shared/refresh-status-contract';
import { ApiError, api } from '../../api';
import { messageOf } from '../../lib/errors';
import { fileAsBase64 } from '../../lib/file-bytes';
import { instanceSlot } from '../../lib/instance-memory';
import { buildClientIndex, type ClientSearchIndex } from './client-search';
import { formatCount, suggestSummary } from './mapping-labels';

export type Notice = { kind: 'success' | 'info' | 'error'; text: string } | null;

/** Refresh Options as the screen shows it: running with its latest progress, or its last failure. */
export interface RefreshState {
  running: boolean;
  progress: OptionsProgressEvent | null;
  /** Why the last refresh failed (the screen keeps working from the cache and says so). */
  failure: RefreshFailure | null;
}

/** A failed refresh: the explanation, and Halo's classification of it (null when Halo was not involved). */
export interface RefreshFailure {
  text: string;
  haloCode: string | null;
}

/**
 * Instances whose Refresh Options this renderer started and whose outcome it has not shown yet. The
 * screen that started one may be gone when it ends; the next screen of that instance shows the outcome.
 */
const awaitingRefreshOutcome = instanceSlot<true>();

interface RowStore {
  byId: Map<string, MappingRow>;
  order: string[];
}

export type BusyWith = 'suggest' | 'save' | 'import' | 'export' | null;

/** The error's message, with Halo's next step when it gave one. */
function explain(error: unknown): string {
  return error instanceof ApiError ? explainData(error.data) : messageOf(error);
}

function explainData(error: AppErrorData): string {
  return error.code === 'halo' ? `${error.message} ${error.details.halo.nextStep}` : error.message;
}

function haloCodeOf(error: AppErrorData): string | null {
  return error.code === 'halo' ? error.details.halo.code : null;
}

/** "Refreshed 8 Halo clients (2 new, 1 renamed). 3 mappings need a look." */
function refreshSummary(result: Extract<RefreshOutcome, { outcome: 'done' }>['result']): string {
  const c = result.clients;
  const changes = [
    c.new ? `${formatCount(c.new)} new` : '',
    c.renamed ? `${formatCount(c.renamed)} renamed` : '',
    c.wentInactive ? `${formatCount(c.wentInactive)} went inactive` : '',
    c.reactivated ? `${formatCount(c.reactivated)} active again` : '',
    c.gone ? `${formatCount(c.gone)} gone` : '',
  ].filter(Boolean);
  const stale =
    result.staleMappings > 0
      ? ` ${plural(result.staleMappings, 'mapping needs', 'mappings need')} a look.`
      : '';
  const unreadable =
    result.unreadableClients > 0
      ? ` ${plural(result.unreadableClients, 'Halo client')} could not be read (no usable id) and ${result.unreadableClients === 1 ? 'was' : 'were'} left out: check ${result.unreadableClients === 1 ? 'it' : 'them'} in Halo.`
      : '';
  const cleaned =
    result.cleanedNames > 0
      ? ` ${plural(result.cleanedNames, 'Halo client name was', 'Halo client names were')} cleaned (control or invisible characters, or longer than 255 characters).`
      : '';
  const tenants = result.microsoftTenants;
  const tenantNote =
    (tenants.clients > 0
      ? ` ${plural(tenants.clients, 'Halo client has', 'Halo clients have')} a Microsoft tenant.`
      : '') +
    (tenants.unreadable > 0
      ? ` ${plural(tenants.unreadable, 'Microsoft tenant record', 'Microsoft tenant records')} could not be read (no tenant id) and ${tenants.unreadable === 1 ? 'was' : 'were'} left out.`
      : '');
  const organizations = result.organizations
    ? ` Organization file: ${formatCount(result.organizations.added)} added, ${formatCount(result.organizations.updated)} updated.`
    : '';
  return `Refreshed ${plural(c.total, 'Halo client')}${changes.length ? ` (${changes.join(', ')})` : ''}.${unreadable}${cleaned}${tenantNote}${stale}${organizations}`;
}

function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'cancelled';
}

/**
 * One instance's mapping screen state: the rows (kept by organization id so an edit's answer, which
 * carries only the rows it touched, merges in without reloading 10,000 rows), the summary, the cached
 * Halo clients as a search index, and every toolbar action. Each action reports in `notice`.
 */
export function useMapping(instanceId: string) {
  const [store, setStore] = useState<RowStore>({ byId: new Map(), order: [] });
  const [summary, setSummary] = useState<MappingSummary | null>(null);
  const [clients, setClients] = useState<ClientSearchIndex>(() => buildClientIndex([]));
  const [load, setLoad] = useState<
    { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string }
  >({ state: 'loading' });
  const [refresh, setRefresh] = useState<RefreshState>({ running: false, progress: null, failure: null });
  const [busy, setBusy] = useState<BusyWith>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const live = useRef(true);

  const reload = useCallback(async () => {
    const [view, options] = await Promise.all([
      api.mappings.get({ instanceId }),
      api.options.get({ instanceId }),
    ]);
    if (!live.current) return;
    // For the benchmark: where reading (IPC) ends and building and rendering the screen begins.
    performance.mark('mapping:data-loaded');
    setStore({
      byId: new Map(view.rows.map((row) => [row.organization.id, row])),
      order: view.rows.map((row) => row.organization.id),
    });
    setSummary(view.summary);
    setClients(buildClientIndex(options.clients));
    setRefresh((current) => ({ ...current, running: current.running || options.refreshing }));
  }, [instanceId]);

  useEffect(() => {
    live.current = true;
    reload()
      .then(() => live.current && setLoad({ state: 'ready' }))
      .catch((error: unknown) => live.current && setLoad({ state: 'error', message: messageOf(error) }));
    const unsubscribe = api.onEvent((event) => {
      if (event.type !== 'options:progress' || event.instanceId !== instanceId) return;
      setRefresh((current) => ({ ...current, progress: event }));
    });
    return () => {
      live.current = false;
      unsubscribe();
    };
  }, [instanceId, reload]);

  const apply = useCallback((update: MappingUpdate) => {
    if (!live.current) return;
    setSummary(update.summary);
    if (update.rows.length === 0) return;
    setStore((current) => {
      const byId = new Map(current.byId);
      let order = current.order;
      for (const row of update.rows) {
        if (!byId.has(row.organization.id)) order = [...order, row.organization.id];
        byId.set(row.organization.id, row);
      }
      return { byId, order };
    });
  }, []);

  /** Runs an action; a failure becomes the notice instead of an unhandled rejection. */
  const attempt = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (live.current) setNotice({ kind: 'error', text: explain(error) });
      return undefined;
    }
  }, []);

  const edit = useCallback(
    (edits: MappingEdit[], label?: string) =>
      attempt(async () => {
        if (edits.length === 0) return;
        apply(await api.mappings.edit(label ? { instanceId, edits, label } : { instanceId, edits }));
      }),
    [apply, attempt, instanceId],
  );

  const undo = useCallback(
    () =>
      attempt(async () => {
        const label = summary?.undoLabel;
        apply(await api.mappings.undo({ instanceId }));
        if (label) setNotice({ kind: 'info', text: `Undid “${label}”.` });
      }),
    [apply, attempt, instanceId, summary?.undoLabel],
  );

  const redo = useCallback(
    () =>
      attempt(async () => {
        const label = summary?.redoLabel;
        apply(await api.mappings.redo({ instanceId }));
        if (label) setNotice({ kind: 'info', text: `Redid “${label}”.` });
      }),
    [apply, attempt, instanceId, summary?.redoLabel],
  );

  const discard = useCallback(
    () =>
      attempt(async () => {
        const changes = summary?.changeCount ?? 0;
        apply(await api.mappings.discard({ instanceId }));
        setNotice({
          kind: 'info',
          text: `Discarded ${plural(changes, 'unsaved change')}. Undo brings them back.`,
        });
      }),
    [apply, attempt, instanceId, summary?.changeCount],
  );

  const suggest = useCallback(async () => {
    setBusy('suggest');
    setNotice(null);
    try {
      const result = await api.mappings.suggest({ instanceId });
      apply(result);
      setNotice({ kind: 'success', text: suggestSummary(result.counts) });
    } catch (error) {
      if (!live.current) return;
      setNotice(
        isCancelled(error)
          ? { kind: 'info', text: 'Suggest Values was cancelled; nothing changed.' }
          : { kind: 'error', text: explain(error) },
      );
    } finally {
      if (live.current) setBusy(null);
    }
  }, [apply, instanceId]);

  const cancelSuggest = useCallback(
    () => attempt(() => api.mappings.cancelSuggest({ instanceId })),
    [attempt, instanceId],
  );

  /** Shows how a refresh ended: its summary, its failure (offline banner) or its cancel. */
  const showRefreshOutcome = useCallback(
    async (last: RefreshOutcome) => {
      awaitingRefreshOutcome.delete(instanceId);
      if (last.outcome === 'done') await reload();
      if (!live.current) return;
      if (last.outcome === 'done') {
        setRefresh({ running: false, progress: null, failure: null });
        setNotice({ kind: 'success', text: refreshSummary(last.result) });
      } else if (last.outcome === 'cancelled') {
        setRefresh((current) => ({ ...current, running: false, progress: null }));
        setNotice({
          kind: 'info',
          text: 'Refresh Options was cancelled. The previous Halo clients and every mapping are kept.',
        });
      } else {
        setRefresh({
          running: false,
          progress: null,
          failure: { text: explainData(last.error), haloCode: haloCodeOf(last.error) },
        });
      }
    },
    [instanceId, reload],
  );

  /**
   * Follows the instance's refresh as the backend keeps it: shows a running one's progress, waits for
   * it, then shows its outcome. A refresh started from an earlier screen (the technician switched tabs or
   * instances meanwhile) ends here just as if this screen had started it.
   */
  const attachToRefresh = useCallback(async () => {
    const now = await api.options.status({ instanceId });
    if (!live.current) return;
    if (now.running) {
      setRefresh((current) => ({ ...current, running: true, progress: now.progress ?? current.progress }));
    }
    const watched = now.running || awaitingRefreshOutcome.has(instanceId);
    const settled = now.running ? await api.options.status({ instanceId, wait: true }) : now;
    if (!live.current || settled.running) return;
    if (watched && settled.last) await showRefreshOutcome(settled.last);
    else setRefresh((current) => ({ ...current, running: false, progress: null }));
  }, [instanceId, showRefreshOutcome]);

  useEffect(() => {
    attachToRefresh().catch(() => undefined);
  }, [attachToRefresh]);

  const refreshOptions = useCallback(async () => {
    setRefresh((current) => ({ ...current, running: true, progress: null }));
    setNotice(null);
    awaitingRefreshOutcome.set(instanceId, true);
    // The reply and the tracked outcome are the same facts; reading the outcome keeps one path for a
    // refresh this screen started and one it re-attached to.
    await api.options.refresh({ instanceId }).catch(() => undefined);
    await attempt(attachToRefresh);
  }, [attachToRefresh, attempt, instanceId]);

  const cancelRefresh = useCallback(
    () => attempt(() => api.options.cancel({ instanceId })),
    [attempt, instanceId],
  );

  const save = useCallback(async () => {
    setBusy('save');
    try {
      const result = await api.mappings.save({ instanceId });
      await reload();
      if (!live.current) return true;
      const parts = [
        result.added ? `${formatCount(result.added)} added` : '',
        result.changed ? `${formatCount(result.changed)} changed` : '',
        result.removed ? `${formatCount(result.removed)} removed` : '',
      ].filter(Boolean);
      setNotice({ kind: 'success', text: `Saved mappings: ${parts.join(', ') || 'no changes'}.` });
      return true;
    } catch (error) {
      if (live.current) setNotice({ kind: 'error', text: explain(error) });
      return false;
    } finally {
      if (live.current) setBusy(null);
    }
  }, [instanceId, reload]);

  const importFile = useCallback(
    async (file: File) => {
      setBusy('import');
      try {
        const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
        const result = await api.mappings.import({
          instanceId,
          format,
          contentBase64: await fileAsBase64(file),
        });
        apply(result);
        setNotice({
          kind: 'success',
          text: `Imported ${plural(result.imported, 'mapping')} from ${file.name} into the draft. Review, then save.`,
        });
      } catch (error) {
        if (live.current) setNotice({ kind: 'error', text: explain(error) });
      } finally {
        if (live.current) setBusy(null);
      }
    },
    [apply, instanceId],
  );

  const rows = useMemo(
    () => store.order.map((id) => store.byId.get(id)).filter((row): row is MappingRow => row !== undefined),
    [store],
  );

  return {
    load,
    rows,
    summary,
    clients,
    refresh,
    busy,
    setBusy,
    notice,
    setNotice,
    actions: {
      edit,
      undo,
      redo,
      discard,
      suggest,
      cancelSuggest,
      refreshOptions,
      cancelRefresh,
      save,
      importFile,
      reload,
    },
  };
}

export type MappingModel = ReturnType<typeof useMapping>;
