import type { MappingValue, Organization, Suggestion } from '../../../shared/mapping-contract';
import type { CachedClient, CachedOptionsMeta, MappingState, SavedElsewhere, Store } from '../../store';

export const UNMAPPED: MappingValue = { state: 'unmapped' };

/**
 * Everything one instance's mapping screen is computed from, read once per request. The session's
 * edits write through to the store and update these maps in place, so the view that answers the
 * request is built from them without reading the tables again.
 */
export interface MappingData {
  instanceId: string;
  organizations: Organization[];
  organizationIds: Set<string>;
  saved: Map<string, MappingValue>;
  overrides: Map<string, MappingValue>;
  suggestions: Map<string, Suggestion>;
  clients: Map<number, CachedClient>;
  meta: CachedOptionsMeta | null;
  elsewhere: Map<string, SavedElsewhere[]>;
  state: MappingState;
}

export function loadMappingData(store: Store, instanceId: string): MappingData {
  const meta = store.haloOptions.meta(instanceId);
  const elsewhere = new Map<string, SavedElsewhere[]>();
  for (const entry of store.mappings.savedElsewhere(instanceId)) {
    const list = elsewhere.get(entry.organizationId);
    if (list) list.push(entry);
    else elsewhere.set(entry.organizationId, [entry]);
  }
  const organizations = store.organizations.list();
  return {
    instanceId,
    organizations,
    organizationIds: new Set(organizations.map((organization) => organization.id)),
    saved: store.mappings.saved(instanceId),
    overrides: store.mappings.draftOverrides(instanceId),
    suggestions: store.mappings.suggestions(instanceId),
    clients: new Map(meta ? store.haloOptions.clients(instanceId).map((client) => [client.id, client]) : []),
    meta,
    elsewhere,
    state: store.mappings.state(instanceId),
  };
}

export function savedOf(data: Pick<MappingData, 'saved'>, organizationId: string): MappingValue {
  return data.saved.get(organizationId) ?? UNMAPPED;
}

export function draftOf(
  data: Pick<MappingData, 'saved' | 'overrides'>,
  organizationId: string,
): MappingValue {
  return data.overrides.get(organizationId) ?? savedOf(data, organizationId);
}
