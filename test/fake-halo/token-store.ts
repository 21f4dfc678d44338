import { randomBytes } from 'node:crypto';

/** Why a bearer token was refused; the fake answers 401 for each, the reason is for tests and logs. */
export type TokenVerdict = 'ok' | 'missing' | 'unknown' | 'expired' | 'unscoped';

interface IssuedToken {
  expiresAt: number;
  /** Halo issues a token without `scope=all` and then refuses it on every /api call (observed). */
  scoped: boolean;
}

/** Issues opaque bearer tokens and judges them later, against an injectable clock. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  issue(lifetimeSeconds: number, scope: string): string {
    const token = randomBytes(32).toString('base64url');
    const scoped = scope.split(/\s+/).includes('all');
    this.tokens.set(token, { expiresAt: this.now() + lifetimeSeconds * 1000, scoped });
    return token;
  }

  verify(authorization: string | undefined): TokenVerdict {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (token === undefined) return 'missing';
    const issued = this.tokens.get(token);
    if (!issued) return 'unknown';
    if (this.now() >= issued.expiresAt) return 'expired';
    return issued.scoped ? 'ok' : 'unscoped';
  }

  expireAll(): void {
    for (const issued of this.tokens.values()) issued.expiresAt = Number.NEGATIVE_INFINITY;
  }
}
