import {
  type HaloOptionClient,
  type MappingRow,
  type MappingStatus,
  type MappingSummary,
  type MappingValue,
  mappingStatusSchema,
  type Organization,
  type Suggestion,
} from '../../../shared/mapping-contract';
import { rowStatus } from '../../mapping/row-status';
import type { CachedClient, CachedOptionsMeta, MappingState, SavedElsewhere } from '../../store';
import type { BackendContext } from '../context';

export const UNMAPPED: MappingValue = { state: 'unmapped' };

/** Everything one instance's mapping screen is computed from, read once per request. */
export interface MappingData {
  instanceId: string;
  organizations: Organization[];
  saved: Map<string, MappingValue>;
  overrides: Map<string, MappingValue>;
  suggestions: Map<string, Suggestion>;
  clients: Map<number, CachedClient>;
  meta: CachedOptionsMeta | null;
  elsewhere: Map<string, SavedElsewhere[]>;
  state: MappingState;
}

export function loadMappingData(context: BackendContext, instanceId: string): MappingData {
  const { store } = context;
  const meta = store.haloOptions.meta(instanceId);
  const elsewhere = new Map<string, SavedElsewhere[]>();
  for (const entry of store.mappings.savedElsewhere(instanceId)) {
    const list = elsewhere.get(entry.organizationId);
    if (list) list.push(entry);
    else elsewhere.set(entry.organizationId, [entry]);
  }
  return {
    instanceId,
    organizations: store.organizations.list(),
    saved: store.mappings.saved(instanceId),
    overrides: store.mappings.draftOverrides(instanceId),
    suggestions: store.mappings.suggestions(instanceId),
    clients: new Map(meta ? store.haloOptions.clients(instanceId).map((client) => [client.id, client]) : []),
    meta,
    elsewhere,
    state: store.mappings.state(instanceId),
  };
}

export function draftOf(
  data: Pick<MappingData, 'saved' | 'overrides'>,
  organizationId: string,
): MappingValue {
  return data.overrides.get(organizationId) ?? data.saved.get(organizationId) ?? UNMAPPED;
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
  const saved = data.saved.get(organization.id) ?? UNMAPPED;
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
 * Rows and summary. `only` limits the rows returned (the ones an edit touched); the counts always cover
 * every row.
 */
export function buildMappingView(
  context: BackendContext,
  instanceId: string,
  only?: ReadonlySet<string>,
): { summary: MappingSummary; rows: MappingRow[] } {
  const data = loadMappingData(context, instanceId);
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
  const { mappings } = context.store;
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
      options: optionsInfo(data.meta, context.now()),
    },
  };
}
