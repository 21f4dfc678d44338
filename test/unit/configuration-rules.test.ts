import { X509Certificate } from 'node:crypto';
import {
  type ConfigurationInput,
  checkConfigurationField,
  configurationInputSchema,
  type FieldResult,
  isHaloHostedHost,
  normaliseAuthServer,
  normaliseCaCertificatePem,
  normaliseClientId,
  normaliseClientSecret,
  normaliseHostname,
  normaliseResourceServer,
  normaliseTenant,
  tenantHint,
  validateConfiguration,
} from '../../shared/configuration-rules';
import { haloConfigurationSchema } from '../../shared/domain';

/** Throwaway self-signed CA certificates made with openssl for these tests (no key is kept anywhere). */
const CA_ONE = `-----BEGIN CERTIFICATE-----
MIIBjzCCATWgAwIBAgIUISU47rbiDXpCK39VmnkGxj8pdCowCgYIKoZIzj0EAwIw
HDEaMBgGA1UEAwwRSGFsbyBUZXN0IFJvb3QgQ0EwIBcNMjYxMTMwMTUwMjAzWhgP
MjEyNjExMDYxNTAyMDNaMBwxGjAYBgNVBAMMEUhhbG8gVGVzdCBSb290IENBMFkw
EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE75umueiGG15LLWGHLtdnvsDePWoCXOBb
XRWj6Mz31TQY47oo0akpCZmHY+/6PH8fNym+hy0J1Dt0+mrGIxDBeKNTMFEwHQYD
VR0OBBYEFGWC+6zs4473vwlLk/ADcmdcFPp3MB8GA1UdIwQYMBaAFGWC+6zs4473
vwlLk/ADcmdcFPp3MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIh
AL53MiEZoyRB2mg4Wa86/cTeY2PBAJTyGCpywurK1JjZAiAC7vsFFed6FQ03kVpw
qGnK8xLWZzXvDYHHYgnHZR2VOw==
-----END CERTIFICATE-----
`;
const CA_TWO = `-----BEGIN CERTIFICATE-----
MIIBlDCCATmgAwIBAgIUXmqPtwdJgjRUjQBW87V79hgrAlswCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTSGFsbyBUZXN0IFNlY29uZCBDQTAgFw0yNjExMzAxNTAyMDNa
GA8yMTI2MTEwNjE1MDIwM1owHjEcMBoGA1UEAwwTSGFsbyBUZXN0IFNlY29uZCBD
QTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBCfb/EZajHjrxJprZPWDfBH8N/V
IYPKnRcRnxK6CEJCZi2mOES03y5eDa4ZCZhLkvLrs6tx1i2s9Gv11yrbHhSjUzBR
MB0GA1UdDgQWBBT0OQcN4UAj3h5lacKgRfJ07nAmVzAfBgNVHSMEGDAWgBT0OQcN
4UAj3h5lacKgRfJ07nAmVzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0kA
MEYCIQDFNwv+mSUXna0XLT8o0Hg9vkQbZLXgr8kB3M2nlIQQXwIhAJ97qH9woyUp
cGavFZzBQYNuH1beewDMO+JWaYpDU8c8
-----END CERTIFICATE-----
`;
const CSR = `-----BEGIN CERTIFICATE REQUEST-----
MIHVMH0CAQAwGzEZMBcGA1UEAwwQaGFsby5leGFtcGxlLmNvbTBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABBCfb/EZajHjrxJprZPWDfBH8N/VIYPKnRcRnxK6CEJC
Zi2mOES03y5eDa4ZCZhLkvLrs6tx1i2s9Gv11yrbHhSgADAKBggqhkjOPQQDAgNI
ADBFAiAT5eyf+87fhGBVJHxk4X+sxjRbFZJqVe1CCKd1MIrYeAIhAIB0wR6mjBoe
nW23zbAplpWnQkdmfHySzoqGDeImp0iA
-----END CERTIFICATE REQUEST-----
`;
const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEJ9v8RlqMeOvEmmtk9YN8Efw39Uh
g8qdFxGfEroIQkJmLaY4RLTfLl4NrhkJmEuS8uuzq3HWLaz0a/XXKtseFA==
-----END PUBLIC KEY-----
`;

/** Either the normalised value (and a fragment of the note, or none) or a fragment of the refusal. */
type Expected<T = string> = { value: T; note?: string } | { error: string };

function expectResult<T>(result: FieldResult<T>, expected: Expected<T>): void {
  if ('error' in expected) {
    expect(result.ok, `expected a refusal, got ${JSON.stringify(result)}`).toBe(false);
    if (!result.ok) expect(result.message).toContain(expected.error);
    return;
  }
  expect(result.ok, `expected acceptance, got ${JSON.stringify(result)}`).toBe(true);
  if (!result.ok) return;
  expect(result.value).toEqual(expected.value);
  if (expected.note === undefined) expect(result.note).toBeUndefined();
  else expect(result.note).toContain(expected.note);
}

const HOSTED = false;
const ON_PREMISE = true;
const LONG_LABEL = 'a'.repeat(64);
const MAX_LABEL = 'a'.repeat(63);

describe('normaliseResourceServer (normaliseHostname without a path)', () => {
  it.each<[string, string, boolean, Expected]>([
    // What technicians paste, cleaned up.
    ['scheme and trailing slash', 'https://x.halopsa.com/', HOSTED, { value: 'x.halopsa.com' }],
    ['/api', 'x.halopsa.com/api', HOSTED, { value: 'x.halopsa.com', note: 'Removed /api' }],
    ['spaces around and capitals', ' X.HaloPSA.com ', HOSTED, { value: 'x.halopsa.com' }],
    ['/auth', 'x.halopsa.com/auth', HOSTED, { value: 'x.halopsa.com', note: 'Removed /auth' }],
    [
      'all capitals with /API/',
      'HTTPS://X.HALOPSA.COM/API/',
      HOSTED,
      { value: 'x.halopsa.com', note: '/api' },
    ],
    [
      'the authinfo URL',
      'x.halopsa.com/api/authinfo',
      HOSTED,
      { value: 'x.halopsa.com', note: 'Kept only the host' },
    ],
    [
      'a pasted token URL',
      'https://x.halopsa.com/auth/token',
      HOSTED,
      { value: 'x.halopsa.com', note: 'Removed /auth/token' },
    ],
    ['scheme-relative', '//acme.halopsa.com', HOSTED, { value: 'acme.halopsa.com' }],
    ['an empty query', 'x.halopsa.com?', HOSTED, { value: 'x.halopsa.com' }],
    ['an empty port', 'x.halopsa.com:', HOSTED, { value: 'x.halopsa.com' }],
    ['other hosted domain', 'acme.halocrm.io', HOSTED, { value: 'acme.halocrm.io' }],
    ['a tab around', '\tacme.haloitsm.com\n', HOSTED, { value: 'acme.haloitsm.com' }],
    // Schemes.
    ['http:// hosted', 'http://x.halopsa.com', HOSTED, { value: 'x.halopsa.com', note: 'only on https://' }],
    ['http:// on-premise', 'http://halo.example.com', ON_PREMISE, { error: 'connects only with https://' }],
    ['ftp://', 'ftp://x.halopsa.com', HOSTED, { error: 'not ftp://' }],
    [
      'https: without slashes',
      'https:acme.halopsa.com',
      HOSTED,
      { error: 'Write the address as https://acme.halopsa.com' },
    ],
    ['backslashes', 'https:\\\\acme.halopsa.com', HOSTED, { error: 'forward slashes' }],
    // Ports.
    ['a port on hosted', 'x.halopsa.com:8443', HOSTED, { error: 'remove ":8443"' }],
    [':443 on hosted', 'x.halopsa.com:443', HOSTED, { value: 'x.halopsa.com', note: 'Removed :443' }],
    ['a port on-premise', 'halo.example.com:8443', ON_PREMISE, { value: 'halo.example.com:8443' }],
    ['a zero-padded port', 'halo.example.com:08443', ON_PREMISE, { value: 'halo.example.com:8443' }],
    ['port 0', 'halo.example.com:0', ON_PREMISE, { error: 'ports go from 1 to 65535' }],
    ['port 99999', 'halo.example.com:99999', ON_PREMISE, { error: 'ports go from 1 to 65535' }],
    ['a named port', 'halo.example.com:https', ON_PREMISE, { error: 'must be a number, like :8443' }],
    [
      'port 80 on-premise',
      'halo.example.com:80',
      ON_PREMISE,
      { value: 'halo.example.com:80', note: 'Port 80 is normally plain http' },
    ],
    ['two colons', 'halo.example.com:84:43', ON_PREMISE, { error: 'more than one ":"' }],
    // IP addresses and localhost.
    ['IPv4 on hosted', '10.0.0.5', HOSTED, { error: 'is an IP address' }],
    ['IPv4 with port on-premise', '10.0.0.5:8443', ON_PREMISE, { value: '10.0.0.5:8443' }],
    ['IPv6 with port on-premise', '[::1]:8443', ON_PREMISE, { value: '[::1]:8443' }],
    ['long-form IPv6', 'https://[0:0:0:0:0:0:0:1]:8443/', ON_PREMISE, { value: '[::1]:8443' }],
    ['IPv6 capitals', '[2001:DB8::10]', ON_PREMISE, { value: '[2001:db8::10]' }],
    ['IPv6 on hosted', '[::1]:8443', HOSTED, { error: 'is an IP address' }],
    ['IPv6 without brackets', '2001:db8::10', ON_PREMISE, { error: 'square brackets' }],
    ['IPv6 with a zone', '[fe80::1%eth0]:8443', ON_PREMISE, { error: 'zone (%eth0)' }],
    ['IPv6 without its ]', '[::1:8443', ON_PREMISE, { error: 'closing "]"' }],
    ['not IPv6', '[12345::1]', ON_PREMISE, { error: 'not a valid IPv6 address' }],
    ['localhost with port on-premise', 'localhost:8443', ON_PREMISE, { value: 'localhost:8443' }],
    ['localhost on hosted', 'localhost', HOSTED, { error: 'means this computer' }],
    ['three-part IPv4', '1.2.3', ON_PREMISE, { error: 'not a valid IPv4 address' }],
    ['octal-looking IPv4', '010.0.0.1', ON_PREMISE, { error: 'without leading zeros' }],
    ['IPv4 over 255', '256.1.1.1', ON_PREMISE, { error: 'from 0 to 255' }],
    // Characters and labels.
    ['an underscore', 'my_halo.example.com', ON_PREMISE, { error: 'underscore (_)' }],
    ['a space inside', 'acme halopsa.com', HOSTED, { error: 'There is a space inside' }],
    ['a percent sign', 'acme%2Ehalopsa.com', HOSTED, { error: 'contains "%"' }],
    [
      'an international name',
      'münchen.example.de',
      ON_PREMISE,
      { value: 'xn--mnchen-3ya.example.de', note: 'xn--mnchen-3ya' },
    ],
    [
      'full-width letters',
      'ａｃｍｅ.halopsa.com',
      HOSTED,
      { value: 'acme.halopsa.com', note: 'plain characters' },
    ],
    ['an international name with _', 'bücher_shop.de', ON_PREMISE, { error: 'underscore' }],
    ['a trailing dot', 'acme.halopsa.com.', HOSTED, { value: 'acme.halopsa.com', note: 'dot at the end' }],
    ['two trailing dots', 'acme.halopsa.com..', HOSTED, { error: 'empty part' }],
    ['a leading dot', '.acme.halopsa.com', HOSTED, { error: 'empty part' }],
    ['a 64-character label', `${LONG_LABEL}.example.com`, ON_PREMISE, { error: 'is 64 characters long' }],
    ['a 63-character label', `${MAX_LABEL}.example.com`, ON_PREMISE, { value: `${MAX_LABEL}.example.com` }],
    ['a 259-character name', `${`${MAX_LABEL}.`.repeat(4)}com`, ON_PREMISE, { error: 'at most 253' }],
    ['a leading hyphen', '-acme.halopsa.com', HOSTED, { error: 'hyphen' }],
    // Paths, queries, fragments, credentials.
    [
      'a web page path',
      'https://x.halopsa.com/tickets',
      HOSTED,
      { error: 'not a web address with a path like /tickets' },
    ],
    [
      'an on-premise virtual directory',
      'halo.example.com/halo/api',
      ON_PREMISE,
      { error: 'at the root of the server' },
    ],
    ['a query', 'x.halopsa.com/?view=1', HOSTED, { error: 'Remove "?view=1"' }],
    ['a fragment', 'x.halopsa.com/#/tickets', HOSTED, { error: 'Remove "#/tickets"' }],
    ['user and password', 'admin:S3cret!@x.halopsa.com', HOSTED, { error: 'Remove "admin:…@"' }],
    ['an e-mail address', 'me@x.halopsa.com', HOSTED, { error: 'Remove "me@"' }],
    // Empty and the wrong kind of host.
    ['empty', '', HOSTED, { error: 'Enter the Resource Server, like acme.halopsa.com' }],
    ['only spaces', '   ', ON_PREMISE, { error: 'Enter the Resource Server, like halo.example.com' }],
    ['only the instance name', 'acme', HOSTED, { error: 'like acme.halopsa.com' }],
    ['an intranet name on-premise', 'HALO', ON_PREMISE, { value: 'halo' }],
    ["Halo's website", 'halopsa.com', HOSTED, { error: "Halo's own website" }],
    ["Halo's website with www", 'www.haloitsm.com', HOSTED, { error: "Halo's own website" }],
    ['the shared auth server', 'auth.haloservicedesk.com', HOSTED, { error: 'shared sign-in server' }],
    ['a trial auth server', 'https://uk-trial.halopsa.com', HOSTED, { error: 'shared sign-in server' }],
    [
      'a custom domain on hosted',
      'support.acme.com',
      HOSTED,
      { value: 'support.acme.com', note: 'not a Halo-hosted address' },
    ],
    [
      'a hosted name on-premise',
      'acme.halopsa.com',
      ON_PREMISE,
      { value: 'acme.halopsa.com', note: 'hosted by Halo' },
    ],
  ])('%s: %j (on-premise %s)', (_label, raw, isOnPremise, expected) => {
    expectResult(normaliseResourceServer(raw, { isOnPremise }), expected);
  });

  it('never repeats a pasted password', () => {
    const result = normaliseHostname('https://admin:S3cret!@x.halopsa.com/', { isOnPremise: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('S3cret');
  });

  it('reports changed only when the text differs from what was typed', () => {
    expect(normaliseHostname('acme.halopsa.com', { isOnPremise: false })).toEqual({
      ok: true,
      value: 'acme.halopsa.com',
      changed: false,
    });
    expect(normaliseHostname('acme.halopsa.com ', { isOnPremise: false })).toMatchObject({ changed: true });
  });
});

describe('normaliseAuthServer (normaliseHostname with a path)', () => {
  it.each<[string, string, boolean, Expected]>([
    ['empty means "same server"', '', HOSTED, { value: '' }],
    ['blank means "same server"', '  ', HOSTED, { value: '' }],
    [
      'a pasted token URL',
      'https://x.halopsa.com/auth/token',
      HOSTED,
      { value: 'x.halopsa.com/auth', note: 'Removed /token' },
    ],
    ['/auth/ kept', 'x.halopsa.com/auth/', HOSTED, { value: 'x.halopsa.com/auth' }],
    ['/AUTH in capitals', 'X.HaloPSA.com/AUTH', HOSTED, { value: 'x.halopsa.com/auth' }],
    [
      'the trial server token URL',
      'https://uk-trial.halopsa.com/token',
      HOSTED,
      { value: 'uk-trial.halopsa.com', note: 'Removed /token' },
    ],
    [
      '?tenant= pasted with it',
      'https://uk-trial.halopsa.com/token?tenant=acme',
      HOSTED,
      { error: 'put "acme" in the Tenant ID' },
    ],
    [
      'the shared auth server',
      'https://auth.haloservicedesk.com/',
      HOSTED,
      { value: 'auth.haloservicedesk.com' },
    ],
    ['the API address by mistake', 'x.halopsa.com/api', HOSTED, { error: 'That is the API address' }],
    [
      'on-premise with port and /token/',
      'halo.example.com:8443/auth/token/',
      ON_PREMISE,
      { value: 'halo.example.com:8443/auth', note: 'Removed /token' },
    ],
    ['on-premise IPv6 with path', '[::1]:8443/auth', ON_PREMISE, { value: '[::1]:8443/auth' }],
    [
      '/authorize',
      'halo.example.com/auth/authorize',
      ON_PREMISE,
      { value: 'halo.example.com/auth', note: '/authorize' },
    ],
    [
      'a custom path is kept as typed',
      'halo.example.com/Sign-In/auth',
      ON_PREMISE,
      { value: 'halo.example.com/Sign-In/auth' },
    ],
    ['a doubled slash', 'halo.example.com//auth', ON_PREMISE, { error: 'empty or dotted part' }],
    ['a dot-dot segment', 'halo.example.com/x/../auth', ON_PREMISE, { error: 'empty or dotted part' }],
    [
      'odd path characters',
      'halo.example.com/auth<script>',
      ON_PREMISE,
      { error: 'characters a web address cannot contain' },
    ],
    ['a port on hosted', 'x.halopsa.com:8443/auth', HOSTED, { error: 'remove ":8443"' }],
  ])('%s: %j (on-premise %s)', (_label, raw, isOnPremise, expected) => {
    expectResult(normaliseAuthServer(raw, { isOnPremise }), expected);
  });
});

describe('isHaloHostedHost and tenantHint', () => {
  it.each<[string, boolean, string | null]>([
    ['acme.halopsa.com', true, 'acme'],
    ['acme.halopsa.com:443', true, 'acme'],
    ['https://Acme.HaloITSM.com/api', true, 'acme'],
    ['acme.haloservicedesk.com', true, 'acme'],
    ['acme-eu.halocrm.io', true, 'acme-eu'],
    ['acme.eu.halopsa.com', true, 'acme'],
    ['acme-trial.halopsa.com', true, 'acme-trial'],
    ['auth.haloservicedesk.com', true, null],
    ['uk-trial.halopsa.com', true, null],
    ['www.halopsa.com', true, null],
    ['halopsa.com', false, null],
    ['evilhalopsa.com', false, null],
    ['halopsa.com.evil.example', false, null],
    ['halo.example.com', false, null],
    ['[::1]:8443', false, null],
  ])('%j: hosted %s, tenant hint %j', (host, hosted, hint) => {
    expect(isHaloHostedHost(host)).toBe(hosted);
    expect(tenantHint(host)).toBe(hint);
  });
});

describe('normaliseClientId', () => {
  const GUID = '8f4c2a1e-1234-4abc-9def-0123456789ab';
  it.each<[string, string, Expected]>([
    ['lowercase', GUID, { value: GUID }],
    ['braces and capitals', '{8F4C2A1E-1234-4ABC-9DEF-0123456789AB}', { value: GUID }],
    ['spaces and a newline around', ` ${GUID}\n`, { value: GUID }],
    ['spaces inside braces', `{ ${GUID} }`, { value: GUID }],
    ['one lone brace', `{${GUID}`, { value: GUID }],
    ['no hyphens', '8F4C2A1E12344ABC9DEF0123456789AB', { value: GUID }],
    ['empty', '', { error: 'Enter the Client ID, a GUID like 8f4c2a1e-' }],
    ['cut short', '8f4c2a1e-1234-4abc-9def', { error: 'cut short: it has 20 of the 32 digits' }],
    ['too many digits', `${GUID}0`, { error: 'has 33 digits' }],
    ['hyphens misplaced', '8f4c2a1e1-234-4abc-9def-0123456789ab', { error: 'grouped 8-4-4-4-12' }],
    ['letter O for zero', '8f4c2a1e-1234-4abc-9def-O123456789ab', { error: 'letter O where a zero belongs' }],
    ['with a label', `Client ID: ${GUID}`, { error: `"Client ID: 8f4c` }],
    ['the secret by mistake', 'q8Zr~x1VvB3nM.p0lKjH', { error: 'is not one' }],
    ['the all-zero placeholder', '00000000-0000-0000-0000-000000000000', { error: 'placeholder' }],
  ])('%s: %j', (_label, raw, expected) => {
    const result = normaliseClientId(raw);
    expectResult(result, expected);
    if (!result.ok) expect(result.message).toContain('View Applications > your application');
  });
});

describe('normaliseTenant', () => {
  it.each<[string, string, boolean, Expected]>([
    ['empty on hosted', '', HOSTED, { value: '' }],
    ['empty on-premise', '  ', ON_PREMISE, { value: '' }],
    ['capitals and spaces around', ' Acme ', HOSTED, { value: 'acme' }],
    ['letters, digits, hyphens', 'acme-eu2', HOSTED, { value: 'acme-eu2' }],
    [
      'a host name instead',
      'acme.halopsa.com',
      HOSTED,
      { error: 'just the name, like acme, not the address' },
    ],
    ['a URL instead', 'https://acme.halopsa.com/', HOSTED, { error: 'like acme' }],
    ['an on-premise host instead', 'halo.local', HOSTED, { error: 'single name like acme, without dots' }],
    ['a space inside', 'ac me', HOSTED, { error: 'no spaces' }],
    ['an underscore', 'ac_me', HOSTED, { error: '"_" cannot be part of it' }],
    ['a leading hyphen', '-acme', HOSTED, { error: 'start or end with a hyphen' }],
    ['too long', 'a'.repeat(64), HOSTED, { error: 'at most 63' }],
    ['any tenant on-premise', 'acme', ON_PREMISE, { error: 'On-premise Halo has no tenant' }],
  ])('%s: %j (on-premise %s)', (_label, raw, isOnPremise, expected) => {
    expectResult(normaliseTenant(raw, { isOnPremise }), expected);
  });
});

describe('normaliseCaCertificatePem', () => {
  const rewrapped = (pem: string, width: number) => {
    const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    return `-----BEGIN CERTIFICATE-----\n${body.match(new RegExp(`.{1,${width}}`, 'g'))?.join('\n')}\n-----END CERTIFICATE-----`;
  };
  const damaged = CA_ONE.split('\n')
    .filter((_, index) => index !== 3)
    .join('\n');
  const fakeKey = '-----BEGIN PRIVATE KEY-----\nTk9UIEEgUkVBTCBLRVk=\n-----END PRIVATE KEY-----\n';
  const fakeEcKey = '-----BEGIN EC PRIVATE KEY-----\nTk9UIEEgUkVBTCBLRVk=\n-----END EC PRIVATE KEY-----\n';

  const cases: [string, string, boolean, Expected][] = [
    ['empty', '', ON_PREMISE, { value: '' }],
    ['one certificate', CA_ONE, ON_PREMISE, { value: CA_ONE }],
    [
      'Windows line ends and indentation',
      `  ${CA_ONE.replace(/\n/g, '\r\n')}  `,
      ON_PREMISE,
      { value: CA_ONE },
    ],
    ['base64 wrapped at 76 columns', rewrapped(CA_ONE, 76), ON_PREMISE, { value: CA_ONE }],
    ['a bundle of two', `${CA_ONE}${CA_TWO}`, ON_PREMISE, { value: `${CA_ONE}${CA_TWO}` }],
    [
      'openssl output around the blocks',
      `subject=CN = Halo Test Root CA\n${CA_ONE}\nBag Attributes\n${CA_TWO}`,
      ON_PREMISE,
      { value: `${CA_ONE}${CA_TWO}`, note: 'Kept the 2 certificates and dropped the other text' },
    ],
    ['a private key', fakeKey, ON_PREMISE, { error: 'This is a private key' }],
    [
      'a certificate with its key',
      `${CA_ONE}${fakeEcKey}`,
      ON_PREMISE,
      { error: 'copy only the certificate blocks' },
    ],
    ['a certificate request', CSR, ON_PREMISE, { error: 'certificate request (CSR)' }],
    ['a public key', PUBLIC_KEY, ON_PREMISE, { error: 'This is a public key' }],
    [
      'a PKCS #7 bundle',
      '-----BEGIN PKCS7-----\nMAA=\n-----END PKCS7-----',
      ON_PREMISE,
      { error: 'openssl pkcs7 -print_certs' },
    ],
    ['no END line', CA_ONE.replace('-----END CERTIFICATE-----', ''), ON_PREMISE, { error: 'incomplete' }],
    ['a line lost from the middle', damaged, ON_PREMISE, { error: 'The certificate is damaged' }],
    [
      'the second of two damaged',
      `${CA_ONE}${CA_TWO.split('\n')
        .filter((_, index) => index !== 5)
        .join('\n')}`,
      ON_PREMISE,
      { error: 'Certificate 2 is damaged' },
    ],
    [
      'mismatched END',
      CA_ONE.replace('END CERTIFICATE', 'END PUBLIC KEY'),
      ON_PREMISE,
      { error: 'starts with BEGIN CERTIFICATE but ends with END PUBLIC KEY' },
    ],
    ['a Windows file path', 'C:\\certs\\halo-ca.cer', ON_PREMISE, { error: 'looks like a file name' }],
    ['a Unix file path', '/etc/ssl/certs/halo-ca.pem', ON_PREMISE, { error: 'looks like a file name' }],
    [
      'base64 without header lines',
      CA_ONE.replace(/-----[A-Z ]+-----/g, '').trim(),
      ON_PREMISE,
      { error: 'without its -----BEGIN CERTIFICATE-----' },
    ],
    ['plain text', 'our internal CA', ON_PREMISE, { error: 'Paste the CA certificate as text' }],
    [
      'a certificate for a hosted instance',
      CA_ONE,
      HOSTED,
      { value: '', note: 'only used for on-premise servers' },
    ],
  ];
  // Name each case by its label and mode, not by the PEM text.
  const named = cases.map(([label, raw, isOnPremise, expected]): [string, boolean, string, Expected] => [
    label,
    isOnPremise,
    raw,
    expected,
  ]);
  it.each(named)('%s (on-premise %s)', (_label, isOnPremise, raw, expected) => {
    const result = normaliseCaCertificatePem(raw, { isOnPremise });
    expectResult(result, expected);
    if (result.ok && result.value !== '') {
      // Whatever the rules accept, Node's own X.509 parser must read too.
      const blocks =
        result.value.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(new X509Certificate(block).subject).toContain('Halo Test');
    }
  });
});

describe('normaliseClientSecret', () => {
  const SECRET = 'a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6-f7e8d9c0-b1a2-9384-7566-554433221100';
  it.each<[string, string | undefined, Expected<string | null>]>([
    ['absent keeps the stored one', undefined, { value: null }],
    ['empty keeps the stored one', '', { value: null }],
    ['blank keeps the stored one', '   ', { value: null }],
    ['a long secret with spaces around', `  ${SECRET}\n`, { value: SECRET }],
    ['punctuation is fine', 'Xy7~Qz.9_kLm-Np0!rSt', { value: 'Xy7~Qz.9_kLm-Np0!rSt' }],
    ['a line break inside', `${SECRET.slice(0, 30)}\n${SECRET.slice(30)}`, { error: 'line break' }],
    ['a space inside', `${SECRET.slice(0, 30)} ${SECRET.slice(30)}`, { error: 'has a space in it' }],
    ['a curly quote', `“${SECRET}”`, { error: 'Character 1 of the secret' }],
    ['too short', 'abc123', { error: 'only 6 characters long' }],
    ['far too long', 'x'.repeat(600), { error: 'far longer than a Halo client secret' }],
    [
      'a GUID',
      '8f4c2a1e-1234-4abc-9def-0123456789ab',
      { value: '8f4c2a1e-1234-4abc-9def-0123456789ab', note: 'shape of a Client ID' },
    ],
    [
      'an access token',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
      { value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', note: 'access token' },
    ],
  ])('%s', (_label, raw, expected) => {
    const result = normaliseClientSecret(raw);
    expectResult(result, expected);
    if (!result.ok) expect(result.message).not.toContain(SECRET.slice(0, 12));
  });
});

describe('validateConfiguration', () => {
  const CLIENT_ID = '8f4c2a1e-1234-4abc-9def-0123456789ab';
  const SECRET = 'q8Zr~x1VvB3nM.p0lKjHgF5dS4aQ2wE7rT9yU6iO';
  const hosted: ConfigurationInput = {
    resourceServer: ' https://Acme.HaloPSA.com/api/ ',
    clientId: `{${CLIENT_ID.toUpperCase()}}`,
    tenant: '',
    authServer: '',
    isOnPremise: false,
    caCertificatePem: '',
    clientSecret: ` ${SECRET} `,
  };

  it('normalises a hosted configuration and hints the tenant', () => {
    const result = validateConfiguration(hosted);
    expect(result).toMatchObject({ ok: true, clientSecret: SECRET, hints: { tenant: 'acme' } });
    if (!result.ok) return;
    expect(result.value).toEqual({
      resourceServer: 'acme.halopsa.com',
      clientId: CLIENT_ID,
      tenant: '',
      authServer: '',
      isOnPremise: false,
      caCertificatePem: '',
    });
    expect(haloConfigurationSchema.parse(result.value)).toEqual(result.value);
    expect(result.notes.resourceServer).toContain('/api');
    expect(result.normalised).not.toHaveProperty('clientSecret');
  });

  it('normalises an on-premise configuration with a port, an auth path and a private CA', () => {
    const result = validateConfiguration({
      resourceServer: 'https://halo.example.com:8443/',
      clientId: CLIENT_ID,
      tenant: '',
      authServer: 'https://halo.example.com:8443/auth/token',
      isOnPremise: true,
      caCertificatePem: CA_ONE.replace(/\n/g, '\r\n'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      resourceServer: 'halo.example.com:8443',
      clientId: CLIENT_ID,
      tenant: '',
      authServer: 'halo.example.com:8443/auth',
      isOnPremise: true,
      caCertificatePem: CA_ONE,
    });
    expect(result.clientSecret).toBeNull();
    expect(result.hints).toEqual({});
  });

  it('reports every bad field at once and still returns the good ones cleaned up', () => {
    const result = validateConfiguration({
      resourceServer: 'acme.halopsa.com:8443',
      clientId: 'not-a-guid',
      tenant: 'acme.halopsa.com',
      authServer: 'HTTPS://ACME.HALOPSA.COM/auth/',
      isOnPremise: false,
      caCertificatePem: '',
      clientSecret: 'short',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'clientId',
      'clientSecret',
      'resourceServer',
      'tenant',
    ]);
    expect(result.normalised).toEqual({ authServer: 'acme.halopsa.com/auth', caCertificatePem: '' });
  });

  it('requires the tenant for a shared auth server, suggesting the likely one', () => {
    const shared = {
      ...hosted,
      resourceServer: 'acme.haloservicedesk.com',
      authServer: 'auth.haloservicedesk.com',
    };
    const without = validateConfiguration(shared);
    expect(without.ok).toBe(false);
    if (!without.ok) expect(without.errors.tenant).toContain('needs your Tenant ID (probably acme)');
    const withTenant = validateConfiguration({ ...shared, tenant: 'Acme' });
    expect(withTenant).toMatchObject({
      ok: true,
      value: { tenant: 'acme', authServer: 'auth.haloservicedesk.com' },
    });
  });

  it('never asks an on-premise configuration for a tenant, whatever its auth server', () => {
    const result = validateConfiguration({
      ...hosted,
      resourceServer: 'halo.example.com',
      authServer: 'auth.haloservicedesk.com',
      isOnPremise: true,
    });
    expect(result.ok).toBe(true);
    expect(result.notes.authServer).toContain('hosted by Halo');
  });

  it('does not require a tenant when the auth server is the instance itself', () => {
    expect(validateConfiguration({ ...hosted, authServer: 'acme.halopsa.com/auth' }).ok).toBe(true);
  });

  it('notes a tenant that differs from the host name, without refusing it', () => {
    const result = validateConfiguration({ ...hosted, tenant: 'acme-old' });
    expect(result.ok).toBe(true);
    expect(result.notes.tenant).toContain('usually match the first part of the host name (acme)');
  });

  it('refuses a tenant on-premise', () => {
    const result = validateConfiguration({
      ...hosted,
      resourceServer: 'halo.example.com',
      isOnPremise: true,
      tenant: 'acme',
    });
    expect(result).toMatchObject({ ok: false, errors: { tenant: expect.stringContaining('no tenant') } });
  });

  it('refuses the Client ID pasted into the secret field, in any spelling', () => {
    const result = validateConfiguration({ ...hosted, clientSecret: `{${CLIENT_ID.toUpperCase()}}` });
    expect(result).toMatchObject({
      ok: false,
      errors: { clientSecret: expect.stringContaining('Client ID again') },
    });
  });

  it('requires a secret only when none is stored', () => {
    const blank = { ...hosted, clientSecret: '' };
    expect(validateConfiguration(blank)).toMatchObject({ ok: true, clientSecret: null });
    expect(validateConfiguration(blank, { hasStoredSecret: true })).toMatchObject({
      ok: true,
      clientSecret: null,
    });
    expect(validateConfiguration(blank, { hasStoredSecret: false })).toMatchObject({
      ok: false,
      errors: { clientSecret: expect.stringContaining('Enter the Client Secret') },
    });
  });

  it('does not save a CA for a hosted instance, and says so', () => {
    const result = validateConfiguration({ ...hosted, caCertificatePem: CA_ONE });
    expect(result).toMatchObject({ ok: true, value: { caCertificatePem: '' } });
    expect(result.notes.caCertificatePem).toContain('only used for on-premise');
  });

  it('checks one field for the form, cross-field rules included', () => {
    const input = { ...hosted, authServer: 'uk-trial.halopsa.com/token' };
    expect(checkConfigurationField('resourceServer', input)).toEqual({
      normalised: 'acme.halopsa.com',
      note: 'Removed /api: the app adds it itself.',
    });
    expect(checkConfigurationField('authServer', input)).toMatchObject({
      normalised: 'uk-trial.halopsa.com',
    });
    expect(checkConfigurationField('tenant', input)).toMatchObject({
      error: expect.stringContaining('uk-trial.halopsa.com signs in many Halo instances'),
      hint: 'acme',
    });
    expect(checkConfigurationField('clientSecret', input)).toEqual({});
  });
});

describe('configurationInputSchema', () => {
  it('accepts what the form sends, with or without a secret, and drops unknown keys', () => {
    const form = {
      resourceServer: 'x',
      clientId: 'y',
      tenant: '',
      authServer: '',
      isOnPremise: true,
      caCertificatePem: '',
      extra: 1,
    };
    expect(configurationInputSchema.parse(form)).not.toHaveProperty('extra');
    expect(configurationInputSchema.parse({ ...form, clientSecret: 's' }).clientSecret).toBe('s');
  });

  it('refuses a wrong shape and absurd sizes', () => {
    const form = { resourceServer: 'x', clientId: 'y', tenant: '', authServer: '', caCertificatePem: '' };
    expect(configurationInputSchema.safeParse(form).success).toBe(false);
    expect(configurationInputSchema.safeParse({ ...form, isOnPremise: 'yes' }).success).toBe(false);
    expect(
      configurationInputSchema.safeParse({ ...form, isOnPremise: false, resourceServer: 'a'.repeat(5000) })
        .success,
    ).toBe(false);
  });
});
