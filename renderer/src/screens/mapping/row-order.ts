import type { HaloOptionClient, MappingRow } from '../../../../shared/mapping-contract';
import { STATUS_ORDER } from './mapping-labels';

/** The columns a header press sorts by. */
export type SortColumn = 'organization' | 'status' | 'client';
export interface RowSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/** Press a header: sort by it ascending, again descending, a third time back to the backend's order. */
export function nextSort(current: RowSort | null, column: SortColumn): RowSort | null {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}

/** The Halo client a row points at: the chosen one, or the suggestion under review. */
export function rowClientId(row: MappingRow): number | null {
  if (row.draft.state === 'mapped') return row.draft.clientId;
  return row.status === 'suggested' ? (row.suggestion?.clientId ?? null) : null;
}

function rowClientName(row: MappingRow): string | null {
  if (row.draft.state === 'mapped') return row.draft.clientName;
  return row.status === 'suggested' ? (row.suggestion?.clientName ?? null) : null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const statusRank = new Map(STATUS_ORDER.map((status, rank) => [status, rank]));

/**
 * The rows in the chosen order (a new array; `rows` is left as it is). Rows without a Halo client sort
 * after those with one in either direction, so "by client" always starts with the clients.
 */
export function sortRows(rows: readonly MappingRow[], sort: RowSort | null): readonly MappingRow[] {
  if (!sort) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: MappingRow, b: MappingRow) => collator.compare(a.organization.name, b.organization.name);
  const compare: Record<SortColumn, (a: MappingRow, b: MappingRow) => number> = {
    organization: (a, b) => sign * byName(a, b),
    status: (a, b) =>
      sign * ((statusRank.get(a.status) ?? 0) - (statusRank.get(b.status) ?? 0)) || byName(a, b),
    client: (a, b) => {
      const left = rowClientName(a);
      const right = rowClientName(b);
      if (left === null || right === null)
        return (left === null ? 1 : 0) - (right === null ? 1 : 0) || byName(a, b);
      return sign * collator.compare(left, right) || byName(a, b);
    },
  };
  return [...rows].sort(compare[sort.column]);
}

/** A Halo top level to filter by: its id, or null for all of them. */
export interface TopLevel {
  id: number;
  name: string;
  clients: number;
}

/** The top levels of the cached clients, by name, with how many clients each holds. */
export function topLevelsOf(clients: readonly HaloOptionClient[]): TopLevel[] {
  const byId = new Map<number, TopLevel>();
  for (const client of clients) {
    if (client.toplevelId === null) continue;
    const known = byId.get(client.toplevelId);
    if (known) known.clients++;
    else
      byId.set(client.toplevelId, {
        id: client.toplevelId,
        name: client.toplevelName ?? `#${client.toplevelId}`,
        clients: 1,
      });
  }
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** Rows whose chosen (or suggested) Halo client sits under the top level `toplevelId`. */
export function filterByTopLevel(
  rows: readonly MappingRow[],
  toplevelId: number | null,
  clientsById: ReadonlyMap<number, HaloOptionClient>,
): readonly MappingRow[] {
  if (toplevelId === null) return rows;
  return rows.filter((row) => {
    const id = rowClientId(row);
    return id !== null && clientsById.get(id)?.toplevelId === toplevelId;
  });
}
