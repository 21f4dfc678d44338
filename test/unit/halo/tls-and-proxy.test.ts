import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHaloClient, type HaloClient, type HaloClientOptions } from '../../../electron/halo/index';
import type { HaloConfiguration } from '../../../shared/domain';
import { FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../../fake-halo/index';
import { startConnectProxy, type TestProxy } from './connect-proxy';
import { assertNoSecret, configFor, expectHaloError, loopbackLookup } from './helpers';

/** HTTPS like an on-premise Halo behind a private CA, and an HTTPS proxy in between. */

let fake: FakeHalo;
let proxy: TestProxy;
const opened: HaloClient[] = [];

beforeAll(async () => {
  fake = await startFakeHalo({ tls: true, clients: 150 });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await proxy.stop();
  await fake.stop();
});
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
  proxy.refuseWith = null;
  proxy.connects.length = 0;
});

function caPem(): string {
  if (fake.caPem === null) throw new Error('the TLS fake has no CA');
  return fake.caPem;
}

function client(config: HaloConfiguration, options: Partial<HaloClientOptions> = {}): HaloClient {
  const created = createHaloClient(config, {
    clientSecret: FAKE_CLIENT_SECRET,
    protocol: 'https',
    lookup: loopbackLookup,
    timeoutMs: 5_000,
    proxy: {},
    ...options,
  });
  opened.push(created);
  return created;
}

/**
 * Every spelling of the proxy variables a client or library might read. The machine running the tests
 * may set any of them (CI behind a proxy, a developer's shell); a test of the environment defaults
 * starts from none and puts them all back afterwards.
 */
const PROXY_ENV_NAMES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
] as const;

/** Removes every proxy variable from the environment; returns the function that restores them. */
function clearProxyEnv(): () => void {
  const saved = PROXY_ENV_NAMES.map((name) => [name, process.env[name]] as const);
  for (const name of PROXY_ENV_NAMES) delete process.env[name];
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

const onPremise = (patch: Partial<HaloConfiguration> = {}) =>
  configFor(fake, { isOnPremise: true, caCertificatePem: caPem(), ...patch });

describe('on-premise over HTTPS', () => {
  it('works with the private CA configured (added to, not replacing, the public roots)', async () => {
    const c = client(onPremise());
    const rows = await c.listClients();
    expect(rows).toHaveLength(fake.clients().filter((r) => !r.inactive).length);
    expect(c.endpoints().tokenUrl).toBe(`https://${fake.host}/auth/token`);
  });

  it('tls-untrusted without the CA', async () => {
    const error = await expectHaloError(
      client(onPremise({ caCertificatePem: '' })).getAgentMe(),
      'tls-untrusted',
    );
    expect(error.info.message).toContain(fake.host);
    expect(error.info.nextStep).toContain('CA certificate');
  });

  it('tls-untrusted with a CA field that is not a certificate', async () => {
    const error = await expectHaloError(
      client(onPremise({ caCertificatePem: 'not a pem' })).getAgentMe(),
      'tls-untrusted',
    );
    expect(error.info.message).toContain('cannot be used');
  });

  it('tls-wrong-host: a real-looking hostname pointed at the fake, whose certificate does not cover it', async () => {
    const port = fake.port;
    const error = await expectHaloError(
      client(onPremise({ resourceServer: `acme.halopsa.com:${port}` })).getAgentMe(),
      'tls-wrong-host',
    );
    expect(error.info.message).toContain(`acme.halopsa.com:${port}`);
  });

  it('tls-wrong-host is cured when the certificate covers the name (lookup override + tlsHostnames)', async () => {
    const named = await startFakeHalo({ tls: true, clients: 3, tlsHostnames: ['acme.halopsa.com'] });
    try {
      // The fake's authinfo names "localhost" whatever host was asked for, so set the auth server
      // explicitly (equal to the resource server, i.e. its /auth) instead of discovering it.
      const host = `acme.halopsa.com:${named.port}`;
      const c = client(
        configFor(named, { resourceServer: host, authServer: host, caCertificatePem: named.caPem ?? '' }),
      );
      expect((await c.getAgentMe()).name).toBe('Rewst API');
    } finally {
      await named.stop();
    }
  });

  it('tls-expired: an expired server certificate', async () => {
    const expired = await startFakeHalo({ tls: true, clients: 3, tlsExpired: true });
    try {
      const c = client(configFor(expired, { isOnPremise: true, caCertificatePem: expired.caPem ?? '' }));
      const error = await expectHaloError(c.getAgentMe(), 'tls-expired');
      expect(error.info.message).toContain(expired.host);
    } finally {
      await expired.stop();
    }
  });
});

describe('HTTPS proxy', () => {
  it('tunnels every request through HTTPS_PROXY (explicit settings)', async () => {
    fake.resetStats();
    const c = client(onPremise(), { proxy: { httpsProxy: proxy.url } });
    const rows = await c.listClients({ includeInactive: true });
    expect(rows).toHaveLength(150);
    expect(proxy.connects.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.connects)).toEqual(new Set([fake.host]));
    expect(fake.stats.requests).toBeGreaterThanOrEqual(3);
  });

  it('reads HTTPS_PROXY and NO_PROXY from the environment by default', async () => {
    const restore = clearProxyEnv();
    try {
      process.env.HTTPS_PROXY = proxy.url;
      const viaEnv = createHaloClient(onPremise(), {
        clientSecret: FAKE_CLIENT_SECRET,
        lookup: loopbackLookup,
      });
      opened.push(viaEnv);
      await viaEnv.getAgentMe();
      expect(proxy.connects).toContain(fake.host);

      proxy.connects.length = 0;
      process.env.NO_PROXY = 'localhost';
      const bypassing = createHaloClient(onPremise(), {
        clientSecret: FAKE_CLIENT_SECRET,
        lookup: loopbackLookup,
      });
      opened.push(bypassing);
      await bypassing.getAgentMe();
      expect(proxy.connects).toEqual([]);
    } finally {
      restore();
    }
  });

  it('a refused proxy is classified as proxy, naming the proxy', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const c = client(onPremise(), { proxy: { httpsProxy: `http://127.0.0.1:${port}` } });
    const error = await expectHaloError(c.getAgentMe(), 'proxy');
    expect(error.info.message).toContain(`127.0.0.1:${port}`);
    expect(error.info.message).toContain(fake.host);
  });

  it('a proxy refusing the tunnel (403) is classified as proxy, and no credentials reach it', async () => {
    proxy.refuseWith = 403;
    const c = client(onPremise(), { proxy: { httpsProxy: proxy.url } });
    const error = await expectHaloError(c.getAgentMe(), 'proxy');
    expect(error.info.details.proxyStatus).toBe(403);
    assertNoSecret(error.info, [FAKE_CLIENT_SECRET]);
  });
});
