import {
  type HaloOptionClient,
  type MappingRow,
  type MappingStatus,
  type MappingSummary,
  mappingStatusSchema,
  type Organization,
} from '../../../shared/mapping-contract';
import { rowStatus } from '../../mapping/row-status';
import type { CachedClient, CachedOptionsMeta, Store } from '../../store';
import { draftOf, type MappingData, savedOf } from './mapping-data';

export interface MappingView {
  summary: MappingSummary;
  rows: MappingRow[];
}

export function toOptionClient(client: CachedClient): HaloOptionClient {
  return {
    id: client.id,
    name: client.name,
    toplevelId: client.toplevelId,
    toplevelName: client.toplevelName,
    inactive: client.inactive,
    mainSiteName: client.mainSiteName,
    website: client.website,
  };
}

export function buildRow(data: MappingData, organization: Organization): MappingRow {
  const draft = draftOf(data, organization.id);
  const saved = savedOf(data, organization.id);
  const suggestion = data.suggestions.get(organization.id) ?? null;
  const cached = draft.state === 'mapped' ? data.clients.get(draft.clientId) : undefined;
  const client = cached ? toOptionClient(cached) : null;
  const status = rowStatus({ draft, saved, suggestion, client, cacheLoaded: data.meta !== null });
  return {
    organization,
    status: status.status,
    changed: status.changed,
    draft,
    saved,
    suggestion,
    client,
    problem: status.problem,
    staleReason: status.staleReason,
    alsoMappedIn: (data.elsewhere.get(organization.id) ?? []).map((entry) => ({
      instanceId: entry.instanceId,
      instanceName: entry.instanceName,
      clientId: entry.clientId,
      clientName: entry.clientName,
    })),
  };
}

const ALL_STATUSES: readonly MappingStatus[] = mappingStatusSchema.options;

export function optionsInfo(meta: CachedOptionsMeta | null, now: Date) {
  if (!meta) return null;
  return {
    fetchedAt: meta.fetchedAt,
    ageSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(meta.fetchedAt)) / 1000)),
    clientCount: meta.clientCount,
    generation: meta.generation,
  };
}

/**
 * Rows and summary from the session's data. `only` limits the rows returned (the ones an edit touched);
 * the counts always cover every row. The undo and redo labels are read from the store, as the request
 * may just have recorded a step.
 */
export function buildMappingView(
  store: Store,
  data: MappingData,
  now: Date,
  only?: ReadonlySet<string>,
): MappingView {
  const { instanceId } = data;
  const counts = Object.fromEntries(ALL_STATUSES.map((status) => [status, 0])) as Record<
    MappingStatus,
    number
  >;
  const rows: MappingRow[] = [];
  let changeCount = 0;
  for (const organization of data.organizations) {
    const row = buildRow(data, organization);
    counts[row.status] += 1;
    if (row.changed) changeCount += 1;
    if (only === undefined || only.has(organization.id)) rows.push(row);
  }
  const { mappings } = store;
  const undoLabel = mappings.historyLabel(instanceId, data.state.historyCursor);
  const redoLabel = mappings.historyLabel(instanceId, data.state.historyCursor + 1);
  return {
    rows,
    summary: {
      instanceId,
      counts,
      total: data.organizations.length,
      unsavedChanges: changeCount > 0,
      changeCount,
      canUndo: undoLabel !== null,
      canRedo: redoLabel !== null,
      undoLabel,
      redoLabel,
      saved: {
        generation: data.state.savedGeneration,
        savedAt: data.state.savedAt,
        count: data.state.savedCount,
      },
      options: optionsInfo(data.meta, now),
    },
  };
}
