import { throwIfAborted } from './abort';
import { registrableDomain } from './domain';
import { type NameKeys, normaliseName } from './normalise-name';
import type { AbortFlag, HaloClientInput } from './types';
import { Vocabulary } from './vocabulary';

/** A Halo client with every key precomputed once. */
export interface ClientRecord {
  position: number;
  id: number;
  name: string;
  inactive: boolean;
  keys: NameKeys;
  domain: string | null;
  tokenIds: number[];
  /** Which client field holds which external id, to say so in a reason. */
  externalIds: { field: 'ref' | 'accountsid' | 'id'; value: string }[];
  /** Sum of the IDF weights of the client's words, the client's side of the fuzzy denominator. */
  weightTotal: number;
}

/** Lookup tables from each kind of evidence to client positions. */
export interface ClientIndex {
  records: ClientRecord[];
  byExactName: Map<string, number[]>;
  byKey: Map<string, number[]>;
  /**
   * The client's words in alphabetical order -> clients whose key is in another order (a name already
   * in order is in `byKey`).
   */
  byWordSet: Map<string, number[]>;
  byDomain: Map<string, number[]>;
  byExternalId: Map<string, number[]>;
  /** Microsoft tenant id (lower-case bare GUID) -> clients that carry it. */
  byTenant: Map<string, number[]>;
  byClientId: Map<number, number>;
  vocabulary: Vocabulary;
}

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/;

/** A Microsoft tenant id as a lower-case bare GUID ("{1A2B...}" = "1a2b..."), or null if it is none. */
export function normaliseTenantId(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  return GUID.exec(value.trim().toLowerCase())?.[1] ?? null;
}

/** Identifiers compare case- and space-insensitively: "ACC-001 " = "acc-001". */
export function normaliseExternalId(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toLowerCase();
  return text === '' ? null : text;
}

export function addTo<K>(map: Map<K, number[]>, key: K, position: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}

const ABORT_CHECK_EVERY = 512;

export function buildClientIndex(clients: readonly HaloClientInput[], signal?: AbortFlag): ClientIndex {
  const index: ClientIndex = {
    records: [],
    byExactName: new Map(),
    byKey: new Map(),
    byWordSet: new Map(),
    byDomain: new Map(),
    byExternalId: new Map(),
    byTenant: new Map(),
    byClientId: new Map(),
    vocabulary: new Vocabulary(),
  };
  for (const client of clients) {
    if (index.records.length % ABORT_CHECK_EVERY === 0) throwIfAborted(signal);
    // Halo never sends the same id twice in one list on purpose; paging can, so keep the first.
    if (typeof client.name !== 'string' || index.byClientId.has(client.id)) continue;
    const keys = normaliseName(client.name);
    if (keys.key === '') continue;
    const position = index.records.length;
    const tokenIds = index.vocabulary.addDocument(position, keys.tokens);
    const record: ClientRecord = {
      position,
      id: client.id,
      name: keys.exact,
      inactive: client.inactive === true,
      keys,
      domain: registrableDomain(client.website),
      tokenIds,
      externalIds: [],
      weightTotal: 0,
    };
    index.records.push(record);
    index.byClientId.set(client.id, position);
    addTo(index.byExactName, keys.exact, position);
    addTo(index.byKey, keys.key, position);
    addTo(index.byKey, keys.compactKey, position);
    if (keys.literalCompactKey !== null) addTo(index.byKey, keys.literalCompactKey, position);
    // A name whose words are already in order is found by its key; only the others need this table.
    if (keys.sortedKey !== keys.key) addTo(index.byWordSet, keys.sortedKey, position);
    if (keys.altKey !== null) addTo(index.byKey, keys.altKey, position);
    if (record.domain !== null) addTo(index.byDomain, record.domain, position);
    for (const tenant of client.tenants ?? []) {
      const domain = tenant.domain === null ? null : registrableDomain(tenant.domain);
      if (domain !== null && domain !== record.domain) addTo(index.byDomain, domain, position);
      const tenantId = normaliseTenantId(tenant.tenantId);
      if (tenantId !== null) addTo(index.byTenant, tenantId, position);
    }
    const externals = [
      ['ref', client.ref],
      ['accountsid', client.accountsId],
      ['id', client.id],
    ] as const;
    for (const [field, raw] of externals) {
      const value = normaliseExternalId(raw);
      if (value === null) continue;
      record.externalIds.push({ field, value });
      addTo(index.byExternalId, value, position);
    }
  }
  index.vocabulary.seal();
  for (const record of index.records) {
    let total = 0;
    for (const tokenId of record.tokenIds) total += index.vocabulary.idf(tokenId);
    record.weightTotal = total;
  }
  return index;
}
