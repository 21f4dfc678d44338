import { abortError, type HaloClock } from './clock';

export interface PacerBudget {
  /** Requests allowed within any rolling window of `windowMs`. */
  limit: number;
  windowMs: number;
  /**
   * Extra wait past the window, because Halo stamps a request when it arrives, a little after we stamp
   * it when we send. Default: 2% of the window, at most 1 s.
   */
  guardMs?: number;
}

/** Halo's published hosted limit: 300 requests per rolling 5-minute window (halo-api.md §5). */
export const defaultPacerBudget: PacerBudget = { limit: 300, windowMs: 300_000 };

/**
 * A client-side rolling-window pacer. Halo counts requests in a rolling window and answers 429 once the
 * budget is spent; pacing ourselves under the same budget means the limit is rarely hit, and when we do
 * have to wait we know how long and can tell the user.
 */
export class RequestPacer {
  /** Start times of the requests still inside the window, oldest first. */
  private readonly starts: number[] = [];
  private readonly spanMs: number;

  constructor(
    private readonly budget: PacerBudget,
    private readonly clock: HaloClock,
  ) {
    if (!(budget.limit >= 1) || !(budget.windowMs > 0)) {
      throw new RangeError('The pacer needs a limit of at least 1 request and a positive window.');
    }
    const guard = budget.guardMs ?? Math.min(1000, Math.ceil(budget.windowMs * 0.02));
    this.spanMs = budget.windowMs + Math.max(0, guard);
  }

  /** How long a request starting now would have to wait (0 when a slot is free). */
  delayBeforeNext(): number {
    this.forgetExpired();
    if (this.starts.length < this.budget.limit) return 0;
    const oldestThatMustExpire = this.starts[this.starts.length - this.budget.limit];
    if (oldestThatMustExpire === undefined) return 0;
    return Math.max(0, oldestThatMustExpire + this.spanMs - this.clock.now());
  }

  /** Waits for a free slot, then takes it. `onWait` hears about every wait before it starts. */
  async acquire(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const delay = this.delayBeforeNext();
      if (delay <= 0) {
        this.starts.push(this.clock.now());
        return;
      }
      onWait?.(delay);
      await this.clock.sleep(delay, signal);
    }
  }

  /** Requests counted in the current window (for progress and tests). */
  inWindow(): number {
    this.forgetExpired();
    return this.starts.length;
  }

  private forgetExpired(): void {
    const horizon = this.clock.now() - this.spanMs;
    while (this.starts.length > 0 && (this.starts[0] ?? Number.POSITIVE_INFINITY) <= horizon) {
      this.starts.shift();
    }
  }
}
