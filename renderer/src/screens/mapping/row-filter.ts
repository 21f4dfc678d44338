import type { MappingRow, MappingStatus } from '../../../../shared/mapping-contract';

/** A status chip, All, or 'shared': rows mapped to a Halo client another organization maps to too. */
export type StatusFilter = MappingStatus | 'all' | 'shared';

/**
 * The rows a filter chip and the search box leave, in the backend's order. The search text of a row
 * (organization name, domain, chosen or suggested client) is built once per row object and cached:
 * rows are replaced, never mutated, on every update, so a WeakMap keyed by the row stays right and a
 * keystroke over 10,000 rows is only `includes` calls.
 */
const searchKeys = new WeakMap<MappingRow, string>();

export function searchKey(row: MappingRow): string {
  let key = searchKeys.get(row);
  if (key === undefined) {
    const parts = [row.organization.name, row.organization.domain ?? '', row.organization.externalId ?? ''];
    if (row.draft.state === 'mapped') parts.push(row.draft.clientName, `#${row.draft.clientId}`);
    if (row.suggestion?.clientName) parts.push(row.suggestion.clientName);
    key = parts.join('\u0000').toLowerCase();
    searchKeys.set(row, key);
  }
  return key;
}

export function filterRows(
  rows: readonly MappingRow[],
  status: StatusFilter,
  search: string,
  shared: ReadonlyMap<string, unknown> = new Map(),
): MappingRow[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (status === 'shared') {
      if (!shared.has(row.organization.id)) return false;
    } else if (status !== 'all' && row.status !== status) return false;
    if (words.length === 0) return true;
    const key = searchKey(row);
    return words.every((word) => key.includes(word));
  });
}

/**
 * Suggested rows among `rows` whose suggestion scores at least `minScore`: what a bulk accept takes.
 * `skipClient` leaves out suggestions of some clients (inactive ones: a mapping to them goes Stale as
 * soon as it is saved).
 */
export function acceptableRows(
  rows: readonly MappingRow[],
  minScore: number,
  skipClient: (clientId: number) => boolean = () => false,
): MappingRow[] {
  // Scores are shown with two decimals; compare at that precision so "≥ 0.90" takes a shown 0.90.
  const floor = Math.round(minScore * 100) / 100 - 1e-9;
  return rows.filter(
    (row) =>
      row.status === 'suggested' &&
      row.suggestion !== null &&
      row.suggestion.clientId !== null &&
      row.suggestion.score >= floor &&
      !skipClient(row.suggestion.clientId),
  );
}
