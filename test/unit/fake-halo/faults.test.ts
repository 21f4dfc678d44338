import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeHalo, startFakeHalo } from '../../fake-halo';
import { apiGet, getToken, tokenRequest } from './helpers';

/** Milliseconds since `started` (a `performance.now()` reading): monotonic, so a clock step cannot skew it. */
function elapsedSince(started: number): number {
  return performance.now() - started;
}

describe('fake Halo: injected faults and latency', () => {
  let fake: FakeHalo;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeHalo({ clients: 30, rateLimit: false });
    token = await getToken(fake);
  });
  afterAll(() => fake.stop());

  it("'status' answers the given status, with a JSON body by default or the given body and type", async () => {
    fake.injectFault('/api/client', { kind: 'status', status: 503 });
    const first = await apiGet(fake, '/api/Client', token);
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(await first.json()).toEqual({ error: expect.stringContaining('503') });

    fake.injectFault('/api/client', {
      kind: 'status',
      status: 403,
      body: 'Forbidden',
      contentType: 'text/plain',
    });
    const second = await apiGet(fake, '/api/Client', token);
    expect(second.status).toBe(403);
    expect(second.headers.get('content-type')).toBe('text/plain');
    expect(await second.text()).toBe('Forbidden');

    expect((await apiGet(fake, '/api/Client', token)).status).toBe(200);
  });

  it("'html-error' answers 502 with a proxy's HTML page", async () => {
    fake.injectFault('/api/team', { kind: 'html-error' });
    const response = await apiGet(fake, '/api/Team', token);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('<title>502 Bad Gateway</title>');
  });

  it("'malformed-json' answers 200 application/json with a body JSON.parse refuses", async () => {
    fake.injectFault('/api/client', { kind: 'malformed-json' });
    const response = await apiGet(fake, '/api/Client', token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(text.length).toBeGreaterThan(10);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("'drop' closes the connection without an answer", async () => {
    fake.injectFault('/token', { kind: 'drop' });
    await expect(tokenRequest(fake)).rejects.toThrow(/fetch failed/);
    expect((await tokenRequest(fake)).status).toBe(200);
  });

  it("'hang' holds the answer long enough for a client timeout, then answers normally", async () => {
    fake.injectFault('/api/agent/me', { kind: 'hang', ms: 2_000 });
    const started = performance.now();
    await expect(
      fetch(`${fake.url}/api/Agent/me`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow(/timeout|aborted/i);
    expect(elapsedSince(started)).toBeLessThan(1_900); // the client gave up before the hang ended

    fake.injectFault('/api/agent/me', { kind: 'hang', ms: 150 });
    const slow = performance.now();
    const response = await apiGet(fake, '/api/Agent/me', token);
    expect(response.status).toBe(200);
    // the fake's timer may round to the millisecond below; a missing hang would take ~1 ms, not 140
    expect(elapsedSince(slow)).toBeGreaterThanOrEqual(140);
  });

  it('serves a fault `times` times, only to matching paths (case-insensitive), in injection order', async () => {
    fake.injectFault('/API/CLIENT', { kind: 'status', status: 500 }, 2);
    fake.injectFault('/api/client', { kind: 'status', status: 502 });
    expect((await apiGet(fake, '/api/Team', token)).status).toBe(200);
    expect((await apiGet(fake, '/api/Client', token)).status).toBe(500);
    expect((await apiGet(fake, '/api/client/12', token)).status).toBe(500);
    expect((await apiGet(fake, '/api/Client', token)).status).toBe(502);
    expect((await apiGet(fake, '/api/Client', token)).status).toBe(200);
    expect(() => fake.injectFault('/x', { kind: 'drop' }, 0)).toThrow();
  });

  it('faults come before the bearer check: a 5xx reaches even an unauthenticated caller', async () => {
    fake.injectFault('/api/client', { kind: 'status', status: 500 });
    expect((await apiGet(fake, '/api/Client')).status).toBe(500);
    expect((await apiGet(fake, '/api/Client')).status).toBe(401);
  });

  it('latencyMs delays every answer and can be changed while running', async () => {
    fake.configure({ latencyMs: 120 });
    try {
      const started = performance.now();
      expect((await fetch(`${fake.url}/api/authinfo`)).status).toBe(200);
      expect(elapsedSince(started)).toBeGreaterThanOrEqual(110);
    } finally {
      fake.configure({ latencyMs: 0 });
    }
  });

  it('stop() ends hanging requests at once instead of waiting them out', async () => {
    const other = await startFakeHalo({ clients: 1 });
    other.injectFault('/api/authinfo', { kind: 'hang', ms: 30_000 });
    const pending = fetch(`${other.url}/api/authinfo`).then(
      (response) => response.status,
      () => 'failed',
    );
    // stop only once the request is hanging in the fake, or this would only prove a refused connection
    while ((other.stats.byPath['/api/authinfo'] ?? 0) < 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const started = performance.now();
    await other.stop();
    expect(await pending).toBe('failed');
    expect(elapsedSince(started)).toBeLessThan(5_000);
  });
});
