import { describe, expect, it } from 'vitest';
import { type ClientPage, pageCeiling, readAllPages } from '../../../electron/halo/paging';
import { parseList } from '../../../electron/halo/parse-list';
import { type HaloClientRow, haloClientRowSchema } from '../../../electron/halo/schemas';

function row(id: number): HaloClientRow {
  return {
    id,
    name: `Client ${id}`,
    toplevel_id: 1,
    toplevel_name: 'Customers',
    inactive: false,
    colour: null,
    main_site_id: null,
    main_site_name: null,
    website: null,
    ref: null,
    is_vip: null,
    customertype: null,
    accountsid: null,
    notes: null,
  };
}

interface SyntheticServer {
  rows: HaloClientRow[];
  cap: number;
  lyingCount?: number;
  ignorePageNo?: boolean;
  /** Runs after each page is served (to insert or delete rows). */
  afterPage?: (rows: HaloClientRow[]) => void;
  calls: number;
}

function serve(server: SyntheticServer) {
  return async (pageNo: number, pageSize: number): Promise<ClientPage> => {
    server.calls += 1;
    const size = Math.min(pageSize, server.cap);
    const start = server.ignorePageNo === true ? 0 : (pageNo - 1) * size;
    const rows = server.rows.slice(start, start + size);
    const recordCount = server.lyingCount ?? server.rows.length;
    server.afterPage?.(server.rows);
    return { rows, recordCount, rejected: 0 };
  };
}

function ids(rows: HaloClientRow[]): number[] {
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => row(from + i));

describe('readAllPages', () => {
  it.each([0, 1, 99, 100, 101, 250, 10_000])(
    'reads %i rows exactly once with minimal requests',
    async (n) => {
      const server: SyntheticServer = { rows: range(n), cap: 100, calls: 0 };
      const { rows, stats } = await readAllPages({ fetchPage: serve(server) });
      expect(ids(rows)).toEqual(range(n).map((r) => r.id));
      expect(server.calls).toBe(Math.max(1, n === 0 ? 1 : n % 100 === 0 ? n / 100 : Math.ceil(n / 100)));
      expect(stats.shiftDetected).toBe(false);
    },
  );

  it('follows a silent cap below 100 (page 1 short while record_count says more)', async () => {
    const server: SyntheticServer = { rows: range(230), cap: 40, calls: 0 };
    const { rows, stats } = await readAllPages({ fetchPage: serve(server) });
    expect(ids(rows)).toHaveLength(230);
    expect(stats.pageSize).toBe(40);
  });

  it('a record_count that overstates ends on the short page, not at the lie', async () => {
    const server: SyntheticServer = { rows: range(150), cap: 100, lyingCount: 5000, calls: 0 };
    const { rows } = await readAllPages({ fetchPage: serve(server) });
    expect(rows).toHaveLength(150);
    expect(server.calls).toBe(2);
  });

  it('a record_count that overstates and a multiple of 100 rows ends on the empty page', async () => {
    const server: SyntheticServer = { rows: range(200), cap: 100, lyingCount: 717, calls: 0 };
    const { rows } = await readAllPages({ fetchPage: serve(server) });
    expect(rows).toHaveLength(200);
    expect(server.calls).toBe(3);
  });

  it('a server that ignores page_no does not loop forever', async () => {
    const server: SyntheticServer = { rows: range(500), cap: 100, ignorePageNo: true, calls: 0 };
    const { rows } = await readAllPages({ fetchPage: serve(server) });
    expect(rows).toHaveLength(100);
    expect(server.calls).toBe(2);
  });

  it('a server inventing new rows forever stops at the ceiling', async () => {
    let next = 1;
    const freshPage = () => {
      next += 100;
      return range(100, next);
    };
    const { rows, stats } = await readAllPages({
      fetchPage: async () => ({ rows: freshPage(), recordCount: 300, rejected: 0 }),
    });
    expect(stats.ceilingReached).toBe(false); // stops when record_count's pages are read
    expect(rows).toHaveLength(300);
    const endless = await readAllPages({
      fetchPage: async () => ({ rows: freshPage(), recordCount: null, rejected: 0 }),
      maxPagesWithoutCount: 7,
    });
    expect(endless.stats.ceilingReached).toBe(true);
    expect(endless.stats.requests).toBe(7);
  });

  it('ceiling: pages from record_count plus 10% (at least 3) slack', () => {
    expect(pageCeiling(10_000, 100, 2000)).toBe(110);
    expect(pageCeiling(150, 100, 2000)).toBe(5);
    expect(pageCeiling(null, 100, 2000)).toBe(2000);
  });

  it('rows inserted near the front while paging are all found by reconciliation', async () => {
    let nextId = 100_000;
    const inserted: number[] = [];
    const server: SyntheticServer = {
      rows: range(350),
      cap: 100,
      calls: 0,
      afterPage: (rows) => {
        nextId += 1;
        inserted.push(nextId);
        rows.splice(1, 0, row(nextId));
      },
    };
    const { rows, stats } = await readAllPages({ fetchPage: serve(server) });
    expect(stats.shiftDetected).toBe(true);
    expect(stats.passes).toBeGreaterThan(1);
    const got = new Set(rows.map((r) => r.id));
    expect(got.size).toBe(rows.length); // no duplicates
    // every row that existed before the last page was served is there; only the row inserted after
    // our final request can be missing
    const lastInserted = inserted[inserted.length - 1];
    const expected = server.rows.map((r) => r.id).filter((id) => id !== lastInserted);
    for (const id of expected) expect(got.has(id)).toBe(true);
  });

  it('a row deleted behind our position does not hide a later row (full re-read on a shrinking count)', async () => {
    let deleted = false;
    const server: SyntheticServer = {
      rows: range(250),
      cap: 100,
      calls: 0,
      afterPage: (rows) => {
        if (!deleted) {
          deleted = true;
          rows.splice(5, 1); // row 6 disappears: row 101 slides onto page 1, already read
        }
      },
    };
    const { rows, stats } = await readAllPages({ fetchPage: serve(server) });
    const got = new Set(rows.map((r) => r.id));
    for (const r of server.rows) expect(got.has(r.id)).toBe(true);
    expect(got.has(101)).toBe(true);
    expect(stats.passes).toBe(2);
  });

  it('reports progress per page with an estimate', async () => {
    const server: SyntheticServer = { rows: range(250), cap: 100, calls: 0 };
    const seen: { page: number; pagesEstimated: number | null; rowsSoFar: number }[] = [];
    await readAllPages({ fetchPage: serve(server), onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(seen.map((p) => p.rowsSoFar)).toEqual([100, 200, 250]);
    expect(seen.every((p) => p.pagesEstimated === 3)).toBe(true);
  });
});

describe('readAllPages: a page ceiling from the data actually received', () => {
  it('a record_count of 1e9 with endless fresh pages stops at the absolute cap and says so', async () => {
    let calls = 0;
    const endless = async (pageNo: number, pageSize: number): Promise<ClientPage> => {
      calls += 1;
      if (calls > 5_000) throw new Error('still paging after 5,000 pages');
      const first = (pageNo - 1) * pageSize + 1;
      return {
        rows: Array.from({ length: pageSize }, (_, i) => row(first + i)),
        recordCount: 1e9,
        rejected: 0,
      };
    };
    const { rows, stats } = await readAllPages({ fetchPage: endless, maxPages: 50 });
    expect(stats.ceilingReached).toBe(true);
    expect(stats.requests).toBe(50);
    expect(rows).toHaveLength(5_000);
    expect(pageCeiling(1e9, 100, 2000)).toBe(2000);
  });

  describe('unreadable rows are counted once, however often they are served', () => {
    /** A server of raw JSON rows (some unreadable), parsed as the Halo client parses a page. */
    function serveRaw(rows: unknown[], afterPage: (rows: unknown[]) => void) {
      return async (pageNo: number, pageSize: number): Promise<ClientPage> => {
        const page = rows.slice((pageNo - 1) * pageSize, pageNo * pageSize);
        const recordCount = rows.length;
        afterPage(rows);
        const { items, rejected, rejectedKeys } = parseList(page, ['clients'], haloClientRowSchema);
        return { rows: items, rejected, rejectedKeys, recordCount };
      };
    }
    const good = (id: number) => ({ id, name: `Client ${id}` });

    it('a full re-read after a deletion serves the bad row again: still one', async () => {
      const rows: unknown[] = [
        good(1),
        { id: 'not an id', name: 'Broken Ltd' },
        ...range(248, 2).map((r) => good(r.id)),
      ];
      let deleted = false;
      const { stats } = await readAllPages({
        fetchPage: serveRaw(rows, (current) => {
          if (deleted) return;
          deleted = true;
          current.splice(5, 1); // the count drops: one full re-read from page 1
        }),
      });
      expect(stats.passes).toBe(2);
      expect(stats.rejectedRows).toBe(1);
    });

    it('a shift that pushes the bad row onto the next page, then a re-read: still one; two bad rows: two', async () => {
      const rows: unknown[] = range(300).map((r) => good(r.id));
      rows.splice(99, 0, { id: null, name: 'No Id Ltd' }); // last row of page 1
      rows.splice(150, 0, { id: 'x', name: 'Text Id Ltd' });
      let nextId = 10_000;
      const { stats } = await readAllPages({
        fetchPage: serveRaw(rows, (current) => {
          nextId += 1;
          current.splice(0, 0, good(nextId)); // inserted at the front: every later row shifts by one
        }),
      });
      expect(stats.shiftDetected).toBe(true);
      expect(stats.passes).toBeGreaterThan(1);
      expect(stats.rejectedRows).toBe(2);
    });
  });
});
