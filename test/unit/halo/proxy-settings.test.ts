import { describe, expect, it } from 'vitest';
import {
  bypassesProxy,
  displayProxy,
  proxyFor,
  proxySettingsFromEnv,
} from '../../../electron/halo/proxy-settings';

describe('proxy settings', () => {
  it('reads HTTPS_PROXY / https_proxy / NO_PROXY from an environment', () => {
    expect(proxySettingsFromEnv({ HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'localhost' })).toEqual({
      httpsProxy: 'http://p:3128',
      noProxy: 'localhost',
    });
    expect(proxySettingsFromEnv({ https_proxy: 'p:8080', no_proxy: '.corp' })).toEqual({
      httpsProxy: 'p:8080',
      noProxy: '.corp',
    });
    expect(proxySettingsFromEnv({})).toEqual({});
  });

  it('chooses the proxy for https targets only, adding a scheme when missing', () => {
    expect(proxyFor('https://acme.halopsa.com/api', { httpsProxy: 'proxy.corp:3128' })).toBe(
      'http://proxy.corp:3128',
    );
    expect(proxyFor('http://127.0.0.1:4000/api', { httpsProxy: 'http://p:1' })).toBeNull();
    expect(proxyFor('https://acme.halopsa.com/api', {})).toBeNull();
  });

  it('NO_PROXY: exact host, subdomains, leading dot, *., port-specific, wildcard', () => {
    expect(bypassesProxy('acme.halopsa.com', 443, 'halopsa.com')).toBe(true);
    expect(bypassesProxy('acme.halopsa.com', 443, '.halopsa.com')).toBe(true);
    expect(bypassesProxy('acme.halopsa.com', 443, '*.halopsa.com')).toBe(true);
    expect(bypassesProxy('nothalopsa.com', 443, 'halopsa.com')).toBe(false);
    expect(bypassesProxy('support.example.com', 8443, 'support.example.com:8443')).toBe(true);
    expect(bypassesProxy('support.example.com', 443, 'support.example.com:8443')).toBe(false);
    expect(bypassesProxy('anything', 443, '*')).toBe(true);
    expect(bypassesProxy('ACME.example.com', 443, 'localhost, acme.example.com')).toBe(true);
    expect(bypassesProxy('acme.example.com', 443, '')).toBe(false);
  });

  it('hides proxy credentials in messages', () => {
    expect(displayProxy('http://user:pw@proxy.corp:3128')).toBe('http://proxy.corp:3128');
  });
});
