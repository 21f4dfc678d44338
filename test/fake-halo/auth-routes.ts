import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http-io';
import type { Query } from './query';
import type { FakeState } from './state';

/** OAuth2 token answers must not be cached (RFC 6749 §5.1). */
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Every scope asked for (space-separated) is among the granted ones. */
function withinScope(asked: string, granted: string): boolean {
  const grantedScopes = new Set(granted.split(/\s+/).filter(Boolean));
  return asked
    .split(/\s+/)
    .filter(Boolean)
    .every((scope) => grantedScopes.has(scope));
}

/** The tenant rule: `undefined` when acceptable, else why not. */
function tenantProblem(state: FakeState, query: Query): string | undefined {
  const tenant = state.tenant;
  if (!tenant) return undefined;
  const given = query.get('tenant') ?? '';
  if (given === '') return tenant.mode === 'required' ? 'A tenant is required' : undefined;
  return sameText(given, tenant.name) ? undefined : `Unknown tenant '${given}'`;
}

/** client_id/client_secret from the form body, or from HTTP Basic auth (client_secret_basic). */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): { id: string; secret: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic !== undefined) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      // RFC 6749 §2.3.1 form-encodes both parts; a malformed escape is simply a wrong credential.
      const formDecode = (text: string): string => {
        try {
          return decodeURIComponent(text.replace(/\+/g, ' '));
        } catch {
          return text;
        }
      };
      return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
    }
  }
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
}

/**
 * `POST /auth/token` and `POST /token`: the client-credentials grant. A token asked for without
 * `scope=all` is still issued (as Halo does) and then refused on every /api call.
 */
export async function handleToken(
  req: IncomingMessage,
  res: ServerResponse,
  query: Query,
  state: FakeState,
): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, {
      error: 'invalid_request',
      error_description: 'The token endpoint accepts POST only',
    });
    return;
  }
  const problem = tenantProblem(state, query);
  if (problem !== undefined) {
    sendJson(res, 400, { error: 'invalid_request', error_description: problem }, NO_STORE);
    return;
  }
  const contentType = req.headers['content-type'] ?? '';
  const body = await readBody(req);
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    sendJson(
      res,
      400,
      {
        error: 'invalid_request',
        error_description: 'Content-Type must be application/x-www-form-urlencoded',
      },
      NO_STORE,
    );
    return;
  }
  const form = new URLSearchParams(body);
  if (form.get('grant_type') !== 'client_credentials') {
    sendJson(res, 400, { error: 'unsupported_grant_type' }, NO_STORE);
    return;
  }
  const given = clientCredentials(req, form);
  const expected = state.credentials;
  if (!sameText(given.id, expected.clientId) || given.secret !== expected.clientSecret) {
    sendJson(res, 401, { error: 'invalid_client' }, NO_STORE);
    return;
  }
  const asked = form.get('scope') ?? '';
  if (
    state.grantedScope !== undefined &&
    state.refuseUngrantedScope &&
    !withinScope(asked, state.grantedScope)
  ) {
    sendJson(res, 400, { error: 'invalid_scope' }, NO_STORE);
    return;
  }
  const scope = state.grantedScope ?? asked;
  const lifetime = state.settings.tokenLifetimeSeconds;
  sendJson(
    res,
    200,
    { access_token: state.tokens.issue(lifetime, scope), token_type: 'Bearer', expires_in: lifetime, scope },
    NO_STORE,
  );
}

/** `GET /api/authinfo`: discovery, no token needed. */
export function handleAuthInfo(res: ServerResponse, state: FakeState): void {
  sendJson(res, 200, { auth_url: `${state.baseUrl}/auth`, tenant_id: state.tenant?.name ?? '' });
}
