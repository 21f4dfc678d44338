/**
 * How long to wait after a 429. Halo has not been seen sending Retry-After (halo-api.md §5), so the usual
 * path is exponential backoff with full jitter; when the header is present it wins.
 */

export interface BackoffPolicy {
  /** First ceiling; doubles per attempt. */
  baseMs: number;
  /** The ceiling never grows past this. At least 60 s, per halo-api.md §5. */
  capMs: number;
  /** Never retry sooner than this, so a jitter draw near 0 does not hammer the server. */
  floorMs: number;
  /**
   * A Retry-After longer than this is clamped: a server (or a proxy in front of it) asking for an hour
   * must not freeze Refresh for an hour; after the capped wait we simply ask again.
   */
  maxRetryAfterMs: number;
}

export const defaultBackoffPolicy: BackoffPolicy = {
  baseMs: 2_000,
  capMs: 60_000,
  floorMs: 250,
  maxRetryAfterMs: 120_000,
};

/**
 * Parses a Retry-After header: delta-seconds or an HTTP date. Returns milliseconds from `nowMs`, or null
 * when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date must name a weekday or a month; Date.parse alone accepts too much (e.g. "12").
  if (!/[a-z]{3}/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * Full jitter ("Exponential Backoff And Jitter", AWS architecture blog): a uniform draw between 0 and
 * min(cap, base * 2^attempt). `attempt` counts from 0.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = defaultBackoffPolicy,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  const draw = Math.min(1, Math.max(0, random()));
  return Math.max(policy.floorMs, Math.round(draw * ceiling));
}

/** The wait before retry number `attempt` (0-based) after a 429. */
export function rateLimitDelayMs(
  attempt: number,
  retryAfterHeader: string | undefined | null,
  nowMs: number,
  random: () => number,
  policy: BackoffPolicy = defaultBackoffPolicy,
): { delayMs: number; source: 'retry-after' | 'backoff'; requestedMs: number | null } {
  const fromHeader = parseRetryAfter(retryAfterHeader, nowMs);
  if (fromHeader !== null) {
    return {
      delayMs: Math.min(policy.maxRetryAfterMs, Math.max(policy.floorMs, fromHeader)),
      source: 'retry-after',
      requestedMs: fromHeader,
    };
  }
  return { delayMs: backoffDelayMs(attempt, random, policy), source: 'backoff', requestedMs: null };
}
