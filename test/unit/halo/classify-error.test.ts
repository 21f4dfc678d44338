import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import {
  classifyResponse,
  classifyTransportError,
  describeErrorBody,
  notJsonInfo,
  type RequestContext,
  rateLimitedInfo,
  renewalDidNotHelpInfo,
} from '../../../electron/halo/classify-error';
import { haloErrorInfoSchema } from '../../../shared/halo-errors';

const SECRET = 'sup3r-s3cret-value';
const TOKEN = 'eyJ-token-value-123';

function ctx(patch: Partial<RequestContext> = {}): RequestContext {
  return {
    method: 'GET',
    url: 'https://acme.halopsa.com/api/Client?pageinate=true',
    purpose: 'api',
    resourceHost: 'acme.halopsa.com',
    tenant: '',
    proxyUrl: null,
    timeoutMs: 30_000,
    secrets: [SECRET, TOKEN],
    ...patch,
  };
}

const tokenCtx = (patch: Partial<RequestContext> = {}) =>
  ctx({ method: 'POST', url: 'https://acme.halopsa.com/auth/token', purpose: 'token', ...patch });

function nodeError(code: string, message = code, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

function json(status: number, body: unknown, contentType = 'application/json') {
  return { status, contentType, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

describe('transport errors', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-untrusted'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls-untrusted'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-untrusted'],
    ['CERT_HAS_EXPIRED', 'tls-expired'],
    ['CERT_NOT_YET_VALID', 'tls-expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-wrong-host'],
    ['ECONNABORTED', 'timeout'],
    ['ETIMEDOUT', 'timeout'],
    ['ECONNRESET', 'connection-reset'],
    ['ERR_CANCELED', 'cancelled'],
  ] as const)('%s -> %s', (code, expected) => {
    const info = classifyTransportError(nodeError(code), ctx());
    expect(info.code).toBe(expected);
    expect(info.message).toContain('acme.halopsa.com');
    expect(info.nextStep.length).toBeGreaterThan(10);
    expect(haloErrorInfoSchema.parse(info)).toEqual(info);
  });

  it('finds the code inside an axios error and its cause', () => {
    const inner = nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443');
    const wrapped = AxiosError.from(inner, undefined, undefined, undefined, undefined);
    expect(classifyTransportError(wrapped, ctx()).code).toBe('refused');
    const viaCause = new Error('outer', { cause: nodeError('CERT_HAS_EXPIRED') });
    expect(classifyTransportError(viaCause, ctx()).code).toBe('tls-expired');
    const aggregate = Object.assign(new AggregateError([nodeError('ECONNREFUSED')], 'all failed'), {});
    expect(classifyTransportError(aggregate, ctx()).code).toBe('refused');
  });

  it('"socket hang up" and a timeout message are recognised without a code', () => {
    expect(classifyTransportError(new Error('socket hang up'), ctx()).code).toBe('connection-reset');
    expect(classifyTransportError(new Error('timeout of 500ms exceeded'), ctx()).code).toBe('timeout');
  });

  it('an aborted signal or an AbortError means cancelled, whatever the error says', () => {
    const controller = new AbortController();
    controller.abort();
    expect(classifyTransportError(nodeError('ECONNRESET'), ctx(), controller.signal).code).toBe('cancelled');
    expect(classifyTransportError(new DOMException('x', 'AbortError'), ctx()).code).toBe('cancelled');
  });

  it('a failure to reach the proxy itself is "proxy", naming the proxy', () => {
    const refused = nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:3128', {
      address: '127.0.0.1',
      port: 3128,
    });
    const info = classifyTransportError(refused, ctx({ proxyUrl: 'http://127.0.0.1:3128' }));
    expect(info.code).toBe('proxy');
    expect(info.message).toContain('127.0.0.1:3128');
    expect(info.details.proxy).toBe('http://127.0.0.1:3128/');
    // the same error without a proxy in use is a plain refusal
    expect(classifyTransportError(refused, ctx()).code).toBe('refused');
  });

  it('a timeout message states the limit', () => {
    expect(classifyTransportError(nodeError('ECONNABORTED'), ctx({ timeoutMs: 1500 })).message).toContain(
      '1.5 seconds',
    );
  });

  it('unknown errors still name the host and never leak a secret', () => {
    const info = classifyTransportError(new Error(`weird failure with ${SECRET} and ${TOKEN}`), ctx());
    expect(info.code).toBe('unknown');
    expect(JSON.stringify(info)).not.toContain(SECRET);
    expect(JSON.stringify(info)).not.toContain(TOKEN);
    expect(info.message).toContain('[redacted]');
  });
});

describe('HTTP answers', () => {
  it('401 invalid_client from the token endpoint names both causes', () => {
    const info = classifyResponse(json(401, { error: 'invalid_client' }), tokenCtx());
    expect(info.code).toBe('invalid-client');
    expect(info.nextStep).toMatch(/Client ID/);
    expect(info.nextStep).toMatch(/secret/);
    expect(info.nextStep).toContain('acme.halopsa.com');
  });

  it('400 invalid_scope from the token endpoint is invalid-scope and points at the Permissions tab', () => {
    const info = classifyResponse(json(400, { error: 'invalid_scope' }), tokenCtx());
    expect(info.code).toBe('invalid-scope');
    expect(info.message).toContain('invalid_scope');
    expect(info.nextStep).toContain('Integrations > HaloPSA API > the application > Permissions');
    expect(info.nextStep).not.toMatch(/Tenant ID/);
  });

  it('tenant refusals are invalid-tenant', () => {
    expect(
      classifyResponse(
        json(400, { error: 'invalid_request', error_description: "Unknown tenant 'x'" }),
        tokenCtx({ tenant: 'x' }),
      ).code,
    ).toBe('invalid-tenant');
    const missing = classifyResponse(
      json(400, { error: 'invalid_request', error_description: 'A tenant is required' }),
      tokenCtx(),
    );
    expect(missing.code).toBe('invalid-tenant');
    expect(missing.message).toContain('requires a tenant');
    expect(classifyResponse(json(400, { error: 'invalid_request' }), tokenCtx({ tenant: 'x' })).code).toBe(
      'invalid-tenant',
    );
  });

  it('other token 400s are bad requests with the description', () => {
    const info = classifyResponse(
      json(400, { error: 'invalid_request', error_description: 'Content-Type must be form' }),
      tokenCtx(),
    );
    expect(info.code).toBe('bad-request');
    expect(info.message).toContain('Content-Type must be form');
  });

  it('400 bodies: ModelState, ClassName/Message and {error} become readable', () => {
    expect(
      describeErrorBody(JSON.stringify({ '[0].name': ['Name is required.'], '[0].id': ['Bad id'] })),
    ).toBe('[0].name: Name is required.; [0].id: Bad id');
    expect(describeErrorBody(JSON.stringify({ ClassName: 'System.Exception', Message: 'Boom' }))).toBe(
      'Boom (System.Exception)',
    );
    expect(describeErrorBody(JSON.stringify({ error: 'nope' }))).toBe('nope');
    expect(describeErrorBody('<html>x</html>')).toBeNull();
    const info = classifyResponse(json(400, { '[0].name': ['Name is required.'] }), ctx());
    expect(info.code).toBe('bad-request');
    expect(info.message).toContain('[0].name: Name is required.');
  });

  it.each([
    [403, 'forbidden'],
    [404, 'not-found'],
    [429, 'rate-limited'],
    [500, 'server-error'],
    [503, 'server-error'],
    [301, 'not-found'],
    [418, 'unknown'],
  ] as const)('%i -> %s', (status, code) => {
    const info = classifyResponse(json(status, { error: 'x' }), ctx());
    expect(info.code).toBe(code);
    expect(info.message).toContain('acme.halopsa.com');
    expect(info.details.status).toBe(status);
  });

  it('404 on /api points at the Resource Server Hostname, on the token URL at the Auth Server Hostname', () => {
    expect(classifyResponse(json(404, ''), ctx()).nextStep).toContain('Resource Server Hostname');
    expect(classifyResponse(json(404, ''), tokenCtx()).nextStep).toContain('Auth Server Hostname');
  });

  it('a 5xx HTML page (a proxy answering) is not-json', () => {
    const info = classifyResponse(
      json(502, '<!DOCTYPE html><html><body>Bad Gateway</body></html>', 'text/html'),
      ctx(),
    );
    expect(info.code).toBe('not-json');
    expect(info.details.status).toBe(502);
  });

  it('a proxy refusing the tunnel is "proxy"', () => {
    const info = classifyResponse(
      { ...json(403, 'Forbidden', 'text/plain'), proxyConnectStatus: 403 },
      ctx({ proxyUrl: 'http://127.0.0.1:3128' }),
    );
    expect(info.code).toBe('proxy');
  });

  it('not-json names what came back', () => {
    expect(notJsonInfo(json(200, '<html></html>', 'text/html'), ctx()).message).toContain('an HTML page');
    expect(notJsonInfo(json(200, '{"a":', 'application/json'), ctx()).message).toContain('not valid JSON');
    expect(notJsonInfo(json(200, ''), ctx()).message).toContain('empty body');
  });

  it('401 that renewal did not cure: missing-scope before any success, unauthorized after', () => {
    const scope = renewalDidNotHelpInfo(json(401, ''), ctx(), false);
    expect(scope.code).toBe('missing-scope');
    expect(scope.nextStep).toContain('"all"');
    expect(renewalDidNotHelpInfo(json(401, ''), ctx(), true).code).toBe('unauthorized');
  });

  it('rate-limited reports retries and time waited', () => {
    const info = rateLimitedInfo(json(429, { error: 'Rate Limit Reached' }), ctx(), 3, 42_000);
    expect(info.code).toBe('rate-limited');
    expect(info.message).toContain('3 retries');
    expect(info.message).toContain('42 s');
  });

  it('a plain-text 429 body reaches the message and the details', () => {
    const said = 'Rate Limit Reached - 300 Requests per rolling 5 minute window';
    const info = rateLimitedInfo(json(429, said, 'text/plain'), ctx(), 3, 42_000);
    expect(info.message).toContain(said);
    expect(info.details.body).toBe(said);
    expect(classifyResponse(json(429, said, 'text/plain'), ctx()).message).toContain(said);
  });

  it("Halo's {resultCode, errorMessage} and plain-text bodies become readable; HTML and empty stay null", () => {
    expect(describeErrorBody(JSON.stringify({ resultCode: 1, errorMessage: 'Client not found' }))).toBe(
      'Client not found (result code 1)',
    );
    expect(describeErrorBody('Something\n  went wrong')).toBe('Something went wrong');
    expect(describeErrorBody('   ')).toBeNull();
    expect(describeErrorBody('<!DOCTYPE html><html></html>')).toBeNull();
    const info = classifyResponse(json(500, 'Server busy', 'text/plain'), ctx());
    expect(info.message).toContain('Server busy');
  });

  it('bodies echoing a secret are redacted', () => {
    const info = classifyResponse(json(400, { error: `bad secret ${SECRET}` }), ctx());
    expect(JSON.stringify(info)).not.toContain(SECRET);
  });
});
