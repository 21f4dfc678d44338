import { describe, expect, it } from 'vitest';
import {
  apiBaseUrl,
  effectiveTenant,
  explicitAuthBase,
  resolveTokenEndpoint,
  tokenUrlFor,
  usableDiscoveredAuthBase,
} from '../../../electron/halo/urls';
import type { HaloConfiguration } from '../../../shared/domain';

function config(patch: Partial<HaloConfiguration>): HaloConfiguration {
  return {
    resourceServer: 'acme.halopsa.com',
    clientId: '0b8e6a5c-6f1e-4c47-9a57-8a2f1d3c4b5e',
    tenant: '',
    authServer: '',
    isOnPremise: false,
    caCertificatePem: '',
    ...patch,
  };
}

describe('halo-api.md §1: where to send what', () => {
  it('Halo-hosted NAME.halopsa.com: /auth on the same host, API under /api', () => {
    const c = config({ resourceServer: 'acme.halopsa.com', authServer: 'acme.halopsa.com' });
    expect(apiBaseUrl(c, 'https')).toBe('https://acme.halopsa.com/api');
    expect(resolveTokenEndpoint(c, 'https', null)).toEqual({
      tokenUrl: 'https://acme.halopsa.com/auth/token',
      authBase: 'https://acme.halopsa.com/auth',
      tenant: '',
      source: 'explicit',
    });
  });

  it('Halo-hosted with a tenant: ?tenant=NAME is appended (accepted, not required)', () => {
    const c = config({ resourceServer: 'acme.halopsa.com', tenant: 'acme' });
    expect(resolveTokenEndpoint(c, 'https', null).tokenUrl).toBe(
      'https://acme.halopsa.com/auth/token?tenant=acme',
    );
  });

  it.each(['acme.haloitsm.com', 'acme.haloservicedesk.com', 'acme.halocrm.io'])(
    'other hosted domains behave the same: %s',
    (host) => {
      const c = config({ resourceServer: host });
      expect(apiBaseUrl(c, 'https')).toBe(`https://${host}/api`);
      expect(resolveTokenEndpoint(c, 'https', null).tokenUrl).toBe(`https://${host}/auth/token`);
    },
  );

  it('shared Halo auth server: used at its root, tenant required and sent', () => {
    const c = config({
      resourceServer: 'acme.haloservicedesk.com',
      authServer: 'auth.haloservicedesk.com',
      tenant: 'acme',
    });
    expect(apiBaseUrl(c, 'https')).toBe('https://acme.haloservicedesk.com/api');
    const endpoint = resolveTokenEndpoint(c, 'https', null);
    expect(endpoint.tokenUrl).toBe('https://auth.haloservicedesk.com/token?tenant=acme');
    expect(endpoint.source).toBe('explicit');
  });

  it('hosted trial: uk-trial.halopsa.com at its root, no /auth', () => {
    const c = config({
      resourceServer: 'acme.halopsa.com',
      authServer: 'uk-trial.halopsa.com',
      tenant: 'acme',
    });
    expect(resolveTokenEndpoint(c, 'https', null).tokenUrl).toBe(
      'https://uk-trial.halopsa.com/token?tenant=acme',
    );
  });

  it('on-premise: {host}/auth/token and never a tenant, even when one is typed or discovered', () => {
    const c = config({ resourceServer: 'support.example.com', isOnPremise: true, tenant: 'typed' });
    expect(apiBaseUrl(c, 'https')).toBe('https://support.example.com/api');
    expect(resolveTokenEndpoint(c, 'https', null).tokenUrl).toBe('https://support.example.com/auth/token');
    const discovered = resolveTokenEndpoint(c, 'https', {
      authUrl: 'https://support.example.com/auth',
      tenantId: 'x',
    });
    expect(discovered.tokenUrl).toBe('https://support.example.com/auth/token');
    expect(discovered.tenant).toBe('');
  });

  it('on-premise with a port keeps the port everywhere', () => {
    const c = config({
      resourceServer: 'support.example.com:8443',
      authServer: 'support.example.com:8443',
      isOnPremise: true,
    });
    expect(apiBaseUrl(c, 'https')).toBe('https://support.example.com:8443/api');
    expect(resolveTokenEndpoint(c, 'https', null).tokenUrl).toBe(
      'https://support.example.com:8443/auth/token',
    );
  });
});

describe('auth base rules', () => {
  it('an auth server with a path is used as given', () => {
    expect(explicitAuthBase(config({ authServer: 'acme.halopsa.com/auth' }), 'https')).toBe(
      'https://acme.halopsa.com/auth',
    );
    expect(explicitAuthBase(config({ authServer: 'auth.example.com/' }), 'https')).toBe(
      'https://auth.example.com',
    );
  });

  it('an empty auth server means "not different"', () => {
    expect(explicitAuthBase(config({ authServer: '  ' }), 'https')).toBeNull();
  });

  it('the explicit auth server wins over discovery', () => {
    const c = config({ authServer: 'auth.haloservicedesk.com', tenant: 'acme' });
    const endpoint = resolveTokenEndpoint(c, 'https', {
      authUrl: 'https://elsewhere.example/auth',
      tenantId: 'other',
    });
    expect(endpoint.tokenUrl).toBe('https://auth.haloservicedesk.com/token?tenant=acme');
  });

  it('discovery: auth_url without trailing slash + /token; the typed tenant beats the discovered one', () => {
    const c = config({ tenant: 'typed' });
    const endpoint = resolveTokenEndpoint(c, 'https', {
      authUrl: 'https://acme.halopsa.com/auth/',
      tenantId: 'found',
    });
    expect(endpoint).toMatchObject({
      tokenUrl: 'https://acme.halopsa.com/auth/token?tenant=typed',
      source: 'discovered',
    });
  });

  it('discovery: the discovered tenant is used when none is typed; none when both are empty', () => {
    const found = resolveTokenEndpoint(config({}), 'https', {
      authUrl: 'https://auth.haloservicedesk.com',
      tenantId: 'acme',
    });
    expect(found.tokenUrl).toBe('https://auth.haloservicedesk.com/token?tenant=acme');
    const none = resolveTokenEndpoint(config({}), 'https', {
      authUrl: 'https://acme.halopsa.com/auth',
      tenantId: '',
    });
    expect(none.tokenUrl).toBe('https://acme.halopsa.com/auth/token');
  });

  it('falls back to {host}/auth/token when discovery failed', () => {
    expect(resolveTokenEndpoint(config({}), 'https', null)).toMatchObject({
      tokenUrl: 'https://acme.halopsa.com/auth/token',
      source: 'fallback',
    });
  });

  it('refuses a discovered auth URL that would downgrade to http or is not a URL', () => {
    expect(usableDiscoveredAuthBase('http://acme.halopsa.com/auth', 'https')).toBeNull();
    expect(usableDiscoveredAuthBase('not a url', 'https')).toBeNull();
    expect(usableDiscoveredAuthBase('https://user:pw@acme.halopsa.com/auth', 'https')).toBeNull();
    const endpoint = resolveTokenEndpoint(config({}), 'https', {
      authUrl: 'http://evil.example/auth',
      tenantId: '',
    });
    expect(endpoint.source).toBe('fallback');
  });
});

describe('tenant rules', () => {
  it('?tenant= only when non-empty, URL-encoded', () => {
    expect(tokenUrlFor('https://a.example/auth', '')).toBe('https://a.example/auth/token');
    expect(tokenUrlFor('https://a.example/auth/', 'a b&c')).toBe(
      'https://a.example/auth/token?tenant=a%20b%26c',
    );
  });

  it('typed, else discovered, else none; whitespace-only counts as none; on-premise never', () => {
    expect(effectiveTenant(config({ tenant: ' acme ' }), 'x')).toBe('acme');
    expect(effectiveTenant(config({ tenant: '  ' }), 'found')).toBe('found');
    expect(effectiveTenant(config({ tenant: '' }), null)).toBe('');
    expect(effectiveTenant(config({ tenant: 'acme', isOnPremise: true }), 'found')).toBe('');
  });

  it('http is honoured for loopback tests', () => {
    const c = config({ resourceServer: '127.0.0.1:4000' });
    expect(apiBaseUrl(c, 'http')).toBe('http://127.0.0.1:4000/api');
    expect(resolveTokenEndpoint(c, 'http', null).tokenUrl).toBe('http://127.0.0.1:4000/auth/token');
  });
});
