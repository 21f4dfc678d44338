import { pageRows } from './paging';
import { parseBool, type Query, queryBool, queryInt } from './query';
import { TOP_LEVELS } from './seed-data';
import type { FakeClientRow } from './types';

type ClientField = keyof FakeClientRow;

const CLIENT_FIELDS: readonly ClientField[] = [
  'id',
  'name',
  'toplevel_id',
  'toplevel_name',
  'inactive',
  'main_site_id',
  'main_site_name',
  'website',
  'ref',
  'colour',
  'is_vip',
  'customertype',
  'accountsid',
  'notes',
];

/**
 * Fields Halo keeps off `GET /api/Client` list rows: the website only comes with the single-client GET,
 * and the main site only from `/api/Site`. The fake stores them for those routes but never lists them.
 */
const SINGLE_CLIENT_ONLY: ReadonlySet<ClientField> = new Set(['website', 'main_site_id', 'main_site_name']);

/**
 * A client as a list row: every stored field Halo lists, none that only the single GET carries. Its
 * Microsoft tenants (`azure_tenants`) only with `includeazuretenants=true`, and then always, as a list
 * (empty for a client without one).
 */
export function listRowOf(row: FakeClientRow, includeAzureTenants = false): Record<string, unknown> {
  const listed: Record<string, unknown> = Object.fromEntries(
    Object.entries(row).filter(
      ([key]) => !SINGLE_CLIENT_ONLY.has(key as ClientField) && key !== 'azure_tenants',
    ),
  );
  if (includeAzureTenants) listed.azure_tenants = (row.azure_tenants ?? []).map((tenant) => ({ ...tenant }));
  return listed;
}

/** A client as `GET /api/Client/{id}` returns it: the list fields plus its website. */
export function singleClientOf(row: FakeClientRow): Record<string, unknown> {
  return { ...listRowOf(row), website: row.website };
}

interface Ordering {
  field: ClientField;
  descending: boolean;
}

/** SQL Server's default collation compares case- and accent-insensitively; numeric keeps "1st" first. */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareValues(a: FakeClientRow[ClientField], b: FakeClientRow[ClientField]): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return Number(a) - Number(b);
}

function orderingOf(query: Query): Ordering {
  const requested = query.get('order')?.trim().toLowerCase();
  const field = CLIENT_FIELDS.find((name) => name === requested) ?? 'name';
  return { field, descending: queryBool(query, 'orderdesc', false) };
}

export interface ClientListAnswer {
  body: Record<string, unknown>;
  /** Ids of the rows in the answer, for `stats.clientIdsServed`. */
  servedIds: number[];
}

export interface ClientListSettings {
  pageCap: number;
  lyingRecordCount: number | null;
  shiftRowsDuringPaging: boolean;
}

/**
 * The customers the fake serves, with /api/Client's filtering, ordering and paging. Sorted views are
 * cached per ordering so paging 20,000 rows stays fast.
 */
export class ClientDirectory {
  private rows: FakeClientRow[] = [];
  private readonly sorted = new Map<string, FakeClientRow[]>();
  private insertedCount = 0;

  constructor(rows: readonly FakeClientRow[]) {
    this.replace(rows);
  }

  replace(rows: readonly FakeClientRow[]): void {
    const ids = new Set<number>();
    for (const row of rows) {
      if (ids.has(row.id)) throw new Error(`duplicate client id ${row.id}`);
      ids.add(row.id);
    }
    this.rows = rows.map((row) => ({ ...row }));
    this.sorted.clear();
  }

  all(): FakeClientRow[] {
    return this.rows.map((row) => ({ ...row }));
  }

  /** Live rows, not copies: callers must not change them. */
  current(): readonly FakeClientRow[] {
    return this.rows;
  }

  byId(id: number): FakeClientRow | undefined {
    return this.rows.find((row) => row.id === id);
  }

  list(query: Query, settings: ClientListSettings): ClientListAnswer {
    const ordering = orderingOf(query);
    const matches = this.filter(this.sortedBy(ordering), query);
    const page = pageRows(matches, query, settings.pageCap);
    const idOnly = queryBool(query, 'idonly', false);
    const withTenants = queryBool(query, 'includeazuretenants', false);
    const body: Record<string, unknown> = {
      ...(page.paging ?? {}),
      record_count: settings.lyingRecordCount ?? page.recordCount,
      clients: idOnly
        ? page.rows.map((row) => ({ id: row.id }))
        : page.rows.map((row) => listRowOf(row, withTenants)),
    };
    const servedIds = page.rows.map((row) => row.id);
    if (page.paging && settings.shiftRowsDuringPaging) this.insertNearFront(ordering, query);
    return { body, servedIds };
  }

  private sortedBy(ordering: Ordering): FakeClientRow[] {
    const key = `${ordering.field}:${ordering.descending}`;
    const cached = this.sorted.get(key);
    if (cached) return cached;
    const direction = ordering.descending ? -1 : 1;
    const sorted = [...this.rows].sort(
      (a, b) => direction * compareValues(a[ordering.field], b[ordering.field]) || a.id - b.id,
    );
    this.sorted.set(key, sorted);
    return sorted;
  }

  private filter(rows: readonly FakeClientRow[], query: Query): FakeClientRow[] {
    // activeinactive=true,false is Halo's shorthand for includeactive/includeinactive.
    const [activeFlag, inactiveFlag] = (query.get('activeinactive') ?? '').split(',');
    const includeActive = parseBool(activeFlag) ?? queryBool(query, 'includeactive', true);
    const includeInactive = parseBool(inactiveFlag) ?? queryBool(query, 'includeinactive', false);
    const topLevelId = queryInt(query, 'toplevel_id');
    const search = query.get('search')?.trim().toLowerCase() ?? '';
    return rows.filter(
      (row) =>
        (row.inactive ? includeInactive : includeActive) &&
        (topLevelId === undefined || topLevelId <= 0 || row.toplevel_id === topLevelId) &&
        (search === '' || row.name.toLowerCase().includes(search)),
    );
  }

  /**
   * Someone adds a customer while a client is paging: the new row sorts near the front of the
   * ordering in use (by name or id, either direction) and matches the filters in use, so every later
   * page shifts by one row and a client that does not de-duplicate by id sees a row twice.
   */
  private insertNearFront(ordering: Ordering, query: Query): void {
    this.insertedCount += 1;
    const n = this.insertedCount;
    const search = query.get('search')?.trim() ?? '';
    const label = search === '' ? 'Dental Care' : search;
    const name =
      ordering.field === 'name' && ordering.descending ? `Zzyzx ${label} ${n}` : `1st Call ${label} ${n}`;
    const topLevelId = queryInt(query, 'toplevel_id');
    const topLevel = TOP_LEVELS.find((t) => t.id === topLevelId) ?? TOP_LEVELS[0];
    const includeActive = queryBool(query, 'includeactive', true);
    const maxId = this.rows.reduce((max, row) => Math.max(max, row.id), 0);
    const maxSiteId = this.rows.reduce((max, row) => Math.max(max, row.main_site_id), 0);
    this.rows.push({
      id: ordering.field === 'id' && !ordering.descending ? this.smallestFreeId() : maxId + 1,
      name,
      toplevel_id: topLevel?.id ?? 1,
      toplevel_name: topLevel?.name ?? 'Customers',
      inactive: !includeActive,
      main_site_id: maxSiteId + 1,
      main_site_name: 'Main Site',
      website: '',
      ref: '',
      colour: '',
      is_vip: false,
      customertype: 0,
      accountsid: '',
      notes: 'Added while a client was paging',
    });
    this.sorted.clear();
  }

  private smallestFreeId(): number {
    const ids = new Set(this.rows.map((row) => row.id));
    let id = 1;
    while (ids.has(id)) id += 1;
    return id;
  }
}
