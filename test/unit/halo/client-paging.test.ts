import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHaloClient, type HaloClient, type HaloClientOptions } from '../../../electron/halo/index';
import { FAKE_CLIENT_SECRET, type FakeClientRow, type FakeHalo, startFakeHalo } from '../../fake-halo/index';
import { configFor, loopbackLookup, virtualClock } from './helpers';

/** Reading every client from the fake over real sockets, through Halo's paging traps. */

let fake: FakeHalo;
let seed: FakeClientRow[];
const opened: HaloClient[] = [];

beforeAll(async () => {
  fake = await startFakeHalo({ clients: 10_000, inactiveShare: 0.05, rateLimit: false });
  seed = fake.clients();
});
afterAll(async () => {
  await fake.stop();
});
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
  fake.configure({ lyingRecordCount: null, shiftRowsDuringPaging: false });
  fake.setClients(seed);
  fake.resetStats();
});

function client(target: FakeHalo, options: Partial<HaloClientOptions> = {}): HaloClient {
  const created = createHaloClient(configFor(target), {
    clientSecret: FAKE_CLIENT_SECRET,
    protocol: 'http',
    lookup: loopbackLookup,
    proxy: {},
    ...options,
  });
  opened.push(created);
  return created;
}

function pageRequests(target: FakeHalo): number {
  return target.stats.byPath['/api/client'] ?? 0;
}

/** Every id comes back exactly once, and the fake served each exactly once (no wasted pages). */
function expectExactlyOnce(returned: { id: number }[], expectedIds: number[], target: FakeHalo): void {
  const ids = returned.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort((a, b) => a - b)).toEqual([...expectedIds].sort((a, b) => a - b));
  for (const id of expectedIds) expect(target.stats.clientIdsServed[id]).toBe(1);
}

describe('listClients paging', () => {
  it.each([0, 1, 99, 100, 101, 10_000])('%i clients: all back exactly once, minimal pages', async (n) => {
    const rows = seed.slice(0, n).map((row) => ({ ...row, inactive: false }));
    fake.setClients(rows);
    fake.resetStats();
    const result = await client(fake).listClients();
    expectExactlyOnce(
      result,
      rows.map((r) => r.id),
      fake,
    );
    expect(pageRequests(fake)).toBe(Math.max(1, Math.ceil(n / 100)));
    expect(fake.stats.tokenRequests).toBe(1);
  });

  it('parses rows tolerantly and keeps unknown fields and raw names', async () => {
    const odd: FakeClientRow = {
      ...seed[0],
      id: 424242,
      name: 'Smith &amp; Sons',
      inactive: false,
    } as FakeClientRow;
    fake.setClients([odd]);
    const [row] = await client(fake).listClients();
    expect(row?.name).toBe('Smith &amp; Sons');
    expect(row?.toplevel_name).toBe(odd.toplevel_name);
    // Halo's list rows carry no main site or website (only GET /api/Client/{id} has the website).
    expect(row?.main_site_name ?? null).toBeNull();
    expect(row?.website ?? null).toBeNull();
  });

  it('active only by default; includeInactive adds the inactive ones', async () => {
    const active = seed.filter((r) => !r.inactive);
    const activeOnly = await client(fake).listClients();
    expect(activeOnly).toHaveLength(active.length);
    expect(activeOnly.every((r) => r.inactive === false)).toBe(true);
    fake.resetStats();
    const everything = await client(fake).listClients({ includeInactive: true });
    expectExactlyOnce(
      everything,
      seed.map((r) => r.id),
      fake,
    );
    expect(everything.some((r) => r.inactive === true)).toBe(true);
  });

  it('a server cap below 100 rows per page still yields every row', async () => {
    const capped = await startFakeHalo({ clients: 260, inactiveShare: 0, pageCap: 40, rateLimit: false });
    try {
      const rows = await client(capped).listClients();
      expectExactlyOnce(
        rows,
        capped.clients().map((r) => r.id),
        capped,
      );
      expect(pageRequests(capped)).toBe(7);
    } finally {
      await capped.stop();
    }
  });

  it('a record_count that overstates does not cause a loop or missing rows', async () => {
    const rows = seed.slice(0, 250).map((row) => ({ ...row, inactive: false }));
    fake.setClients(rows);
    fake.configure({ lyingRecordCount: 5_000 });
    fake.resetStats();
    const result = await client(fake).listClients();
    expectExactlyOnce(
      result,
      rows.map((r) => r.id),
      fake,
    );
    expect(pageRequests(fake)).toBe(3);
  });

  it('a record_count that overstates with an exact multiple of 100 rows ends on an empty page', async () => {
    const rows = seed.slice(0, 300).map((row) => ({ ...row, inactive: false }));
    fake.setClients(rows);
    fake.configure({ lyingRecordCount: 717 });
    fake.resetStats();
    const result = await client(fake).listClients();
    expect(result).toHaveLength(300);
    expect(pageRequests(fake)).toBe(4);
  });

  it('rows shifting while paging: no duplicates, no lost rows (only the row added after our last page)', async () => {
    const rows = seed.slice(0, 450).map((row) => ({ ...row, inactive: false }));
    fake.setClients(rows);
    fake.configure({ shiftRowsDuringPaging: true });
    fake.resetStats();
    const { rows: result, stats } = await client(fake).listClientsWithStats();
    expect(stats.shiftDetected).toBe(true);
    const ids = result.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const now = fake.clients();
    const returned = new Set(ids);
    const missing = now.filter((r) => !returned.has(r.id));
    // The fake inserts one row after every page it serves, including our last one; that row did not
    // exist when we finished reading. Everything else, originals and insertions alike, is there.
    expect(missing).toHaveLength(1);
    const newestInsertId = Math.max(...now.map((r) => r.id));
    expect(missing[0]?.id).toBe(newestInsertId);
    for (const original of rows) expect(returned.has(original.id)).toBe(true);
    expect(result.length).toBe(now.length - 1);
  });

  it('reports progress with page, estimate, rows so far and record_count', async () => {
    const rows = seed.slice(0, 250).map((row) => ({ ...row, inactive: false }));
    fake.setClients(rows);
    const progress: {
      page: number;
      pagesEstimated: number | null;
      rowsSoFar: number;
      recordCount: number | null;
    }[] = [];
    await client(fake).listClients({ onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { page: 1, pagesEstimated: 3, rowsSoFar: 100, recordCount: 250 },
      { page: 2, pagesEstimated: 3, rowsSoFar: 200, recordCount: 250 },
      { page: 3, pagesEstimated: 3, rowsSoFar: 250, recordCount: 250 },
    ]);
  });
});

describe('tokens during paging', () => {
  it('a token expiring in the middle of paging is renewed once and the read finishes', async () => {
    fake.resetStats();
    const c = client(fake);
    const rows = await c.listClients({
      onProgress: (p) => {
        if (p.page === 3 && p.waitingMs === undefined) fake.expireAllTokens();
      },
    });
    expect(rows).toHaveLength(seed.filter((r) => !r.inactive).length);
    expect(fake.stats.tokenRequests).toBe(2);
    // one page was refused (401) and asked again
    expect(pageRequests(fake)).toBe(Math.ceil(rows.length / 100) + 1);
  });

  it('renews proactively from expires_in (a minute early) without any 401', async () => {
    const clock = virtualClock();
    const shortLived = await startFakeHalo({
      clients: 900,
      inactiveShare: 0,
      tokenLifetimeSeconds: 120,
      rateLimit: false,
      now: clock.now,
    });
    try {
      const c = client(shortLived, { clock });
      const rows = await c.listClients({ onProgress: () => clock.advance(25_000) });
      expect(rows).toHaveLength(900);
      // 9 pages, 25 s apart: the 120 s token is replaced after 60 s (margin 60 s), i.e. every 3 pages
      expect(shortLived.stats.tokenRequests).toBe(3);
      expect(pageRequests(shortLived)).toBe(9); // no page was refused and repeated
    } finally {
      await shortLived.stop();
    }
  });
});

describe('rate limits during paging', () => {
  it('a 429 in the middle of paging is waited out (backoff, virtual clock) and the read finishes', async () => {
    const clock = virtualClock();
    const limited = await startFakeHalo({
      clients: 2_500,
      inactiveShare: 0,
      rateLimit: { limit: 10, windowMs: 60_000 },
      now: clock.now,
    });
    try {
      const waits: number[] = [];
      const c = client(limited, { clock, random: () => 1 });
      const rows = await c.listClients({
        onProgress: (p) => {
          if (p.waitingMs !== undefined) waits.push(p.waitingMs);
        },
      });
      expectExactlyOnce(
        rows,
        limited.clients().map((r) => r.id),
        limited,
      );
      expect(limited.stats.rateLimited).toBeGreaterThan(0);
      expect(waits.length).toBeGreaterThan(0);
      expect(waits.every((ms) => ms > 0)).toBe(true);
    } finally {
      await limited.stop();
    }
  });

  it('Retry-After is honoured when the server sends it', async () => {
    const clock = virtualClock();
    const limited = await startFakeHalo({
      clients: 500,
      inactiveShare: 0,
      rateLimit: { limit: 4, windowMs: 30_000, sendRetryAfter: true },
      now: clock.now,
    });
    try {
      const c = client(limited, { clock, random: () => 0 });
      const rows = await c.listClients();
      expect(rows).toHaveLength(500);
      // the fake's Retry-After is the whole seconds until the oldest request leaves its window
      expect(clock.slept.length).toBeGreaterThan(0);
      expect(clock.slept.every((ms) => ms >= 1000 && ms % 1000 === 0)).toBe(true);
    } finally {
      await limited.stop();
    }
  });

  it('the pacer keeps under the budget so the limit is never hit, and reports the waits', async () => {
    const clock = virtualClock();
    const limited = await startFakeHalo({
      clients: 1_200,
      inactiveShare: 0,
      rateLimit: { limit: 5, windowMs: 10_000 },
      now: clock.now,
    });
    try {
      const waits: number[] = [];
      const c = client(limited, { clock, pacer: { limit: 5, windowMs: 10_000 } });
      const rows = await c.listClients({
        onProgress: (p) => {
          if (p.waitingMs !== undefined) waits.push(p.waitingMs);
        },
      });
      expect(rows).toHaveLength(1_200);
      expect(limited.stats.rateLimited).toBe(0);
      // 1 authinfo + 1 token + 12 pages = 14 requests at 5 per 10 s: two full waits
      expect(limited.stats.requests).toBe(14);
      expect(waits).toHaveLength(2);
    } finally {
      await limited.stop();
    }
  });
});
