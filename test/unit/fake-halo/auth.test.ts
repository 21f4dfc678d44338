import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  type FakeHalo,
  type FakeHaloOptions,
  startFakeHalo,
} from '../../fake-halo';
import { apiGet, getToken, manualClock, tokenBodySchema, tokenRequest } from './helpers';

const running: FakeHalo[] = [];
async function start(options: FakeHaloOptions = {}): Promise<FakeHalo> {
  const fake = await startFakeHalo({ clients: 20, ...options });
  running.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.stop()));
});

describe('fake Halo: token endpoint', () => {
  it('issues a bearer token on /auth/token and /token with Halo’s response fields', async () => {
    const fake = await start();
    for (const path of ['/auth/token', '/token', '/AUTH/Token']) {
      const response = await tokenRequest(fake, { path });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body: unknown = await response.json();
      expect(body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'all',
      });
    }
    expect(fake.stats.tokenRequests).toBe(3);
    expect(FAKE_CLIENT_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('answers 401 invalid_client for a wrong secret or a wrong id', async () => {
    const fake = await start();
    for (const request of [{ clientSecret: 'nope' }, { clientId: '00000000-0000-0000-0000-000000000000' }]) {
      const response = await tokenRequest(fake, request);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'invalid_client' });
    }
  });

  it('accepts the client id in any case, and credentials through HTTP Basic auth', async () => {
    const fake = await start();
    expect((await tokenRequest(fake, { clientId: FAKE_CLIENT_ID.toUpperCase() })).status).toBe(200);
    const basic = Buffer.from(`${FAKE_CLIENT_ID}:${FAKE_CLIENT_SECRET}`).toString('base64');
    const response = await fetch(`${fake.url}/auth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'all' }),
    });
    expect(response.status).toBe(200);
    const malformed = Buffer.from(`${FAKE_CLIENT_ID}:%zz`).toString('base64');
    const refused = await fetch(`${fake.url}/auth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${malformed}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'all' }),
    });
    expect(refused.status).toBe(401);
  });

  it('uses custom credentials and token lifetime when given', async () => {
    const fake = await start({
      credentials: { clientId: 'abc', clientSecret: 'def' },
      tokenLifetimeSeconds: 120,
    });
    expect((await tokenRequest(fake)).status).toBe(401);
    const response = await tokenRequest(fake, { clientId: 'abc', clientSecret: 'def' });
    expect(await response.json()).toMatchObject({ expires_in: 120 });
  });

  it('refuses other grant types, JSON bodies and GET', async () => {
    const fake = await start();
    const password = await fetch(`${fake.url}/auth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: FAKE_CLIENT_ID }),
    });
    expect(password.status).toBe(400);
    expect(await password.json()).toEqual({ error: 'unsupported_grant_type' });
    const json = await fetch(`${fake.url}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(json.status).toBe(400);
    expect((await fetch(`${fake.url}/auth/token`)).status).toBe(405);
  });
});

describe('fake Halo: tenants', () => {
  it("mode 'required': a missing or wrong tenant is a 400 invalid_request, the right one (any case) works", async () => {
    const fake = await start({ tenant: { name: 'acme', mode: 'required' } });
    for (const tenant of [undefined, '', 'other']) {
      const response = await tokenRequest(fake, { path: '/token', tenant });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'invalid_request',
        error_description: expect.any(String),
      });
    }
    expect((await tokenRequest(fake, { path: '/token', tenant: 'ACME' })).status).toBe(200);
  });

  it("mode 'optional': a wrong tenant fails, a missing one is fine", async () => {
    const fake = await start({ tenant: { name: 'acme', mode: 'optional' } });
    expect((await tokenRequest(fake, { tenant: 'other' })).status).toBe(400);
    expect((await tokenRequest(fake)).status).toBe(200);
    expect((await tokenRequest(fake, { tenant: 'acme' })).status).toBe(200);
  });

  it('without a configured tenant any ?tenant= is ignored', async () => {
    const fake = await start();
    expect((await tokenRequest(fake, { tenant: 'whatever' })).status).toBe(200);
  });
});

describe('fake Halo: bearer check on /api', () => {
  it('refuses a token issued without scope=all with 401 and WWW-Authenticate: Bearer', async () => {
    const fake = await start();
    const unscoped = await tokenRequest(fake, { scope: null });
    expect(unscoped.status).toBe(200);
    const token = tokenBodySchema.parse(await unscoped.json()).access_token;
    const response = await apiGet(fake, '/api/Agent/me', token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    // A scope list that contains "all" is a scoped token.
    const multi = await getToken(fake, { scope: 'openid all' });
    expect((await apiGet(fake, '/api/Agent/me', multi)).status).toBe(200);
  });

  it('refuses missing, malformed and unknown tokens with 401 and WWW-Authenticate: Bearer', async () => {
    const fake = await start();
    const noHeader = await apiGet(fake, '/api/Client');
    expect(noHeader.status).toBe(401);
    expect(noHeader.headers.get('www-authenticate')).toBe('Bearer');
    expect((await apiGet(fake, '/api/Client', 'made-up')).status).toBe(401);
    const basic = await fetch(`${fake.url}/api/Client`, { headers: { Authorization: 'Basic abc' } });
    expect(basic.status).toBe(401);
  });

  it('expires tokens by the injected clock, and on demand', async () => {
    const clock = manualClock();
    const fake = await start({ now: clock.now, tokenLifetimeSeconds: 60 });
    const token = await getToken(fake);
    clock.advance(59_999);
    expect((await apiGet(fake, '/api/Agent/me', token)).status).toBe(200);
    clock.advance(1);
    const expired = await apiGet(fake, '/api/Agent/me', token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer');

    const fresh = await getToken(fake);
    expect((await apiGet(fake, '/api/Agent/me', fresh)).status).toBe(200);
    fake.expireAllTokens();
    expect((await apiGet(fake, '/api/Agent/me', fresh)).status).toBe(401);
  });

  it('applies a lifetime changed by configure() to tokens issued afterwards', async () => {
    const clock = manualClock();
    const fake = await start({ now: clock.now });
    fake.configure({ tokenLifetimeSeconds: 5 });
    const response = await tokenRequest(fake);
    expect(await response.json()).toMatchObject({ expires_in: 5 });
  });
});

describe('fake Halo: authinfo', () => {
  it('answers without a token, naming the auth URL and the tenant', async () => {
    const plain = await start();
    const response = await fetch(`${plain.url}/api/authinfo`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ auth_url: `${plain.url}/auth`, tenant_id: '' });

    const tenanted = await start({ tenant: { name: 'acme', mode: 'optional' } });
    const body: unknown = await (await fetch(`${tenanted.url}/api/AuthInfo/`)).json();
    expect(body).toEqual({ auth_url: `${tenanted.url}/auth`, tenant_id: 'acme' });
  });

  it('its auth_url + /token is a working token URL', async () => {
    const fake = await start();
    const info = z
      .object({ auth_url: z.string() })
      .parse(await (await fetch(`${fake.url}/api/authinfo`)).json());
    const response = await fetch(`${info.auth_url}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: FAKE_CLIENT_ID,
        client_secret: FAKE_CLIENT_SECRET,
        scope: 'all',
      }),
    });
    expect(response.status).toBe(200);
  });
});
