import { randomBytes } from 'node:crypto';

/** Why a bearer token was refused; the fake answers 401 for each, the reason is for tests and logs. */
export type TokenVerdict = 'ok' | 'missing' | 'unknown' | 'expired' | 'unscoped';

interface IssuedToken {
  expiresAt: number;
  /** The granted scopes. A token without any is refused on every /api call (observed). */
  scopes: ReadonlySet<string>;
}

/**
 * Which permissions open which routes: `all` opens every one; reading customers (`read:customers`, or
 * `edit:customers`, which includes it) opens clients, sites and top levels; `all:teams` opens agents and
 * teams. Halo's scope names (homotechsual/HaloAPI Classes/HaloAuth.psm1; `all:teams` from vendors' Halo
 * set-up guides); that a route outside the token's scopes answers 401 like an unscoped token is assumed.
 */
const ROUTE_SCOPES: readonly { route: RegExp; scopes: readonly string[] }[] = [
  { route: /^\/api\/(client(\/\d+)?|site|toplevel)$/, scopes: ['read:customers', 'edit:customers'] },
  { route: /^\/api\/(agent(\/me)?|team)$/, scopes: ['all:teams'] },
];

function opens(scopes: ReadonlySet<string>, path: string): boolean {
  if (scopes.has('all')) return true;
  const rule = ROUTE_SCOPES.find((candidate) => candidate.route.test(path));
  return rule?.scopes.some((scope) => scopes.has(scope)) ?? false;
}

/** Issues opaque bearer tokens and judges them later, against an injectable clock. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  issue(lifetimeSeconds: number, scope: string): string {
    const token = randomBytes(32).toString('base64url');
    const scopes = new Set(scope.split(/\s+/).filter(Boolean));
    this.tokens.set(token, { expiresAt: this.now() + lifetimeSeconds * 1000, scopes });
    return token;
  }

  /** Whether the bearer token in `authorization` may call `path` (lower-case, no query). */
  verify(authorization: string | undefined, path: string): TokenVerdict {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (token === undefined) return 'missing';
    const issued = this.tokens.get(token);
    if (!issued) return 'unknown';
    if (this.now() >= issued.expiresAt) return 'expired';
    return opens(issued.scopes, path) ? 'ok' : 'unscoped';
  }

  expireAll(): void {
    for (const issued of this.tokens.values()) issued.expiresAt = Number.NEGATIVE_INFINITY;
  }
}
