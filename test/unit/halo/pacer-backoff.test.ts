import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfter, rateLimitDelayMs } from '../../../electron/halo/backoff';
import { RequestPacer } from '../../../electron/halo/pacer';
import { virtualClock } from './helpers';

describe('RequestPacer (rolling window, injected clock)', () => {
  it('lets `limit` requests through at once, then waits until the oldest leaves the window', async () => {
    const clock = virtualClock(0);
    const pacer = new RequestPacer({ limit: 3, windowMs: 1000, guardMs: 0 }, clock);
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) await pacer.acquire(undefined, (ms) => waits.push(ms));
    expect(waits).toEqual([]);
    expect(clock.now()).toBe(0);
    await pacer.acquire(undefined, (ms) => waits.push(ms));
    expect(waits).toEqual([1000]);
    expect(clock.now()).toBe(1000);
  });

  it('never lets more than `limit` requests start in any window', async () => {
    const clock = virtualClock(0);
    const pacer = new RequestPacer({ limit: 5, windowMs: 2000 }, clock);
    const starts: number[] = [];
    for (let i = 0; i < 23; i += 1) {
      await pacer.acquire();
      starts.push(clock.now());
      clock.advance(37); // some work between requests
    }
    for (const start of starts) {
      const inWindow = starts.filter((t) => t > start - 2000 && t <= start).length;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
    // and it does not wait more than needed: 23 requests at 5 per 2 s need at least 4 full windows
    expect(starts[22]).toBeGreaterThanOrEqual(8000);
    expect(starts[22]).toBeLessThan(10_000);
  });

  it('a slot frees exactly when the window rolls', () => {
    const clock = virtualClock(0);
    const pacer = new RequestPacer({ limit: 2, windowMs: 100, guardMs: 0 }, clock);
    void pacer.acquire();
    clock.advance(30);
    void pacer.acquire();
    expect(pacer.delayBeforeNext()).toBe(70);
    clock.advance(70);
    expect(pacer.delayBeforeNext()).toBe(0);
    expect(pacer.inWindow()).toBe(1);
  });

  it('waits a small guard past the window (2% by default, at most 1 s)', async () => {
    const clock = virtualClock(0);
    const short = new RequestPacer({ limit: 1, windowMs: 2000 }, clock);
    await short.acquire();
    expect(short.delayBeforeNext()).toBe(2040);
    const long = new RequestPacer({ limit: 1, windowMs: 300_000 }, clock);
    await long.acquire();
    expect(long.delayBeforeNext()).toBe(301_000);
  });

  it('an abort stops a pacing wait', async () => {
    const clock = virtualClock(0);
    const pacer = new RequestPacer({ limit: 1, windowMs: 60_000 }, clock);
    await pacer.acquire();
    const controller = new AbortController();
    controller.abort();
    await expect(pacer.acquire(controller.signal)).rejects.toThrow(/abort/i);
  });

  it('rejects a nonsensical budget', () => {
    expect(() => new RequestPacer({ limit: 0, windowMs: 1000 }, virtualClock())).toThrow(RangeError);
  });
});

describe('Retry-After and backoff', () => {
  it('parses delta-seconds and HTTP dates; ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('full jitter: a uniform draw under min(cap, base * 2^attempt), capped at 60 s', () => {
    expect(backoffDelayMs(0, () => 1)).toBe(2000);
    expect(backoffDelayMs(3, () => 1)).toBe(16_000);
    expect(backoffDelayMs(10, () => 1)).toBe(60_000);
    expect(backoffDelayMs(10, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(4, () => 0)).toBe(250); // floor: never hammer
  });

  it('the ceiling reaches at least 60 s', () => {
    const ceilings = Array.from({ length: 12 }, (_, attempt) => backoffDelayMs(attempt, () => 1));
    expect(Math.max(...ceilings)).toBeGreaterThanOrEqual(60_000);
  });

  it('Retry-After wins over backoff, and is clamped', () => {
    expect(rateLimitDelayMs(5, '3', 0, () => 1)).toEqual({
      delayMs: 3000,
      source: 'retry-after',
      requestedMs: 3000,
    });
    // Capped at 2 minutes whatever Halo asks, and the asked-for wait is reported so the screen can say so.
    expect(rateLimitDelayMs(0, '99999', 0, () => 1)).toEqual({
      delayMs: 120_000,
      source: 'retry-after',
      requestedMs: 99_999_000,
    });
    expect(rateLimitDelayMs(1, null, 0, () => 0.25)).toEqual({
      delayMs: 1000,
      source: 'backoff',
      requestedMs: null,
    });
  });
});
