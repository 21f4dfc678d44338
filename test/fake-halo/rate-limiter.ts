import type { FakeRateLimit } from './types';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A rolling-window limiter like hosted Halo's ("300 Requests per rolling 5 minute window"): a request
 * is allowed while fewer than `limit` allowed requests happened in the last `windowMs`. Refused
 * requests are not counted, so a client that waits for the window to roll gets through again.
 */
export class RollingWindowLimiter {
  /** Times (ms) of allowed requests inside the window, oldest first. */
  private readonly times: number[] = [];
  private head = 0;

  constructor(
    readonly config: FakeRateLimit,
    private readonly now: () => number,
  ) {}

  take(): RateDecision {
    const now = this.now();
    const windowStart = now - this.config.windowMs;
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= windowStart) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    if (this.times.length - this.head >= this.config.limit) {
      const oldest = this.times[this.head] ?? now;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.config.windowMs - now) / 1000)),
      };
    }
    this.times.push(now);
    return { allowed: true };
  }

  /** Halo's wording, e.g. "Rate Limit Reached - 300 Requests per rolling 5 minute window". */
  message(): string {
    const { limit, windowMs } = this.config;
    const span =
      windowMs % 60_000 === 0 ? `${windowMs / 60_000} minute` : `${Math.round(windowMs / 1000)} second`;
    return `Rate Limit Reached - ${limit} Requests per rolling ${span} window`;
  }
}
