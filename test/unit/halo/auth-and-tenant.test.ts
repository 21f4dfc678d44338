import { describe, expect, it } from 'vitest';
import { createHaloClient, type HaloClient, type HaloRequestInfo } from '../../../electron/halo/index';
import type { HaloConfiguration } from '../../../shared/domain';
import { FAKE_CLIENT_SECRET, type FakeHalo, type FakeHaloOptions } from '../../fake-halo/index';
import { configFor, expectHaloError, fakesPerTest, loopbackLookup } from './helpers';

/** Token endpoint discovery, explicit auth servers and the tenant rules, against the fake. */

const resources = fakesPerTest({ clients: 20 });

const fakeWith = (options: FakeHaloOptions): Promise<FakeHalo> => resources.fake(options);

function client(config: HaloConfiguration, requests?: HaloRequestInfo[]): HaloClient {
  const created = createHaloClient(config, {
    clientSecret: FAKE_CLIENT_SECRET,
    protocol: 'http',
    lookup: loopbackLookup,
    proxy: {},
    ...(requests === undefined ? {} : { onRequest: (info: HaloRequestInfo) => requests.push(info) }),
  });
  return resources.track(created);
}

describe('discovery', () => {
  it('uses /api/authinfo when no auth server is set, and the discovered tenant', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'required' } });
    const c = client(configFor(fake));
    expect((await c.getAgentMe()).id).toBe(7);
    expect(c.endpoints().tokenUrl).toBe(`${fake.url}/auth/token?tenant=acme`);
    expect(fake.stats.byPath['/api/authinfo']).toBe(1);
  });

  it('discovery runs once per client, and the token is reused between calls', async () => {
    const fake = await fakeWith({});
    const c = client(configFor(fake));
    await c.getAgentMe();
    await c.listTeams();
    await c.listTopLevels();
    expect(fake.stats.byPath['/api/authinfo']).toBe(1);
    expect(fake.stats.tokenRequests).toBe(1);
  });

  it('falls back to {host}/auth/token when authinfo fails', async () => {
    const fake = await fakeWith({});
    fake.injectFault('/api/authinfo', { kind: 'status', status: 500 });
    const c = client(configFor(fake));
    await c.getAgentMe();
    expect(c.endpoints().tokenUrl).toBe(`${fake.url}/auth/token`);
    expect(fake.stats.byPath['/auth/token']).toBe(1);
  });

  it('an explicit auth server skips discovery', async () => {
    const fake = await fakeWith({});
    const c = client(configFor(fake, { authServer: fake.host }));
    await c.getAgentMe();
    expect(fake.stats.byPath['/api/authinfo']).toBeUndefined();
    expect(c.endpoints().tokenUrl).toBe(`${fake.url}/auth/token`);
  });

  it('a different bare auth host is used at its root (shared auth server / trial style)', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'required' } });
    const requests: HaloRequestInfo[] = [];
    const c = client(
      configFor(fake, {
        resourceServer: `acme.halopsa.com:${fake.port}`,
        authServer: `127.0.0.1:${fake.port}`,
        tenant: 'acme',
      }),
      requests,
    );
    await c.getAgentMe();
    expect(c.endpoints().tokenUrl).toBe(`http://127.0.0.1:${fake.port}/token?tenant=acme`);
    expect(fake.stats.byPath['/token']).toBe(1);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST http://127.0.0.1:${fake.port}/token?tenant=acme`,
      `GET http://acme.halopsa.com:${fake.port}/api/Agent/me`,
    ]);
  });
});

describe('tenant modes', () => {
  it('required: the right tenant works', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'required' } });
    const c = client(configFor(fake, { authServer: fake.host, tenant: 'acme' }));
    await c.getAgentMe();
    expect(c.endpoints().tokenUrl).toContain('?tenant=acme');
  });

  it('required: no tenant fails with invalid-tenant saying one is required', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'required' } });
    const error = await expectHaloError(
      client(configFor(fake, { authServer: fake.host })).getAgentMe(),
      'invalid-tenant',
    );
    expect(error.info.message).toContain('requires a tenant');
    expect(error.info.nextStep).toContain('Tenant ID');
  });

  it('required: a wrong tenant fails with invalid-tenant naming it', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'required' } });
    const error = await expectHaloError(
      client(configFor(fake, { tenant: 'globex' })).getAgentMe(),
      'invalid-tenant',
    );
    expect(error.info.message).toContain('globex');
  });

  it('optional: no tenant works and no empty ?tenant= is sent', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'optional' } });
    const requests: HaloRequestInfo[] = [];
    const c = client(configFor(fake, { authServer: fake.host }), requests);
    await c.getAgentMe();
    const tokenCall = requests.find((r) => r.purpose === 'token');
    expect(tokenCall?.url).toBe(`${fake.url}/auth/token`);
  });

  it('optional: a wrong tenant fails', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'optional' } });
    await expectHaloError(
      client(configFor(fake, { authServer: fake.host, tenant: 'nope' })).getAgentMe(),
      'invalid-tenant',
    );
  });

  it('on-premise never sends a tenant, even a typed one', async () => {
    const fake = await fakeWith({ tenant: { name: 'acme', mode: 'optional' } });
    const c = client(configFor(fake, { tenant: 'wrong', isOnPremise: true }));
    await c.getAgentMe();
    expect(c.endpoints().tokenUrl).toBe(`${fake.url}/auth/token`);
  });
});

describe('credentials', () => {
  it('a wrong secret gives invalid-client with the Client-ID hint', async () => {
    const fake = await fakeWith({});
    const c = createHaloClient(configFor(fake), {
      clientSecret: 'nope',
      protocol: 'http',
      lookup: loopbackLookup,
      proxy: {},
    });
    resources.track(c);
    const error = await expectHaloError(c.listClients(), 'invalid-client');
    expect(error.info.nextStep).toContain('Halo may change the Client ID');
  });

  it('a stale Client ID gives the same', async () => {
    const fake = await fakeWith({});
    const error = await expectHaloError(
      client(configFor(fake, { clientId: '00000000-0000-0000-0000-000000000000' })).getAgentMe(),
      'invalid-client',
    );
    expect(error.info.message).toContain(fake.host);
  });

  it('onRequest never sees the secret or the token', async () => {
    const fake = await fakeWith({});
    const requests: HaloRequestInfo[] = [];
    await client(configFor(fake), requests).listClients();
    const text = JSON.stringify(requests);
    expect(text).not.toContain(FAKE_CLIENT_SECRET);
    expect(text).not.toMatch(/Bearer|access_token/);
    expect(requests.map((r) => r.purpose)).toEqual(['authinfo', 'token', 'api']);
  });
});

describe('scopes: all, else the least set', () => {
  it('an application granted only read:customers and all:teams: "all" is refused once, then the least set is asked for', async () => {
    const fake = await fakeWith({ grantedScope: 'read:customers all:teams', refuseUngrantedScope: true });
    const c = client(configFor(fake));
    expect((await c.getAgentMe()).id).toBe(7);
    expect(await c.listClients({ includeInactive: true })).toHaveLength(20);
    expect((await c.listTeams()).length).toBeGreaterThan(0);
    expect(fake.stats.tokenRequests).toBe(2);
    // A fresh grant (as a validation makes) asks for the least set straight away.
    const result = await c.validate();
    expect(result.status).toBe('ok');
    expect(result.facts.tokenScope).toBe('read:customers all:teams');
    expect(fake.stats.tokenRequests).toBe(3);
  });

  it('refused both sets: invalid-scope naming both, after exactly two token requests', async () => {
    const fake = await fakeWith({ grantedScope: 'read:tickets', refuseUngrantedScope: true });
    const c = client(configFor(fake));
    const error = await expectHaloError(c.getAgentMe(), 'invalid-scope');
    expect(error.message).toContain('refused “all” and then “read:customers all:teams”');
    expect(fake.stats.tokenRequests).toBe(2);
  });
});
