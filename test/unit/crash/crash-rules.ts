import type { CachedClient } from '../../../electron/store';

/** How many Halo clients the crash test's cache holds (ids 1..CRASH_CLIENTS). */
export const CRASH_CLIENTS = 50;
export const CRASH_ORGANIZATIONS = 300;

/** The client organization `index` maps to in saved generation `generation`: differs for every row between generations. */
export function crashClientId(generation: number, index: number): number {
  return 1 + ((generation + index) % CRASH_CLIENTS);
}

/** The options cache written by generation `generation`: its size and names depend on the generation. */
export function crashCacheClients(generation: number): CachedClient[] {
  const count = 300 + ((generation * 37) % 200);
  return Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    name: `Client ${index + 1} g${generation}`,
    toplevelId: 1,
    toplevelName: 'Customers',
    inactive: index % 17 === 0,
    mainSiteName: 'Main',
    website: null,
    ref: null,
    accountsId: null,
    tenants: [],
  }));
}
