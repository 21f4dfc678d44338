import type { HaloClientRow } from './schemas';

/**
 * Reads every page of `/api/Client` safely (halo-api.md §4). Halo caps pages silently at 100 rows, its
 * `record_count` can overstate, and rows shift between pages while other people edit clients. So:
 *
 * - ask for at most 100 rows; if page 1 comes back smaller than asked while `record_count` says there is
 *   more, the server's cap is lower: continue with that page size;
 * - stop on an empty page, a short page, a page with no id we have not seen (a server ignoring
 *   `page_no`), once the pages `record_count` promises are read, or at a ceiling derived from
 *   `record_count` with slack and capped absolutely (2,000 pages; a re-read by the rows actually received),
 *   so a lying server (a `record_count` of 1e9) can never keep us looping;
 * - de-duplicate by id (newest copy wins);
 * - detect shifting (a row seen twice, or `record_count` changing) and reconcile: an insertion ahead of
 *   our position pushes rows forward (we see one twice) but the inserted row itself is never served, so
 *   when the ids we hold fall short of the latest `record_count` we read again from page 1 until they
 *   do; a deletion pulls a row back onto a page we already read, which no count can reveal, so a drop in
 *   `record_count` triggers one full re-read.
 */

export interface ClientPage {
  rows: HaloClientRow[];
  recordCount: number | null;
  /** Rows that did not parse (no numeric id). */
  rejected: number;
  /**
   * One key per rejected row that says which row it is across passes (its content, see parse-list), so a
   * re-read that serves the same unreadable row again does not count it twice. Without keys, rejected
   * rows are told apart by their position on the page.
   */
  rejectedKeys?: readonly string[];
}

export interface PagingProgress {
  /** Pages fetched so far in this read (re-reads included), 1-based after the first page. */
  page: number;
  pagesEstimated: number | null;
  rowsSoFar: number;
  recordCount: number | null;
  /** Set while waiting (pacing or a 429): how long the wait will be. */
  waitingMs?: number;
  /** Set when Halo's Retry-After asked for longer than we wait (the wait is capped): what Halo asked for. */
  waitRequestedMs?: number;
}

export interface PagingStats {
  requests: number;
  passes: number;
  pageSize: number;
  shiftDetected: boolean;
  ceilingReached: boolean;
  /** Distinct unreadable rows: a row served again by a re-read pass (or twice after a shift) counts once. */
  rejectedRows: number;
}

export interface ReadAllPagesOptions {
  fetchPage: (pageNo: number, pageSize: number) => Promise<ClientPage>;
  pageSize?: number;
  onProgress?: (progress: PagingProgress) => void;
  /** Ceiling when the server gives no record_count (default 2,000 pages = 200,000 clients). */
  maxPagesWithoutCount?: number;
  /** Reconciliation passes after a detected shift (default 2). */
  maxReconcilePasses?: number;
  /** Pages per pass whatever `record_count` says (default 2,000 = 200,000 clients at 100 a page). */
  maxPages?: number;
}

/**
 * Pages that `record_count` justifies, with 10% (at least 3 pages) slack, never more than `absoluteCap`:
 * a `record_count` is only the server's word, and 1e9 would otherwise mean ten million requests.
 */
export function pageCeiling(
  recordCount: number | null,
  pageSize: number,
  withoutCount: number,
  absoluteCap: number = withoutCount,
): number {
  if (recordCount === null || recordCount < 0) return Math.min(withoutCount, absoluteCap);
  const pages = Math.ceil(recordCount / Math.max(1, pageSize));
  return Math.min(absoluteCap, pages + Math.max(3, Math.ceil(pages * 0.1)));
}

/** Keys for rejected rows that came without content keys: their page and place on it. */
function positionKeys(pageNo: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `page ${pageNo} #${index}`);
}

/**
 * Counts unreadable rows once however often they are served: a re-read pass serves every bad row again,
 * and a shift can push one onto the next page within a pass. Rows are told apart by their key (their JSON
 * text), so two byte-identical bad rows count as one: the count is never more than the bad rows that exist.
 */
class RejectedRowTally {
  private readonly keys = new Set<string>();

  add(keys: readonly string[]): void {
    for (const key of keys) this.keys.add(key);
  }

  distinct(): number {
    return this.keys.size;
  }
}

/** A re-read pass never needs more pages than the rows the first pass actually received fill, plus slack. */
function reReadCeiling(rowsReceived: number, pageSize: number): number {
  const pages = Math.ceil(rowsReceived / Math.max(1, pageSize));
  return pages + Math.max(3, Math.ceil(pages * 0.1));
}

export async function readAllPages(
  options: ReadAllPagesOptions,
): Promise<{ rows: HaloClientRow[]; stats: PagingStats }> {
  const requestedSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
  const withoutCount = options.maxPagesWithoutCount ?? 2000;
  const maxReconcile = options.maxReconcilePasses ?? 2;
  const maxPages = options.maxPages ?? 2000;
  let rowsAfterFirstPass: number | null = null;
  const byId = new Map<number, HaloClientRow>();
  const stats: PagingStats = {
    requests: 0,
    passes: 0,
    pageSize: requestedSize,
    shiftDetected: false,
    ceilingReached: false,
    rejectedRows: 0,
  };
  let latestCount: number | null = null;
  let highestCount: number | null = null;
  let countDropped = false;
  const rejected = new RejectedRowTally();

  const report = (): void => {
    options.onProgress?.({
      page: stats.requests,
      pagesEstimated: latestCount === null ? null : Math.ceil(latestCount / stats.pageSize),
      rowsSoFar: byId.size,
      recordCount: latestCount,
    });
  };

  /** One pass from page 1. `firstPass` enables the cap adaptation and the no-new-ids stop. */
  const pass = async (firstPass: boolean, stopWhenCaughtUp: boolean): Promise<void> => {
    stats.passes += 1;
    for (let pageNo = 1; ; pageNo += 1) {
      const ceiling = Math.min(
        pageCeiling(highestCount, stats.pageSize, withoutCount, maxPages),
        rowsAfterFirstPass === null ? maxPages : reReadCeiling(rowsAfterFirstPass, stats.pageSize),
      );
      if (pageNo > ceiling) {
        stats.ceilingReached = true;
        return;
      }
      const page = await options.fetchPage(pageNo, stats.pageSize);
      stats.requests += 1;
      rejected.add(page.rejectedKeys ?? positionKeys(pageNo, page.rejected));
      stats.rejectedRows = rejected.distinct();
      if (page.recordCount !== null) {
        if (latestCount !== null && page.recordCount !== latestCount) {
          stats.shiftDetected = true;
          if (page.recordCount < latestCount) countDropped = true;
        }
        latestCount = page.recordCount;
        highestCount = Math.max(highestCount ?? 0, page.recordCount);
      }
      const served = page.rows.length + page.rejected;
      if (
        firstPass &&
        pageNo === 1 &&
        served > 0 &&
        served < stats.pageSize &&
        (page.recordCount ?? 0) > served
      ) {
        stats.pageSize = served; // the server caps pages below what we asked: follow its size
      }
      let fresh = 0;
      let repeated = 0;
      for (const row of page.rows) {
        if (byId.has(row.id)) repeated += 1;
        else fresh += 1;
        byId.set(row.id, row);
      }
      // Some rows again next to new ones: the ordering moved under us. All rows again is not a shift
      // but a server ignoring page_no; the no-new-ids stop below handles that.
      if (firstPass && repeated > 0 && fresh > 0) stats.shiftDetected = true;
      report();
      if (served === 0 || served < stats.pageSize) return;
      if (firstPass && fresh === 0) return;
      if (latestCount !== null && pageNo * stats.pageSize >= latestCount) return;
      if (stopWhenCaughtUp && latestCount !== null && byId.size >= latestCount) return;
    }
  };

  await pass(true, false);
  rowsAfterFirstPass = byId.size;
  for (let reconcile = 0; reconcile < maxReconcile && stats.shiftDetected; reconcile += 1) {
    const missing = latestCount !== null && byId.size < latestCount;
    if (countDropped) {
      countDropped = false;
      await pass(false, false);
    } else if (missing) {
      await pass(false, true);
    } else {
      break;
    }
  }
  return { rows: [...byId.values()], stats };
}
