import { describe, expect, it } from 'vitest';
import { buildDiagnosticsReport, type DiagnosticsInput, redactSecrets } from '../../shared/diagnostics';
import type { ConfigurationView } from '../../shared/ipc';
import type { ValidationResult } from '../../shared/validation';
import { seededBytes } from '../support/seeded-bytes';

const CLIENT_ID = '2f0c8a51-7d4e-4b1a-9c3e-5a6b7c8d9e0f';
const SECRET = 'b5e1c2d3-4f5a-6b7c-8d9e-0f1a2b3c4d5e-9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4';
const TOKEN = 'Zx81Kq0Lm3Np5Rs7Tu9Vw2Xy4Za6Bc8De0Fg1Hi3Jk5';

const configuration: ConfigurationView = {
  instanceId: '11111111-2222-4333-8444-555555555555',
  resourceServer: 'acme.halopsa.com',
  clientId: CLIENT_ID,
  tenant: 'acme',
  authServer: '',
  isOnPremise: false,
  caCertificatePem: '',
  hasClientSecret: true,
  updatedAt: '2025-01-02T03:04:05.000Z',
};

const failedResult: ValidationResult = {
  status: 'failed',
  startedAt: '2025-01-02T03:05:00.000Z',
  finishedAt: '2025-01-02T03:05:01.000Z',
  endpoints: {
    tokenUrl: 'https://acme.halopsa.com/auth/token?tenant=acme',
    apiBase: 'https://acme.halopsa.com/api',
  },
  steps: [
    {
      id: 'token',
      label: 'Get an access token',
      status: 'failed',
      durationMs: 183.4,
      evidence: '',
      error: {
        code: 'invalid-client',
        message: 'Halo refused the Client ID or the client secret.',
        nextStep: 'Copy the Client ID again from View Applications, and paste a new secret.',
        details: { url: 'https://acme.halopsa.com/auth/token?tenant=acme', status: 401 },
      },
    },
    { id: 'agent', label: 'Read Agent/me', status: 'skipped', durationMs: null, evidence: '', error: null },
    {
      id: 'customers',
      label: 'Read customers',
      status: 'skipped',
      durationMs: null,
      evidence: '',
      error: null,
    },
  ],
  warnings: [
    { code: 'client-id-may-have-changed', message: 'The Client ID may have changed after saving in Halo.' },
  ],
  facts: { tokenScope: null, agent: null, customerCount: null },
};

function input(overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    generatedAt: '2025-01-02T03:06:00.000Z',
    app: { name: 'Halo Setup', version: '1.2.3', platform: 'linux', secretStore: 'OS keychain (keytar)' },
    instanceName: 'Production',
    configuration,
    result: failedResult,
    ...overrides,
  };
}

describe('buildDiagnosticsReport', () => {
  it('names the app version, the instance, every configuration field and says the secret is not shown', () => {
    const report = buildDiagnosticsReport(input());
    expect(report).toContain('app: Halo Setup 1.2.3 (linux)');
    expect(report).toContain('instance: Production');
    expect(report).toContain('resource server: acme.halopsa.com');
    expect(report).toContain(`client id: ${CLIENT_ID}`);
    expect(report).toContain('tenant: acme');
    expect(report).toContain('on-premise: no');
    expect(report).toContain('client secret: stored in keychain (not shown)');
  });

  it('lists the endpoints and every step with status, time, error code, message, next step and details', () => {
    const report = buildDiagnosticsReport(input());
    expect(report).toContain('token url: https://acme.halopsa.com/auth/token?tenant=acme');
    expect(report).toContain('api base: https://acme.halopsa.com/api');
    expect(report).toContain('Get an access token [token]: failed in 183 ms');
    expect(report).toContain('error: invalid-client: Halo refused the Client ID or the client secret.');
    expect(report).toContain('next step: Copy the Client ID again');
    expect(report).toContain('status: 401');
    expect(report).toContain('Read Agent/me [agent]: skipped');
    expect(report).toContain('- client-id-may-have-changed: The Client ID may have changed');
  });

  it('shows evidence of successful steps', () => {
    const ok: ValidationResult = {
      ...failedResult,
      status: 'ok',
      steps: [
        {
          id: 'token',
          label: 'Get an access token',
          status: 'ok',
          durationMs: 40,
          evidence: 'Token valid for 3600 s',
          error: null,
        },
        {
          id: 'customers',
          label: 'Read customers',
          status: 'ok',
          durationMs: 12,
          evidence: 'Can see 412 customers',
          error: null,
        },
      ],
      warnings: [],
    };
    const report = buildDiagnosticsReport(input({ result: ok }));
    expect(report).toContain('evidence: Can see 412 customers');
    expect(report).toContain('warnings: none');
  });

  it('says when nothing was saved or validated, and when validation could not start', () => {
    expect(buildDiagnosticsReport(input({ configuration: null, result: null }))).toContain(
      'configuration: not saved yet',
    );
    expect(buildDiagnosticsReport(input({ result: null }))).toContain('validation: not run');
    const failed = buildDiagnosticsReport(
      input({
        result: null,
        failure: { code: 'invalid-configuration', message: 'No client secret is stored.' },
      }),
    );
    expect(failed).toContain('error: invalid-configuration: No client secret is stored.');
  });

  it('summarises a private CA bundle instead of pasting it', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const report = buildDiagnosticsReport(
      input({ configuration: { ...configuration, isOnPremise: true, caCertificatePem: pem } }),
    );
    expect(report).toContain('private CA certificate: 1 certificate');
    expect(report).not.toContain('MIIB');
  });

  it('redacts a secret that slipped into error details', () => {
    const leaky: ValidationResult = {
      ...failedResult,
      steps: failedResult.steps.map((step) =>
        step.error
          ? { ...step, error: { ...step.error, details: { body: `client_secret=${SECRET}&scope=all` } } }
          : step,
      ),
    };
    const report = buildDiagnosticsReport(input({ result: leaky }));
    expect(report).not.toContain(SECRET);
    expect(report).toContain('client_secret=[redacted]');
    expect(report).toContain('&scope=all');
  });
});

describe('redactSecrets', () => {
  it('redacts bearer tokens', () => {
    expect(redactSecrets(`Authorization: Bearer ${TOKEN}`)).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('authorization: bearer abc.def')).toBe('authorization: bearer [redacted]');
  });

  it('redacts secret-named values in form, header and JSON styles', () => {
    expect(redactSecrets('client_secret=hunter2&grant_type=client_credentials')).toBe(
      'client_secret=[redacted]&grant_type=client_credentials',
    );
    expect(redactSecrets('{"access_token":"abc123","expires_in":3600}')).toBe(
      '{"access_token":"[redacted]","expires_in":3600}',
    );
    expect(redactSecrets('refresh_token: xyz')).toBe('refresh_token: [redacted]');
    expect(redactSecrets('password=p4ss')).toBe('password=[redacted]');
  });

  it('redacts JWTs and long random strings', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJlLXBhcnQ';
    expect(redactSecrets(`got ${jwt} back`)).toBe('got [redacted] back');
    expect(redactSecrets(`opaque ${TOKEN}.`)).toBe('opaque [redacted].');
    expect(redactSecrets(`secret looked like ${SECRET}`)).not.toContain(SECRET);
  });

  it('redacts every one of 20,000 random tokens and secrets in prose, whatever "-" and "_" they hold', () => {
    // Halo's opaque access tokens and client secrets are random; a heuristic that spares hyphenated
    // words must not spare the random strings that happen to split on "-" or "_" (a CI run once
    // logged such a token in clear). Each shape is checked 5,000 times, shaped as crypto would shape
    // it but from a seeded stream, so every run checks the same 20,000 values and cannot pass by luck.
    const random = seededBytes('diagnostics-redaction');
    const shapes: Record<string, () => string> = {
      base64url: () => random.bytes(32).toString('base64url'),
      base64: () => random.bytes(32).toString('base64'),
      hex: () => random.bytes(24).toString('hex'),
      'GUID-GUID (Halo client secret)': () => `${random.uuid()}-${random.uuid()}`,
    };
    for (const [shape, make] of Object.entries(shapes)) {
      const leaked: string[] = [];
      for (let i = 0; i < 5000; i++) {
        const value = make();
        if (redactSecrets(`the value ${value} was issued`).includes(value)) leaked.push(value);
      }
      expect(leaked, `${shape} left in clear`).toEqual([]);
    }
  });

  it('redacts known secrets wherever they appear', () => {
    expect(redactSecrets('the value s3cr3t-pw appeared', ['s3cr3t-pw'])).toBe(
      'the value [redacted] appeared',
    );
  });

  it('keeps what a support ticket needs: GUIDs, hosts, URLs, paths and hyphenated words', () => {
    const keep = [
      `client id: ${CLIENT_ID}`,
      'token url: https://acme.halopsa.com/auth/token?tenant=acme',
      'api base: https://support.example.com:8443/api',
      'database: /tmp/halo-setup-e2e-Ab12Cd/halo-setup.db',
      'C:\\Users\\tech\\AppData\\Roaming\\Halo Setup\\halo-setup.db',
      'client-id-may-have-changed',
      'folder: halo-setup-e2e-Test-Folder-2-API-check-run',
      'at ConfigurationValidationResultSchema.parse',
      'Signed in as agent "Rewst API" (id 7)',
      'GET /api/Client?pageinate=true&page_size=1&page_no=1',
    ];
    for (const line of keep) expect(redactSecrets(line)).toBe(line);
  });
});
