import type { FakeClientRow } from './types';

/** A row of /api/Site, with the fields the real API returns that this app reads. */
export interface FakeSiteRow {
  id: number;
  name: string;
  client_id: number;
  client_name: string;
  clientsite_name: string;
  inactive: boolean;
}

/** Extra-site ids live far above main-site ids so the two never collide. */
const BRANCH_SITE_ID_BASE = 900_000;

function site(client: FakeClientRow, id: number, name: string): FakeSiteRow {
  return {
    id,
    name,
    client_id: client.id,
    client_name: client.name,
    clientsite_name: `${client.name} - ${name}`,
    inactive: client.inactive,
  };
}

/**
 * The sites of the given clients: every client's main site, plus a branch office for every sixth
 * client (derived from its id, so it is the same whatever order or subset the rows come in).
 */
export function sitesOf(clients: readonly FakeClientRow[]): FakeSiteRow[] {
  const sites: FakeSiteRow[] = [];
  for (const client of clients) {
    sites.push(site(client, client.main_site_id, client.main_site_name));
    if (client.id % 6 === 0) sites.push(site(client, BRANCH_SITE_ID_BASE + client.id, 'Branch Office'));
  }
  return sites;
}
