import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeClientRow, type FakeHalo, fakeClientRow, startFakeHalo } from '../../fake-halo';
import { apiGet, apiJson, clientPage, getToken } from './helpers';

const row = fakeClientRow;

/** 250 seeded clients: 717 would be closer to the doc's example but 250 keeps the cap visible and fast. */
describe('fake Halo: /api/Client over a seeded list', () => {
  let fake: FakeHalo;
  let token: string;
  let active: FakeClientRow[];

  beforeAll(async () => {
    fake = await startFakeHalo({ clients: 250, inactiveShare: 0.1, rateLimit: false });
    token = await getToken(fake);
    active = fake.clients().filter((client) => !client.inactive);
  });
  afterAll(() => fake.stop());

  it('without pageinate returns every active client in one response, ignoring page_size/page_no', async () => {
    const all = await clientPage(fake, '', token);
    expect(all.clients).toHaveLength(active.length);
    expect(all.record_count).toBe(active.length);
    expect(all.page_no).toBeUndefined();
    const ignored = await clientPage(fake, '?page_size=10&page_no=3', token);
    expect(ignored.clients).toHaveLength(active.length);
  });

  it('pages with pageinate=true (1-based), reporting the total as record_count', async () => {
    const first = await clientPage(fake, '?pageinate=true&page_size=50&page_no=1', token);
    const second = await clientPage(fake, '?pageinate=true&page_size=50&page_no=2', token);
    expect(first).toMatchObject({ page_no: 1, page_size: 50, record_count: active.length });
    expect(first.clients).toHaveLength(50);
    expect(second.clients).toHaveLength(50);
    const firstIds = new Set(first.clients.map((client) => client.id));
    expect(second.clients.some((client) => firstIds.has(client.id))).toBe(false);
  });

  it('silently caps a page at 100 rows: ask 1000, get 100 with the true record_count', async () => {
    const page = await clientPage(fake, '?pageinate=true&page_size=1000&page_no=1', token);
    expect(page.clients).toHaveLength(100);
    expect(page.record_count).toBe(active.length);
    expect(page.page_size).toBe(1000);
    // Pages are cut at the cap, so walking page_no still reaches every row.
    const third = await clientPage(fake, '?pageinate=true&page_size=1000&page_no=3', token);
    expect(third.clients).toHaveLength(active.length - 200);
  });

  it('serves every active client exactly once to a client that pages until a short page', async () => {
    fake.resetStats();
    const seen: number[] = [];
    for (let pageNo = 1; pageNo < 50; pageNo += 1) {
      const page = await clientPage(fake, `?pageinate=true&page_size=100&page_no=${pageNo}`, token);
      seen.push(...page.clients.map((client) => client.id));
      if (page.clients.length < 100) break;
    }
    expect(new Set(seen).size).toBe(active.length);
    expect(Object.keys(fake.stats.clientIdsServed)).toHaveLength(active.length);
    expect(Object.values(fake.stats.clientIdsServed).every((times) => times === 1)).toBe(true);
    expect(fake.stats.byPath['/api/client']).toBe(3);
  });

  it('count=N returns N rows and reports N as record_count', async () => {
    const page = await clientPage(fake, '?count=7', token);
    expect(page.clients).toHaveLength(7);
    expect(page.record_count).toBe(7);
  });

  it('orders by name by default, and by order/orderdesc when asked', async () => {
    const byName = (await clientPage(fake, '', token)).clients.map((client) => client.name);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(byName).toEqual([...byName].sort(collator.compare));
    const byIdDesc = (await clientPage(fake, '?order=id&orderdesc=true', token)).clients.map((c) => c.id);
    expect(byIdDesc).toEqual([...byIdDesc].sort((a, b) => b - a));
  });

  it('silently ignores unknown parameters and returns the full list', async () => {
    const page = await clientPage(fake, '?client_name=Smith&foo=bar&pagesize=5', token);
    expect(page.clients).toHaveLength(active.length);
  });

  it('includeinactive adds inactive clients; includeactive=false leaves only them', async () => {
    const inactiveCount = fake.clients().length - active.length;
    expect(inactiveCount).toBeGreaterThan(0);
    const everyone = await clientPage(fake, '?includeinactive=true', token);
    expect(everyone.clients).toHaveLength(fake.clients().length);
    const onlyInactive = await clientPage(fake, '?includeinactive=true&includeactive=false', token);
    expect(onlyInactive.clients).toHaveLength(inactiveCount);
    expect(onlyInactive.clients.every((client) => client.inactive)).toBe(true);
    const shorthand = await clientPage(fake, '?activeinactive=false,true', token);
    expect(shorthand.clients).toHaveLength(inactiveCount);
  });

  it('toplevel_id filters by top level', async () => {
    const prospects = await clientPage(fake, '?toplevel_id=2&includeinactive=true', token);
    const expected = fake.clients().filter((client) => client.toplevel_id === 2);
    expect(expected.length).toBeGreaterThan(0);
    expect(prospects.clients.map((client) => client.id).sort()).toEqual(
      expected.map((client) => client.id).sort(),
    );
  });

  it('idonly returns rows with just the id', async () => {
    const body = await apiJson(fake, '/api/Client?idonly=true&count=3', token);
    expect(body).toMatchObject({ record_count: 3 });
    expect(z.object({ clients: z.array(z.unknown()) }).parse(body).clients).toEqual([
      { id: expect.any(Number) },
      { id: expect.any(Number) },
      { id: expect.any(Number) },
    ]);
  });

  it('GET /api/Client/{id} returns the bare row, 404 for an unknown id; paths are case-insensitive', async () => {
    const target = active[3];
    if (!target) throw new Error('seed too small');
    const { main_site_id: _siteId, main_site_name: _siteName, ...single } = target;
    expect(await apiJson(fake, `/API/client/${target.id}`, token)).toEqual(single);
    expect((await apiGet(fake, '/api/Client/999999999', token)).status).toBe(404);
  });
});

describe('fake Halo: /api/Client over hand-made rows', () => {
  let fake: FakeHalo;
  let token: string;
  const rows = [
    row(12, 'Baker &amp; Co'),
    row(15, 'Café Müller GmbH'),
    row(16, 'Riverside Dental Practice (HQ)', { toplevel_id: 2, toplevel_name: 'Prospects' }),
    row(20, 'Smith & Sons Plumbing Ltd'),
    row(21, 'Old Dental Ltd', { inactive: true }),
    ...Array.from({ length: 20 }, (_, index) =>
      row(30 + index * 2, `Client ${String(index).padStart(2, '0')}`),
    ),
  ];

  beforeAll(async () => {
    fake = await startFakeHalo({ clients: rows, rateLimit: false, pageCap: 10 });
    token = await getToken(fake);
  });
  afterAll(() => fake.stop());

  it('search is a case-insensitive substring of the name, entities and accents as stored', async () => {
    const dental = await clientPage(fake, '?search=DENTAL', token);
    expect(dental.clients.map((client) => client.name)).toEqual(['Riverside Dental Practice (HQ)']);
    const withInactive = await clientPage(fake, '?search=dental&includeinactive=true', token);
    expect(withInactive.clients).toHaveLength(2);
    expect((await clientPage(fake, '?search=%26amp%3B', token)).clients.map((c) => c.name)).toEqual([
      'Baker &amp; Co',
    ]);
    expect((await clientPage(fake, '?search=m%C3%BCller', token)).clients.map((c) => c.id)).toEqual([15]);
  });

  it('honours a custom page cap', async () => {
    const page = await clientPage(fake, '?pageinate=true&page_size=50', token);
    expect(page.clients).toHaveLength(10);
    expect(page.record_count).toBe(24);
  });

  it('lyingRecordCount makes record_count overstate the rows', async () => {
    fake.configure({ lyingRecordCount: 717 });
    try {
      const page = await clientPage(fake, '?pageinate=true&page_size=10&page_no=3', token);
      expect(page.record_count).toBe(717);
      expect(page.clients).toHaveLength(4);
      const beyond = await clientPage(fake, '?pageinate=true&page_size=10&page_no=4', token);
      expect(beyond.clients).toHaveLength(0);
      expect(beyond.record_count).toBe(717);
    } finally {
      fake.configure({ lyingRecordCount: null });
    }
    expect((await clientPage(fake, '?pageinate=true&page_size=10', token)).record_count).toBe(24);
  });

  it('shiftRowsDuringPaging inserts a row near the front after each page, so later pages repeat a row', async () => {
    fake.setClients(rows);
    fake.configure({ shiftRowsDuringPaging: true });
    try {
      const first = await clientPage(fake, '?pageinate=true&page_size=10&page_no=1', token);
      const second = await clientPage(fake, '?pageinate=true&page_size=10&page_no=2', token);
      expect(second.clients[0]?.id).toBe(first.clients[9]?.id);
      expect(second.record_count).toBe(25);
      const inserted = fake.clients().filter((client) => !rows.some((original) => original.id === client.id));
      expect(inserted).toHaveLength(2);
      expect(new Set(fake.clients().map((client) => client.id)).size).toBe(fake.clients().length);

      // By id ascending the new row takes a free id below the others, so it still lands in front.
      const byIdFirst = await clientPage(fake, '?pageinate=true&page_size=10&page_no=1&order=id', token);
      const byIdSecond = await clientPage(fake, '?pageinate=true&page_size=10&page_no=2&order=id', token);
      expect(byIdSecond.clients[0]?.id).toBe(byIdFirst.clients[9]?.id);
      expect(Math.min(...fake.clients().map((client) => client.id))).toBeLessThan(12);
    } finally {
      fake.configure({ shiftRowsDuringPaging: false });
      fake.setClients(rows);
    }
  });

  it('setClients replaces the rows; clients() returns copies', async () => {
    const copy = fake.clients();
    const first = copy[0];
    if (!first) throw new Error('no rows');
    first.name = 'Changed by the test';
    expect(fake.clients()[0]?.name).toBe('Baker &amp; Co');
    fake.setClients([row(100, 'Only One')]);
    try {
      expect((await clientPage(fake, '', token)).clients.map((client) => client.id)).toEqual([100]);
      expect(() => fake.setClients([row(1, 'A'), row(1, 'B')])).toThrow(/duplicate/);
    } finally {
      fake.setClients(rows);
    }
  });
});
