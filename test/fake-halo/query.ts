/**
 * Reading query strings the way Halo (ASP.NET) does: parameter names are case-insensitive, booleans
 * are "true"/"false", and anything unparseable or unknown is silently ignored.
 */
export type Query = ReadonlyMap<string, string>;

export function readQuery(url: URL): Query {
  const query = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    const name = key.toLowerCase();
    if (!query.has(name)) query.set(name, value);
  }
  return query;
}

/** "true"/"1" or "false"/"0" (any case); undefined for anything else. */
export function parseBool(raw: string | undefined): boolean | undefined {
  const value = raw?.trim().toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

export function queryBool(query: Query, name: string, fallback: boolean): boolean {
  return parseBool(query.get(name)) ?? fallback;
}

/** A whole number, or undefined when absent or not a number (Halo ignores such values). */
export function queryInt(query: Query, name: string): number | undefined {
  const value = query.get(name)?.trim();
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}
