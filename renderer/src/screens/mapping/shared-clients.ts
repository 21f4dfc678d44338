import type { MappingRow } from '../../../../shared/mapping-contract';

/**
 * Organizations of one instance whose draft maps them to the same Halo client as another organization:
 * for each such organization id, the names of the others ("also mapped from Acme"). Usually a mistake
 * (two directory entries for one customer, or a wrong pick); sometimes on purpose, so it is shown, not
 * refused.
 */
export function sharedClientNames(rows: readonly MappingRow[]): ReadonlyMap<string, string[]> {
  const byClient = new Map<number, MappingRow[]>();
  for (const row of rows) {
    if (row.draft.state !== 'mapped') continue;
    const group = byClient.get(row.draft.clientId);
    if (group) group.push(row);
    else byClient.set(row.draft.clientId, [row]);
  }
  const shared = new Map<string, string[]>();
  for (const group of byClient.values()) {
    if (group.length < 2) continue;
    for (const row of group) {
      shared.set(
        row.organization.id,
        group.filter((other) => other !== row).map((other) => other.organization.name),
      );
    }
  }
  return shared;
}

/** Halo client id to the organizations mapped to it, for the picker's "also mapped from". */
export function mappedFromByClient(rows: readonly MappingRow[]): ReadonlyMap<number, string[]> {
  const byClient = new Map<number, string[]>();
  for (const row of rows) {
    if (row.draft.state !== 'mapped') continue;
    const names = byClient.get(row.draft.clientId);
    if (names) names.push(row.organization.name);
    else byClient.set(row.draft.clientId, [row.organization.name]);
  }
  return byClient;
}
