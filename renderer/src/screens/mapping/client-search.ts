import type { HaloOptionClient } from '../../../../shared/mapping-contract';

/**
 * Type-to-filter over the cached Halo clients. With 10,000+ clients a picker must not hand them all to
 * the list: the keys are lowercased once, a keystroke is one linear scan of plain string tests (well
 * under a millisecond per thousand clients), and only the best `limit` reach the screen.
 */
export interface ClientSearchIndex {
  readonly clients: readonly HaloOptionClient[];
  readonly byId: ReadonlyMap<number, HaloOptionClient>;
  /** Lowercased names, aligned with `clients`. */
  readonly keys: readonly string[];
}

export function buildClientIndex(clients: readonly HaloOptionClient[]): ClientSearchIndex {
  const sorted = [...clients].sort(
    (a, b) => Number(a.inactive) - Number(b.inactive) || a.name.localeCompare(b.name),
  );
  return {
    clients: sorted,
    byId: new Map(sorted.map((client) => [client.id, client])),
    keys: sorted.map((client) => client.name.toLowerCase()),
  };
}

export interface ClientSearchResult {
  clients: HaloOptionClient[];
  /** How many clients matched in all (the list shows at most `limit`). */
  total: number;
}

/**
 * Clients whose name contains every word of the query, or whose id is the query ("31" or "#31").
 * Ranked: id hit, then name starts with the query, then a word starts with it, then anywhere; active
 * before inactive within each rank (the index is sorted so).
 */
export function searchClients(index: ClientSearchIndex, query: string, limit = 50): ClientSearchResult {
  const text = query.trim().toLowerCase();
  if (text === '') {
    return { clients: index.clients.slice(0, limit), total: index.clients.length };
  }
  const ranks: HaloOptionClient[][] = [[], [], [], []];
  const idText = text.startsWith('#') ? text.slice(1) : text;
  const byId = /^\d+$/.test(idText) ? index.byId.get(Number(idText)) : undefined;
  if (byId) ranks[0]?.push(byId);
  const words = text.split(/\s+/);
  let total = byId ? 1 : 0;
  for (let i = 0; i < index.keys.length; i++) {
    const key = index.keys[i] as string;
    const client = index.clients[i] as HaloOptionClient;
    if (client === byId) continue;
    if (!words.every((word) => key.includes(word))) continue;
    total += 1;
    const rank = key.startsWith(text) ? 1 : key.includes(` ${words[0] ?? ''}`) ? 2 : 3;
    const bucket = ranks[rank] as HaloOptionClient[];
    // Enough of each rank to fill the list; the rest only count.
    if (bucket.length < limit) bucket.push(client);
  }
  return { clients: ranks.flat().slice(0, limit), total };
}
