import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi } from './api-routes';
import { handleAuthInfo, handleToken } from './auth-routes';
import { PROXY_BAD_GATEWAY_HTML, send, sendNotFoundHtml } from './http-io';
import { readQuery } from './query';
import type { Sleeper } from './sleeper';
import type { FakeState } from './state';
import type { FakeFault } from './types';

/** A JSON body cut off mid-way, as a proxy that drops the connection mid-body would leave it. */
const TRUNCATED_JSON =
  '{"page_no":1,"page_size":50,"record_count":717,"clients":[{"id":12,"name":"Smith & So';

/** Lower-case, without trailing slashes: Halo's paths are case-insensitive. */
function normalisedPath(rawUrl: string | undefined): { path: string; url: URL } {
  const url = new URL(rawUrl ?? '/', 'http://fake-halo.invalid');
  const path = url.pathname.toLowerCase().replace(/\/+$/, '') || '/';
  return { path, url };
}

function isTokenPath(path: string): boolean {
  return path === '/auth/token' || path === '/token';
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

function count(state: FakeState, path: string): void {
  const stats = state.stats;
  stats.requests += 1;
  stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
  if (isTokenPath(path)) stats.tokenRequests += 1;
  if (isApiPath(path)) stats.apiRequests += 1;
}

/** Answers a fault; `true` when the request is finished, `false` when it should go on normally. */
async function applyFault(
  fault: FakeFault,
  req: IncomingMessage,
  res: ServerResponse,
  state: FakeState,
  sleeper: Sleeper,
): Promise<boolean> {
  if (fault.kind === 'drop') {
    req.socket.destroy();
    return true;
  }
  if (fault.kind === 'hang') return !(await sleeper.sleep(fault.ms));
  if (!(await sleeper.sleep(state.settings.latencyMs))) return true;
  switch (fault.kind) {
    case 'status':
      send(
        res,
        fault.status,
        fault.body ?? JSON.stringify({ error: `Fake fault: HTTP ${fault.status}` }),
        fault.contentType ?? 'application/json; charset=utf-8',
      );
      return true;
    case 'html-error':
      send(res, 502, PROXY_BAD_GATEWAY_HTML, 'text/html');
      return true;
    case 'malformed-json':
      send(res, 200, TRUNCATED_JSON, 'application/json; charset=utf-8');
      return true;
  }
}

/**
 * One request through the fake, in the order a real hosted Halo would treat it: count it, apply the
 * rate limit, then any injected fault, then the latency, then the route.
 */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  state: FakeState,
  sleeper: Sleeper,
): Promise<void> {
  const { path, url } = normalisedPath(req.url);
  count(state, path);

  const decision = state.limiter?.take();
  if (decision && !decision.allowed && state.limiter) {
    state.stats.rateLimited += 1;
    const limiter = state.limiter;
    if (!(await sleeper.sleep(state.settings.latencyMs))) return;
    const headers: Record<string, string> = limiter.config.sendRetryAfter
      ? { 'Retry-After': String(decision.retryAfterSeconds) }
      : {};
    // Halo's rate limiter answers in plain text, not JSON.
    send(res, 429, limiter.message(), 'text/plain; charset=utf-8', headers);
    return;
  }

  const fault = state.faults.take(path);
  if (fault && (await applyFault(fault, req, res, state, sleeper))) return;
  if (!(await sleeper.sleep(state.settings.latencyMs))) return;

  const query = readQuery(url);
  if (isTokenPath(path)) {
    await handleToken(req, res, query, state);
    return;
  }
  if (path === '/api/authinfo') {
    handleAuthInfo(res, state);
    return;
  }
  if (!isApiPath(path)) {
    sendNotFoundHtml(res);
    return;
  }
  if (state.tokens.verify(req.headers.authorization, path) !== 'ok') {
    // Halo's bearer challenge; the body is empty, as ASP.NET's is.
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer', 'Content-Length': 0 });
    res.end();
    return;
  }
  handleApi(req, res, path, query, state);
}
