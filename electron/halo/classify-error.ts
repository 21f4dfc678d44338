import type { HaloErrorCode, HaloErrorInfo } from '../../shared/halo-errors';
import { FULL_SCOPE, MINIMUM_SCOPES } from '../../shared/halo-scopes';
import { redactKnownSecrets } from '../../shared/secret-forms';
import { hostOf } from './urls';

/**
 * The ONE place that turns a failure (a Node/axios error, or an HTTP answer we cannot use) into a
 * `HaloErrorInfo`: a code, a message that names the host, and the next step. Pure: no I/O, so every
 * branch is unit-tested with synthetic inputs, and the socket tests prove real failures land here.
 */

export type RequestPurpose = 'token' | 'authinfo' | 'api';

export interface RequestContext {
  method: string;
  /** Never carries a secret: the secret travels in the form body, the token in a header. */
  url: string;
  purpose: RequestPurpose;
  /** The Resource Server host, for advice that points back at Halo's own screens. */
  resourceHost: string;
  /** The tenant sent with a token request ('' for none). */
  tenant: string;
  /** The proxy used for this request (credentials stripped), or null for a direct connection. */
  proxyUrl: string | null;
  timeoutMs: number;
  /** Values that must never appear in a message or details (client secret, access token). */
  secrets: readonly string[];
}

/** What we know about an HTTP answer that was not usable. */
export interface ResponseFacts {
  status: number;
  contentType: string;
  body: string;
  /** Set when a proxy answered the CONNECT with something other than 200. */
  proxyConnectStatus?: number | null;
}

type Details = HaloErrorInfo['details'];

const tlsUntrustedCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const tlsExpiredCodes = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const refusedCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const timeoutCodes = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNCLOSED']);
const cancelCodes = new Set(['ERR_CANCELED', 'ABORT_ERR']);

/** Facts collected from an error and its causes (axios wraps Node errors; Node wraps in AggregateError). */
interface ErrorFacts {
  codes: string[];
  messages: string[];
  names: string[];
  addresses: string[];
  ports: number[];
  hostnames: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function collectFacts(error: unknown): ErrorFacts {
  const facts: ErrorFacts = { codes: [], messages: [], names: [], addresses: [], ports: [], hostnames: [] };
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (!isRecord(value) || seen.has(value) || depth > 6) return;
    seen.add(value);
    if (typeof value.code === 'string') facts.codes.push(value.code);
    if (typeof value.message === 'string') facts.messages.push(value.message);
    if (typeof value.name === 'string') facts.names.push(value.name);
    if (typeof value.address === 'string') facts.addresses.push(value.address);
    if (typeof value.port === 'number') facts.ports.push(value.port);
    if (typeof value.hostname === 'string') facts.hostnames.push(value.hostname);
    visit(value.cause, depth + 1);
    if (Array.isArray(value.errors)) for (const inner of value.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return facts;
}

/** Replaces every secret with a placeholder. Applied to everything we put in an info. */
export function redact(text: string, secrets: readonly string[]): string {
  // Every spelling (as is, URL-encoded, base64): a server may echo the form body back encoded.
  return redactKnownSecrets(text, secrets, '[redacted]');
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Which field of the configuration a user should look at for this request. */
function fieldFor(ctx: RequestContext): string {
  return ctx.purpose === 'token'
    ? 'Auth Server Hostname (or, when that is empty, the Resource Server Hostname)'
    : 'Resource Server Hostname';
}

function build(
  code: HaloErrorCode,
  message: string,
  nextStep: string,
  ctx: RequestContext,
  extra: Details = {},
): HaloErrorInfo {
  const details: Details = {
    url: safeUrl(ctx.url),
    method: ctx.method,
    host: hostOf(ctx.url),
    ...(ctx.proxyUrl === null ? {} : { proxy: safeUrl(ctx.proxyUrl) }),
    ...extra,
  };
  const cleanDetails: Details = {};
  for (const [key, value] of Object.entries(details)) {
    cleanDetails[key] = typeof value === 'string' ? redact(value, ctx.secrets) : value;
  }
  return {
    code,
    message: redact(message, ctx.secrets),
    nextStep: redact(nextStep, ctx.secrets),
    details: cleanDetails,
  };
}

export function cancelledInfo(ctx: RequestContext): HaloErrorInfo {
  return build(
    'cancelled',
    `The request to ${hostOf(ctx.url)} was cancelled.`,
    'Start it again when ready.',
    ctx,
  );
}

function isProxyEndpoint(facts: ErrorFacts, proxyUrl: string | null): boolean {
  if (proxyUrl === null) return false;
  let proxy: URL;
  try {
    proxy = new URL(proxyUrl);
  } catch {
    return false;
  }
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const proxyPort = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
  if (facts.hostnames.some((h) => h.toLowerCase() === proxyHost)) return true;
  if (facts.ports.includes(proxyPort) && facts.addresses.length > 0) return true;
  return facts.messages.some((m) => /proxy/i.test(m));
}

/** Classifies an error thrown while sending a request or reading its answer. */
export function classifyTransportError(
  error: unknown,
  ctx: RequestContext,
  signal?: AbortSignal,
): HaloErrorInfo {
  const host = hostOf(ctx.url);
  const hostname = host.replace(/:\d+$/, '');
  const field = fieldFor(ctx);
  const facts = collectFacts(error);
  const has = (set: ReadonlySet<string>): string | undefined => facts.codes.find((c) => set.has(c));
  const nodeCode = facts.codes[facts.codes.length - 1] ?? facts.codes[0] ?? null;
  const extra: Details = { errorCode: nodeCode };

  if (
    signal?.aborted === true ||
    has(cancelCodes) !== undefined ||
    facts.names.some((n) => n === 'AbortError' || n === 'CanceledError')
  ) {
    return cancelledInfo(ctx);
  }

  if (ctx.proxyUrl !== null && isProxyEndpoint(facts, ctx.proxyUrl)) {
    const proxyHost = hostOf(ctx.proxyUrl);
    return build(
      'proxy',
      `The HTTPS proxy ${proxyHost} could not be used to reach ${host} (${nodeCode ?? facts.messages[0] ?? 'failed'}).`,
      `Check this computer's proxy settings (HTTPS_PROXY, NO_PROXY): the proxy must be running and allow connections to ${host}.`,
      ctx,
      extra,
    );
  }

  if (facts.codes.includes('ERR_HALO_UNUSABLE_CA')) {
    return build(
      'tls-untrusted',
      `The CA certificate in the configuration cannot be used for ${host}: ${facts.messages[0] ?? 'unreadable'}.`,
      'Paste the PEM text of the certificate authority that signed the Halo server certificate (it starts with -----BEGIN CERTIFICATE-----), or clear the field to use the public roots only.',
      ctx,
      extra,
    );
  }
  if (has(dnsCodes) !== undefined) {
    return build(
      'dns',
      `The name "${hostname}" does not resolve to any server (DNS lookup failed).`,
      `Check the ${field} for typos (hosted Halo looks like NAME.halopsa.com), and that this computer can reach its DNS server.`,
      ctx,
      extra,
    );
  }
  if (has(tlsUntrustedCodes) !== undefined) {
    return build(
      'tls-untrusted',
      `The certificate of ${host} is signed by an authority this computer does not trust.`,
      `For an on-premise Halo with a private certificate authority, paste that CA certificate (PEM) into the configuration. Otherwise something between you and ${host} (a TLS-inspecting proxy?) is presenting its own certificate: check with your network administrator.`,
      ctx,
      extra,
    );
  }
  if (has(tlsExpiredCodes) !== undefined) {
    return build(
      'tls-expired',
      `The certificate of ${host} has expired or is not valid yet.`,
      `Ask the administrator of ${host} to renew its certificate, and check this computer's date and time.`,
      ctx,
      extra,
    );
  }
  if (facts.codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return build(
      'tls-wrong-host',
      `The certificate presented by ${host} was issued for a different name.`,
      `Use the exact hostname the certificate covers in the ${field}, and check it for typos.`,
      ctx,
      extra,
    );
  }
  if (has(refusedCodes) !== undefined) {
    return build(
      'refused',
      `Nothing accepted the connection at ${host} (connection refused).`,
      `Check the ${field}, including the port. For an on-premise Halo, make sure the server is running and reachable from this computer (VPN, firewall).`,
      ctx,
      extra,
    );
  }
  if (has(timeoutCodes) !== undefined || facts.messages.some((m) => /timeout|timed out/i.test(m))) {
    const seconds = Math.round(ctx.timeoutMs / 100) / 10;
    return build(
      'timeout',
      `${host} did not answer within ${seconds} seconds.`,
      `Try again. If it keeps happening, check that ${host} is reachable from this computer (VPN, firewall, proxy) and that Halo is up.`,
      ctx,
      extra,
    );
  }
  if (has(resetCodes) !== undefined || facts.messages.some((m) => /socket hang up|ECONNRESET/i.test(m))) {
    return build(
      'connection-reset',
      `The connection to ${host} was dropped before Halo finished answering.`,
      `Try again. If it keeps happening, a firewall, proxy or TLS-inspecting device between this computer and ${host} may be cutting the connection.`,
      ctx,
      extra,
    );
  }
  const text = facts.messages[0] ?? String(error);
  return build(
    'unknown',
    `Talking to ${host} failed: ${text}`,
    'Try again. If it keeps failing, note this message and the details for support.',
    ctx,
    extra,
  );
}

/** True when the body is an HTML page (IIS error page, proxy page, login page). */
export function looksLikeHtml(contentType: string, body: string): boolean {
  if (/text\/html|application\/xhtml/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i.test(body);
}

/** Parses a body as JSON, or returns undefined. */
export function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A body that is neither JSON nor HTML, as one line: Halo's rate limiter answers 429 in plain text
 * ("Rate Limit Reached - 300 Requests per rolling 5 minute window"). Null for empty or HTML bodies.
 */
function plainTextOf(body: string): string | null {
  if (looksLikeHtml('', body)) return null;
  const line = body.replace(/\s+/g, ' ').trim();
  return line === '' ? null : line.slice(0, 300);
}

/**
 * Turns Halo's error bodies into one readable line: OAuth `{error, error_description}`, .NET
 * `{ClassName, Message}`, Halo's `{resultCode, errorMessage}`, ASP.NET ModelState
 * `{"[0].name": ["..."]}`, `{message}`, or plain text. Null when none fit.
 */
export function describeErrorBody(body: string): string | null {
  const parsed = parseJson(body);
  if (parsed === undefined) return plainTextOf(body);
  if (typeof parsed === 'string' && parsed.trim() !== '') return parsed.trim().slice(0, 300);
  if (!isRecord(parsed) || Array.isArray(parsed)) return null;
  const str = (key: string): string | null => {
    const value = parsed[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const oauthError = str('error');
  if (oauthError !== null) {
    const description = str('error_description');
    return (description === null ? oauthError : `${oauthError}: ${description}`).slice(0, 300);
  }
  const halo = str('errorMessage');
  if (halo !== null) {
    const resultCode = parsed.resultCode;
    const suffix =
      typeof resultCode === 'number' || typeof resultCode === 'string' ? ` (result code ${resultCode})` : '';
    return `${halo}${suffix}`.slice(0, 300);
  }
  const dotnet = str('Message') ?? str('message');
  if (dotnet !== null) {
    const className = str('ClassName');
    return (className === null ? dotnet : `${dotnet} (${className})`).slice(0, 300);
  }
  const modelState: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (Array.isArray(value)) {
      const texts = value.filter((v): v is string => typeof v === 'string');
      if (texts.length > 0) modelState.push(`${key}: ${texts.join(' ')}`);
    } else if (typeof value === 'string' && key !== '') {
      modelState.push(`${key}: ${value}`);
    }
  }
  return modelState.length > 0 ? modelState.join('; ').slice(0, 300) : null;
}

/** The OAuth `error` value of a token endpoint answer, lowercased, or null. */
function oauthErrorOf(body: string): { error: string | null; description: string } {
  const parsed = parseJson(body);
  if (!isRecord(parsed)) return { error: null, description: '' };
  const error = typeof parsed.error === 'string' ? parsed.error.toLowerCase() : null;
  const description = typeof parsed.error_description === 'string' ? parsed.error_description : '';
  return { error, description };
}

function statusDetails(res: ResponseFacts): Details {
  return { status: res.status, contentType: res.contentType || null };
}

/** A 2xx (or any) answer whose body is not the JSON we expected. */
export function notJsonInfo(res: ResponseFacts, ctx: RequestContext): HaloErrorInfo {
  const host = hostOf(ctx.url);
  const what = looksLikeHtml(res.contentType, res.body)
    ? 'an HTML page'
    : res.body.trim() === ''
      ? 'an empty body'
      : 'something that is not valid JSON';
  return build(
    'not-json',
    `${host} answered ${pathOf(ctx.url)} with ${what} (HTTP ${res.status}) instead of Halo's JSON.`,
    `This usually means a proxy, firewall or login page is answering instead of Halo, or the ${fieldFor(ctx)} points at the wrong server. Check it, then try again.`,
    ctx,
    statusDetails(res),
  );
}

/** A JSON answer of the wrong shape. */
export function unexpectedShapeInfo(res: ResponseFacts, ctx: RequestContext, what: string): HaloErrorInfo {
  const host = hostOf(ctx.url);
  return build(
    'not-json',
    `${host} answered ${pathOf(ctx.url)} with JSON this app does not understand: ${what}.`,
    `Check that the ${fieldFor(ctx)} points at a Halo PSA instance. If it does, report this message: Halo may have changed its API.`,
    ctx,
    statusDetails(res),
  );
}

/** A 429 that survived every retry. */
export function rateLimitedInfo(
  res: ResponseFacts,
  ctx: RequestContext,
  retries: number,
  waitedMs: number,
): HaloErrorInfo {
  const host = hostOf(ctx.url);
  const said = describeErrorBody(res.body);
  return build(
    'rate-limited',
    `${host} kept answering "too many requests" (429) after ${retries} retries over ${Math.round(waitedMs / 1000)} s${said === null ? '' : ` (Halo said: ${said})`}.`,
    'Halo allows about 300 requests per rolling 5 minutes per instance, shared with every other integration using it. Wait a few minutes, then try again.',
    ctx,
    { ...statusDetails(res), retries, waitedMs, body: said },
  );
}

/**
 * A 401 from /api that a fresh token did not cure. If nothing on /api has ever worked with these
 * credentials, the usual cause is the application's permissions (scope) not being "all".
 */
export function renewalDidNotHelpInfo(
  res: ResponseFacts,
  ctx: RequestContext,
  apiHasWorkedBefore: boolean,
): HaloErrorInfo {
  const host = hostOf(ctx.url);
  if (!apiHasWorkedBefore) {
    return build(
      'missing-scope',
      `${host} issued a token but refuses it for API calls (401 on ${pathOf(ctx.url)}), even after a fresh token.`,
      `In Halo, open Configuration > Integrations > Halo API > Applications, open this application, set its Permissions to "all" and save. If they already are, check that ${ctx.resourceHost} is the right product (HaloPSA vs HaloITSM) for these credentials.`,
      ctx,
      statusDetails(res),
    );
  }
  return build(
    'unauthorized',
    `${host} stopped accepting this application's token (401 on ${pathOf(ctx.url)}) and a fresh token did not help.`,
    'The application may have been disabled or deleted, or its permissions changed, in Halo (Configuration > Integrations > Halo API). Check it, then validate again.',
    ctx,
    statusDetails(res),
  );
}

function invalidClientInfo(res: ResponseFacts, ctx: RequestContext): HaloErrorInfo {
  const host = hostOf(ctx.url);
  return build(
    'invalid-client',
    `The auth server ${host} rejected the Client ID and secret (invalid_client).`,
    `Halo may change the Client ID after the application is saved: copy it again from Configuration > Integrations > Halo API > Applications on ${ctx.resourceHost}. If it matches, the client secret is wrong: generate a new secret in Halo and paste it here.`,
    ctx,
    { ...statusDetails(res), body: describeErrorBody(res.body) },
  );
}

/**
 * `invalid_scope` from the token endpoint: Halo knows the application (the Client ID and secret were
 * accepted first) but it was not given the permission asked for, or Halo does not know that scope.
 */
function invalidScopeInfo(res: ResponseFacts, ctx: RequestContext): HaloErrorInfo {
  const host = hostOf(ctx.url);
  const said = describeErrorBody(res.body);
  return build(
    'invalid-scope',
    `The auth server ${host} refused the permission (scope) this app asked for${said === null ? '' : ` (${said})`}.`,
    `In Halo on ${ctx.resourceHost}, open Configuration > Integrations > HaloPSA API > the application > Permissions, tick “${FULL_SCOPE}”, or at least “${MINIMUM_SCOPES[0]}” and “${MINIMUM_SCOPES[1]}” (reading customers, agents and teams), and save, then validate again.`,
    ctx,
    { ...statusDetails(res), body: said },
  );
}

function invalidTenantInfo(res: ResponseFacts, ctx: RequestContext): HaloErrorInfo {
  const host = hostOf(ctx.url);
  const said = describeErrorBody(res.body);
  const what =
    ctx.tenant === '' ? 'requires a tenant, and none was sent' : `refused the tenant "${ctx.tenant}"`;
  return build(
    'invalid-tenant',
    `The auth server ${host} ${what}${said === null ? '' : ` (${said})`}.`,
    `Copy the Tenant value from Halo's API Details page (Configuration > Integrations > Halo API) into the Tenant ID field. For hosted Halo it is usually the first part of the hostname (NAME in NAME.halopsa.com).`,
    ctx,
    { ...statusDetails(res), tenant: ctx.tenant },
  );
}

/**
 * Classifies an HTTP answer that is not a success. 401 on /api and 429 are handled by the request loop
 * (renewal, backoff) before they reach here; if they do reach here they are classified plainly.
 */
export function classifyResponse(res: ResponseFacts, ctx: RequestContext): HaloErrorInfo {
  const host = hostOf(ctx.url);
  const path = pathOf(ctx.url);
  const said = describeErrorBody(res.body);
  const saidSuffix = said === null ? '' : `: ${said}`;

  if (res.proxyConnectStatus !== undefined && res.proxyConnectStatus !== null && ctx.proxyUrl !== null) {
    return build(
      'proxy',
      `The HTTPS proxy ${hostOf(ctx.proxyUrl)} refused to connect to ${host} (HTTP ${res.proxyConnectStatus}).`,
      `Ask your network administrator to allow ${host} through the proxy, or set NO_PROXY to bypass it for this host.`,
      ctx,
      { ...statusDetails(res), proxyStatus: res.proxyConnectStatus },
    );
  }

  if (ctx.purpose === 'token') {
    const { error, description } = oauthErrorOf(res.body);
    if (error === 'invalid_client' || error === 'unauthorized_client') return invalidClientInfo(res, ctx);
    if (error === 'invalid_scope') return invalidScopeInfo(res, ctx);
    // Halo's tenant refusal is `invalid_request`; its description (when there is one) names the tenant.
    const mentionsTenant = /tenant/i.test(`${error ?? ''} ${description}`);
    if (mentionsTenant || (error === 'invalid_request' && description.trim() === '')) {
      return invalidTenantInfo(res, ctx);
    }
    if (res.status === 401) return invalidClientInfo(res, ctx);
  }

  if (res.status === 400) {
    return build(
      'bad-request',
      `${host} rejected the request to ${path} (400)${saidSuffix}.`,
      `Check the configuration values (Client ID, Tenant ID, hostnames). If they are right, report this message: Halo may have changed its API.`,
      ctx,
      { ...statusDetails(res), body: said },
    );
  }
  if (res.status === 401) {
    return build(
      'unauthorized',
      `${host} refused the request to ${path} (401)${saidSuffix}.`,
      'Check the Client ID and secret and the application in Halo (Configuration > Integrations > Halo API), then validate again.',
      ctx,
      statusDetails(res),
    );
  }
  if (res.status === 403) {
    return build(
      'forbidden',
      `${host} refused ${path} (403 Forbidden): the application or its agent lacks a permission${saidSuffix}.`,
      `In Halo, set the application's permissions to "all", and give its agent access to this area (Configuration > Integrations > Halo API > Applications, and the agent's roles and teams).`,
      ctx,
      statusDetails(res),
    );
  }
  if (res.status === 404) {
    const nextStep =
      ctx.purpose === 'token'
        ? `Check the Auth Server Hostname (leave it empty for Halo-hosted instances) and the Resource Server Hostname: ${host} has no token endpoint at ${path}.`
        : `Check the Resource Server Hostname: it should be the host shown on Halo's API Details page (e.g. NAME.halopsa.com), without "/api" or "/auth".`;
    return build('not-found', `${host} has no ${path} (404 Not Found).`, nextStep, ctx, statusDetails(res));
  }
  if (res.status === 429) return rateLimitedInfo(res, ctx, 0, 0);
  if (res.status >= 500) {
    if (looksLikeHtml(res.contentType, res.body)) {
      const info = notJsonInfo(res, ctx);
      return { ...info, details: { ...info.details, status: res.status } };
    }
    return build(
      'server-error',
      `${host} answered with a server error (HTTP ${res.status})${saidSuffix}.`,
      "Halo is having trouble: try again in a few minutes. If it persists, check Halo's status page or contact Halo support.",
      ctx,
      statusDetails(res),
    );
  }
  if (res.status >= 300 && res.status < 400) {
    return build(
      'not-found',
      `${host} redirected ${path} elsewhere (HTTP ${res.status}) instead of answering.`,
      `Check the ${fieldFor(ctx)}: use the exact host from Halo's API Details page, which answers without redirects.`,
      ctx,
      statusDetails(res),
    );
  }
  return build(
    'unknown',
    `${host} answered ${path} with HTTP ${res.status}${saidSuffix}.`,
    'Try again. If it keeps failing, note this message and the details for support.',
    ctx,
    statusDetails(res),
  );
}
