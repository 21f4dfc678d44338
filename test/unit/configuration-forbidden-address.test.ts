import { describe, expect, it } from 'vitest';
import { normaliseResourceServer } from '../../shared/configuration-rules';

const onPremise = (host: string) => normaliseResourceServer(host, { isOnPremise: true });

describe('on-premise hosts refuse link-local, metadata and "any" addresses', () => {
  it.each([
    ['169.254.169.254', /link-local/],
    ['169.254.1.2:8443', /link-local/],
    ['0.0.0.0', /any address/],
    ['0.0.0.0:443', /any address/],
    ['[fe80::1]', /link-local/],
    ['[febf::abcd]:8443', /link-local/],
    ['[::]', /any address/],
    ['[::ffff:169.254.169.254]', /link-local/],
    ['[::ffff:a9fe:a9fe]', /link-local/],
    ['[::ffff:0.0.0.0]', /any address/],
    ['[64:ff9b::169.254.169.254]', /link-local/],
    ['[fd00:ec2::254]', /metadata/],
    ['metadata.google.internal', /metadata/],
  ])('%s is refused', (host, reason) => {
    const result = onPremise(host);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  });

  it.each([
    '192.168.1.20',
    '10.0.0.5:8443',
    '[2001:db8::10]',
    '[fec0::1]',
    'halo.internal.example',
    '127.0.0.1:41234',
  ])('%s is still accepted', (host) => {
    expect(onPremise(host).ok).toBe(true);
  });
});
