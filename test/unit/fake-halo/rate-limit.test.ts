import { afterEach, describe, expect, it } from 'vitest';
import { type FakeHalo, type FakeHaloOptions, startFakeHalo } from '../../fake-halo';
import { RollingWindowLimiter } from '../../fake-halo/rate-limiter';
import { apiGet, getToken, manualClock, tokenRequest } from './helpers';

const running: FakeHalo[] = [];
async function start(options: FakeHaloOptions = {}): Promise<FakeHalo> {
  const fake = await startFakeHalo({ clients: 5, ...options });
  running.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.stop()));
});

describe('fake Halo: rate limit', () => {
  it('answers 429 with Halo’s body once the default 300 requests are used, counting token requests', async () => {
    const clock = manualClock();
    const fake = await start({ now: clock.now });
    const token = await getToken(fake);
    for (let i = 0; i < 299; i += 1) {
      const response = await apiGet(fake, '/api/Team', token);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const limited = await apiGet(fake, '/api/Team', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await limited.text()).toBe('Rate Limit Reached - 300 Requests per rolling 5 minute window');
    expect((await tokenRequest(fake)).status).toBe(429);
    expect(fake.stats).toMatchObject({ requests: 302, tokenRequests: 2, apiRequests: 300, rateLimited: 2 });
  });

  it('lets requests through again as the rolling window moves on (injected clock)', async () => {
    const clock = manualClock();
    const fake = await start({ now: clock.now, rateLimit: { limit: 3, windowMs: 10_000 } });
    const token = await getToken(fake); // t=0
    clock.advance(4_000);
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(200); // t=4000
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(200); // t=4000
    const limited = await apiGet(fake, '/api/Team', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await limited.text()).toBe('Rate Limit Reached - 3 Requests per rolling 10 second window');
    clock.advance(5_999); // t=9999: the token request still inside the window
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(429);
    clock.advance(1); // t=10000: the token request rolls out, one slot frees
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(200);
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(429);
    clock.advance(4_000); // the two t=4000 requests roll out
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(200);
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(200);
  });

  it('sends Retry-After (seconds until a slot frees) when asked to', async () => {
    const clock = manualClock();
    const fake = await start({
      now: clock.now,
      rateLimit: { limit: 1, windowMs: 60_000, sendRetryAfter: true },
    });
    await getToken(fake);
    clock.advance(15_500);
    const limited = await tokenRequest(fake);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('45');
  });

  it('can be switched off or changed while running', async () => {
    const clock = manualClock();
    const fake = await start({ now: clock.now, rateLimit: { limit: 1, windowMs: 60_000 } });
    await getToken(fake);
    expect((await tokenRequest(fake)).status).toBe(429);
    fake.configure({ rateLimit: false });
    for (let i = 0; i < 5; i += 1) expect((await tokenRequest(fake)).status).toBe(200);
    fake.configure({ rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await tokenRequest(fake)).status).toBe(200);
    expect((await tokenRequest(fake)).status).toBe(200);
    expect((await tokenRequest(fake)).status).toBe(429);
  });

  it('the limiter itself never lets more than `limit` through in any window', () => {
    const clock = manualClock(0);
    const limiter = new RollingWindowLimiter({ limit: 5, windowMs: 1000 }, clock.now);
    const allowedAt: number[] = [];
    for (let step = 0; step < 500; step += 1) {
      if (limiter.take().allowed) allowedAt.push(clock.now());
      clock.advance(37);
    }
    for (const time of allowedAt) {
      expect(allowedAt.filter((other) => other > time - 1000 && other <= time).length).toBeLessThanOrEqual(5);
    }
    expect(allowedAt.length).toBeGreaterThan(50);
  });
});
