import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createHaloClient, type HaloClient, type HaloClientOptions } from '../../../electron/halo/index';
import type { HaloConfiguration } from '../../../shared/domain';
import { haloErrorInfoSchema } from '../../../shared/halo-errors';
import { FAKE_CLIENT_SECRET } from '../../fake-halo/index';
import { unresolvableResolver } from '../../support/unresolvable-lookup';
import {
  assertNoSecret,
  configFor,
  expectHaloError,
  fakesPerTest,
  loopbackLookup,
  virtualClock,
} from './helpers';

/**
 * Every failure the client can meet on loopback, over real sockets, each ending in its classified
 * error (never a crash, never an unclassified rejection), with the host named and no secret anywhere.
 *
 * Each test starts its own fake: a fault one test injects but never triggers (a request aborted before
 * it reached the fake) then dies with that fake instead of answering the next test's request.
 */

const resources = fakesPerTest({ clients: 120 });

function client(config: HaloConfiguration, options: Partial<HaloClientOptions> = {}): HaloClient {
  return resources.track(
    createHaloClient(config, {
      clientSecret: FAKE_CLIENT_SECRET,
      protocol: 'http',
      lookup: loopbackLookup,
      timeoutMs: 5_000,
      proxy: {},
      ...options,
    }),
  );
}

/** Resolves once `condition` holds, checking between event-loop turns (the fake counts requests as they arrive). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failsWith(
  promise: Promise<unknown>,
  code: Parameters<typeof expectHaloError>[1],
  host: string,
) {
  const error = await expectHaloError(promise, code);
  expect(haloErrorInfoSchema.parse(error.info)).toEqual(error.info);
  expect(error.info.message).toContain(host.replace(/:\d+$/, ''));
  expect(error.info.nextStep.length).toBeGreaterThan(15);
  assertNoSecret(error.info, [FAKE_CLIENT_SECRET]);
  return error;
}

describe('connection-level faults', () => {
  it('dns: a .invalid hostname', async () => {
    // not real DNS, whose answer may come after the client's timeout (see unresolvableResolver)
    const resolver = unresolvableResolver();
    const c = client(configFor({ host: 'halo-setup-test.invalid' }), {
      protocol: 'https',
      lookup: resolver.lookup,
    });
    await failsWith(c.getAgentMe(), 'dns', 'halo-setup-test.invalid');
    expect(resolver.asked).toContain('halo-setup-test.invalid');
  });

  it('refused: a closed port', async () => {
    const host = `127.0.0.1:${await closedPort()}`;
    const error = await failsWith(client(configFor({ host })).listTeams(), 'refused', host);
    expect(error.info.details.host).toBe(host);
  });

  it('timeout: the server hangs', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/agent/me', { kind: 'hang', ms: 3_000 });
    const error = await failsWith(
      client(configFor(fake), { timeoutMs: 300 }).getAgentMe(),
      'timeout',
      fake.host,
    );
    expect(error.info.message).toContain('0.3 seconds');
  });

  it('connection-reset: the server drops the socket (also after the one transient retry)', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', { kind: 'drop' }, 2);
    await failsWith(client(configFor(fake)).listTeams(), 'connection-reset', fake.host);
  });

  it('one dropped connection is retried and succeeds', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', { kind: 'drop' }, 1);
    const teams = await client(configFor(fake), { clock: virtualClock() }).listTeams();
    expect(teams.length).toBeGreaterThan(0);
  });
});

describe('auth faults', () => {
  it('invalid-client: a wrong secret', async () => {
    const fake = await resources.fake();
    const c = client(configFor(fake), { clientSecret: 'wrong-secret-value' });
    const error = await failsWith(c.getAgentMe(), 'invalid-client', fake.host);
    expect(error.info.nextStep).toMatch(/Client ID/);
    assertNoSecret(error.info, ['wrong-secret-value']);
  });

  it('missing-scope: a token is issued but /api keeps answering 401 after one renewal', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/agent/me', { kind: 'status', status: 401, body: '' }, 2);
    const error = await failsWith(client(configFor(fake)).getAgentMe(), 'missing-scope', fake.host);
    expect(error.info.nextStep).toContain('"all"');
    expect(fake.stats.tokenRequests).toBe(2); // the first grant and exactly one renewal
    expect(fake.stats.byPath['/api/agent/me']).toBe(2);
  });

  it('unauthorized: 401 that a renewal does not cure, after /api had worked', async () => {
    const fake = await resources.fake();
    const c = client(configFor(fake));
    await c.listTeams();
    fake.injectFault('/api/agent/me', { kind: 'status', status: 401, body: '' }, 2);
    await failsWith(c.getAgentMe(), 'unauthorized', fake.host);
  });
});

describe('HTTP faults', () => {
  it('forbidden: 403', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', {
      kind: 'status',
      status: 403,
      body: '{"ClassName":"x","Message":"No access"}',
    });
    const error = await failsWith(client(configFor(fake)).listTeams(), 'forbidden', fake.host);
    expect(error.info.message).toContain('No access');
  });

  it('not-found: 404 on /api points at the Resource Server Hostname', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', { kind: 'status', status: 404, body: '' });
    const error = await failsWith(client(configFor(fake)).listTeams(), 'not-found', fake.host);
    expect(error.info.nextStep).toContain('Resource Server Hostname');
  });

  it('not-found: a wrong auth server path hits IIS-style HTML 404', async () => {
    const fake = await resources.fake();
    const c = client(configFor(fake, { authServer: `${fake.host}/nowhere` }));
    const error = await failsWith(c.getAgentMe(), 'not-found', fake.host);
    expect(error.info.nextStep).toContain('Auth Server Hostname');
  });

  it('server-error: 500 (not retried) and 503 twice (retried once)', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', { kind: 'status', status: 500 });
    await failsWith(client(configFor(fake)).listTeams(), 'server-error', fake.host);
    fake.injectFault('/api/team', { kind: 'status', status: 503 }, 2);
    await failsWith(
      client(configFor(fake), { clock: virtualClock() }).listTeams(),
      'server-error',
      fake.host,
    );
  });

  it('not-json: an HTML proxy error page', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', { kind: 'html-error' }, 2);
    const error = await failsWith(
      client(configFor(fake), { clock: virtualClock() }).listTeams(),
      'not-json',
      fake.host,
    );
    expect(error.info.message).toContain('HTML');
  });

  it('not-json: truncated JSON with status 200', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/client', { kind: 'malformed-json' });
    await failsWith(client(configFor(fake)).listClients(), 'not-json', fake.host);
  });

  it('bad-request: a 400 ModelState body is spelled out', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ '[0].name': ['The name field is required.'] }),
    });
    const error = await failsWith(client(configFor(fake)).listTeams(), 'bad-request', fake.host);
    expect(error.info.message).toContain('[0].name: The name field is required.');
  });

  it('rate-limited: 429 until the retries run out (virtual clock, no real waiting)', async () => {
    const limited = await resources.fake({ clients: 5, rateLimit: { limit: 2, windowMs: 600_000 } });
    const clock = virtualClock();
    const c = client(configFor(limited), { clock, maxRateLimitRetries: 3, random: () => 1 });
    const error = await failsWith(c.listTeams(), 'rate-limited', limited.host);
    expect(error.info.details.retries).toBe(3);
    expect(limited.stats.rateLimited).toBe(4);
    expect(clock.slept).toEqual([2000, 4000, 8000]);
  });
});

describe('cancellation', () => {
  it('an abort during a hanging request rejects with cancelled', async () => {
    const fake = await resources.fake();
    fake.injectFault('/api/team', { kind: 'hang', ms: 3_000 });
    const controller = new AbortController();
    const promise = client(configFor(fake)).listTeams({ signal: controller.signal });
    // abort only once the request hangs in the fake, so the abort really lands mid-request
    await until(() => (fake.stats.byPath['/api/team'] ?? 0) >= 1);
    controller.abort();
    await failsWith(promise, 'cancelled', fake.host);
  });

  it('an already-aborted signal sends nothing', async () => {
    const fake = await resources.fake();
    const controller = new AbortController();
    controller.abort();
    await failsWith(
      client(configFor(fake)).listClients({ signal: controller.signal }),
      'cancelled',
      fake.host,
    );
    expect(fake.stats.requests).toBe(0);
  });

  it('an abort during a rate-limit backoff stops the wait', async () => {
    // Retry-After asks for the rest of a 10-minute window (the client waits at most 5 minutes): far
    // longer than any test may take, so only the abort can end this wait.
    const limited = await resources.fake({
      clients: 5,
      rateLimit: { limit: 1, windowMs: 600_000, sendRetryAfter: true },
    });
    const controller = new AbortController();
    // real clock: the point is that the real wait listens to the signal
    const promise = client(configFor(limited)).listTeams({ signal: controller.signal });
    await until(() => limited.stats.rateLimited >= 1);
    const aborted = performance.now();
    controller.abort();
    await failsWith(promise, 'cancelled', limited.host);
    expect(performance.now() - aborted).toBeLessThan(10_000); // not the 5-minute wait
    expect(limited.stats.rateLimited).toBe(1); // no retry went out after the abort
  });
});

describe('the client keeps working after faults', () => {
  it('a fault on one call does not poison the next', async () => {
    const fake = await resources.fake();
    const c = client(configFor(fake));
    fake.injectFault('/api/team', { kind: 'status', status: 500 });
    await expectHaloError(c.listTeams(), 'server-error');
    expect((await c.listTeams()).length).toBeGreaterThan(0);
  });
});
