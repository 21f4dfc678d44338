import { type Query, queryBool, queryInt } from './query';

/** Halo's page size when `pageinate=true` comes without `page_size`. */
const DEFAULT_PAGE_SIZE = 50;

export interface PagedSlice<T> {
  rows: T[];
  /** `page_no` and `page_size` only appear in paged answers, as in Halo. */
  paging: { page_no: number; page_size: number } | null;
  /** What Halo reports: the total with `pageinate`, the rows returned with `count`, else all rows. */
  recordCount: number;
}

/**
 * Halo's paging rules for list endpoints:
 * - `page_size`/`page_no` (1-based) only work with `pageinate=true`; without it everything comes back;
 * - `count=N` (without paging) returns the first N rows and reports N as `record_count`;
 * - a page is silently capped at `pageCap` rows; the answer still echoes the requested `page_size` and
 *   the true total, so a client computing `ceil(record_count / page_size)` pages misses rows.
 *   Pages are cut with the capped size, so walking page_no until a short page gets every row.
 */
export function pageRows<T>(rows: readonly T[], query: Query, pageCap: number): PagedSlice<T> {
  if (queryBool(query, 'pageinate', false)) {
    const requestedSize = queryInt(query, 'page_size');
    const pageSize = requestedSize !== undefined && requestedSize > 0 ? requestedSize : DEFAULT_PAGE_SIZE;
    const effectiveSize = Math.min(pageSize, pageCap);
    const pageNo = Math.max(1, queryInt(query, 'page_no') ?? 1);
    const start = (pageNo - 1) * effectiveSize;
    return {
      rows: rows.slice(start, start + effectiveSize),
      paging: { page_no: pageNo, page_size: pageSize },
      recordCount: rows.length,
    };
  }
  const count = queryInt(query, 'count');
  if (count !== undefined && count >= 0) {
    const returned = rows.slice(0, count);
    return { rows: returned, paging: null, recordCount: returned.length };
  }
  return { rows: [...rows], paging: null, recordCount: rows.length };
}
