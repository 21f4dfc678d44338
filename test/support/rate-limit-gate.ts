import type { FakeHalo, FakeHaloOptions } from '../fake-halo';

export interface RateLimitGate {
  /** Options for startFakeHalo: a stopped clock and the rate limit. */
  fakeOptions: Pick<FakeHaloOptions, 'now' | 'rateLimit'>;
  /** Lifts the rate limit: the app's next retry (at most `retryAfterSeconds` later) goes through. */
  open(fake: FakeHalo): void;
}

/**
 * Holds the app in an in-flight state until the test has seen it, with the fake Halo's own rate limit:
 * the fake's clock stands still, so its rolling window never rolls. The first `passing` requests get
 * through; every later one is answered 429 with Retry-After: `retryAfterSeconds`, and the app waits and
 * retries (10 times, so the state lasts at least 10 × `retryAfterSeconds`) until the test calls `open`.
 * A state that lasts only as long as some requests take would be a race with the test's polling.
 *
 * The stopped clock also means the fake's tokens never expire; no test using the gate needs them to.
 */
export function rateLimitGate(options: { passing: number; retryAfterSeconds: number }): RateLimitGate {
  const stoppedAt = Date.now();
  return {
    fakeOptions: {
      now: () => stoppedAt,
      rateLimit: {
        limit: options.passing,
        windowMs: options.retryAfterSeconds * 1000,
        sendRetryAfter: true,
      },
    },
    open(fake) {
      fake.configure({ rateLimit: false });
    },
  };
}
