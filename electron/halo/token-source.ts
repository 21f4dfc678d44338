import type { HaloConfiguration } from '../../shared/domain';
import { unreachableHaloCodes } from '../../shared/halo-errors';
import { FULL_SCOPE, MINIMUM_SCOPE } from '../../shared/halo-scopes';
import { classifyResponse, notJsonInfo, parseJson, unexpectedShapeInfo } from './classify-error';
import type { HaloClock } from './clock';
import { HaloError } from './halo-error';
import type { HaloRequester, WaitReason } from './requester';
import { responseFacts } from './requester';
import { authInfoSchema, tokenResponseSchema } from './schemas';
import {
  apiBaseUrl,
  type HaloProtocol,
  needsDiscovery,
  resolveTokenEndpoint,
  type TokenEndpoint,
} from './urls';

/** What we learned from the last token grant (no token in here). */
export interface TokenGrantFacts {
  tokenUrl: string;
  /** The scope Halo granted, as its answer names it (null when it names none). */
  scope: string | null;
  /** The scope this grant asked for: `all`, or the least set once Halo refused `all`. */
  scopeAsked: string;
  expiresInSeconds: number | null;
}

export interface TokenSourceOptions {
  configuration: HaloConfiguration;
  protocol: HaloProtocol;
  clientSecret: string;
  requester: HaloRequester;
  clock: HaloClock;
  /** Renew this long before `expires_in` runs out (halved for very short-lived tokens). */
  renewMarginMs?: number;
}

interface CachedToken {
  value: string;
  /** When to stop using it (expiry minus the margin). */
  renewAt: number;
}

/** Halo answers these before any HTTP exchange: the token endpoint on the same host would fail the same way. */
const connectionLevelCodes: ReadonlySet<string> = new Set([...unreachableHaloCodes, 'cancelled']);

/**
 * Finds the token endpoint (explicit setting, else `/api/authinfo`, else `{host}/auth/token`), gets
 * client-credentials tokens with `scope=all` (or the least set, see fetchToken), caches one per client instance and renews it about a
 * minute before it expires. Concurrent callers share one grant.
 */
export class TokenSource {
  private endpointPromise: Promise<TokenEndpoint> | null = null;
  private resolvedEndpoint: TokenEndpoint | null = null;
  private cached: CachedToken | null = null;
  private inflight: Promise<string> | null = null;
  private readonly issued: string[] = [];
  private grant: TokenGrantFacts | null = null;
  /** `all` until Halo refuses it with invalid_scope; then the least set (shared/halo-scopes.ts). */
  private scopeToAsk: string = FULL_SCOPE;

  constructor(private readonly options: TokenSourceOptions) {}

  /** Every token this instance was given (for redaction), newest last, bounded. */
  issuedTokens(): readonly string[] {
    return this.issued;
  }

  lastGrant(): TokenGrantFacts | null {
    return this.grant;
  }

  /** The endpoint decided so far, or null before discovery ran. */
  knownEndpoint(): TokenEndpoint | null {
    return this.resolvedEndpoint;
  }

  async endpoint(
    signal?: AbortSignal,
    onWait?: (ms: number, reason: WaitReason) => void,
  ): Promise<TokenEndpoint> {
    if (this.resolvedEndpoint !== null) return this.resolvedEndpoint;
    if (this.endpointPromise === null) {
      this.endpointPromise = this.discover(signal, onWait).finally(() => {
        this.endpointPromise = null;
      });
    }
    const endpoint = await this.endpointPromise;
    this.resolvedEndpoint = endpoint;
    return endpoint;
  }

  /** A usable token: the cached one, or a new grant. */
  async current(signal?: AbortSignal, onWait?: (ms: number, reason: WaitReason) => void): Promise<string> {
    const cached = this.cached;
    if (cached !== null && this.options.clock.now() < cached.renewAt) return cached.value;
    return this.fetchShared(signal, onWait);
  }

  /**
   * A new grant, unless the token the caller saw fail (`stale`) was already replaced by someone else;
   * without `stale` it always asks for a new one.
   */
  async renew(
    stale: string | null,
    signal?: AbortSignal,
    onWait?: (ms: number, reason: WaitReason) => void,
  ): Promise<string> {
    if (stale !== null && this.cached !== null && this.cached.value !== stale) return this.cached.value;
    this.cached = null;
    return this.fetchShared(signal, onWait);
  }

  /** Forget the cached token (e.g. after the configuration changed). */
  invalidate(): void {
    this.cached = null;
  }

  private fetchShared(
    signal?: AbortSignal,
    onWait?: (ms: number, reason: WaitReason) => void,
  ): Promise<string> {
    if (this.inflight === null) {
      this.inflight = this.fetchToken(signal, onWait).finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async discover(
    signal?: AbortSignal,
    onWait?: (ms: number, reason: WaitReason) => void,
  ): Promise<TokenEndpoint> {
    const { configuration, protocol, requester } = this.options;
    if (!needsDiscovery(configuration)) return resolveTokenEndpoint(configuration, protocol, null);
    const url = `${apiBaseUrl(configuration, protocol)}/authinfo`;
    try {
      const response = await requester.send({
        method: 'GET',
        url,
        purpose: 'authinfo',
        ...(signal === undefined ? {} : { signal }),
        ...(onWait === undefined ? {} : { onWait }),
      });
      if (response.status < 200 || response.status >= 300)
        return resolveTokenEndpoint(configuration, protocol, null);
      const parsed = authInfoSchema.safeParse(parseJson(response.body));
      if (!parsed.success) return resolveTokenEndpoint(configuration, protocol, null);
      return resolveTokenEndpoint(configuration, protocol, {
        authUrl: parsed.data.auth_url,
        tenantId: parsed.data.tenant_id ?? '',
      });
    } catch (error) {
      // The token endpoint lives on the same host, so a connection-level failure would only repeat.
      if (error instanceof HaloError && connectionLevelCodes.has(error.code)) throw error;
      return resolveTokenEndpoint(configuration, protocol, null);
    }
  }

  /**
   * A grant for `all`; when Halo refuses that scope (an application given only some permissions), one
   * more for the least set this app needs, which later grants then ask for straight away. Refused both
   * times, the error names both.
   */
  private async fetchToken(
    signal?: AbortSignal,
    onWait?: (ms: number, reason: WaitReason) => void,
  ): Promise<string> {
    try {
      return await this.fetchTokenFor(this.scopeToAsk, signal, onWait);
    } catch (error) {
      if (!(error instanceof HaloError) || error.code !== 'invalid-scope' || this.scopeToAsk !== FULL_SCOPE) {
        throw error;
      }
    }
    try {
      const token = await this.fetchTokenFor(MINIMUM_SCOPE, signal, onWait);
      this.scopeToAsk = MINIMUM_SCOPE;
      return token;
    } catch (error) {
      if (error instanceof HaloError && error.code === 'invalid-scope') {
        throw new HaloError({
          ...error.info,
          message: `${error.info.message.replace(/\.$/, '')}: it refused “${FULL_SCOPE}” and then “${MINIMUM_SCOPE}”.`,
        });
      }
      throw error;
    }
  }

  private async fetchTokenFor(
    scope: string,
    signal?: AbortSignal,
    onWait?: (ms: number, reason: WaitReason) => void,
  ): Promise<string> {
    const { configuration, clientSecret, requester, clock } = this.options;
    const endpoint = await this.endpoint(signal, onWait);
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: configuration.clientId,
      client_secret: clientSecret,
      scope, // without one Halo still issues a token that every /api call refuses (halo-api.md §2)
    }).toString();
    const spec = {
      method: 'POST' as const,
      url: endpoint.tokenUrl,
      purpose: 'token' as const,
      tenant: endpoint.tenant,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
      ...(signal === undefined ? {} : { signal }),
      ...(onWait === undefined ? {} : { onWait }),
    };
    const requestedAt = clock.now();
    const response = await requester.send(spec);
    const ctx = requester.context(spec);
    if (response.status < 200 || response.status >= 300) {
      throw new HaloError(classifyResponse(responseFacts(response), ctx));
    }
    const json = parseJson(response.body);
    if (json === undefined) throw new HaloError(notJsonInfo(responseFacts(response), ctx));
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new HaloError(
        unexpectedShapeInfo(responseFacts(response), ctx, 'no access_token in the token answer'),
      );
    }
    const token = parsed.data.access_token;
    const expiresInSeconds = parsed.data.expires_in ?? null;
    const lifetimeMs = (expiresInSeconds ?? 3600) * 1000;
    const margin = Math.min(this.options.renewMarginMs ?? 60_000, lifetimeMs / 2);
    this.cached = { value: token, renewAt: requestedAt + lifetimeMs - margin };
    this.issued.push(token);
    if (this.issued.length > 20) this.issued.shift();
    this.grant = {
      tokenUrl: endpoint.tokenUrl,
      scope: parsed.data.scope ?? null,
      scopeAsked: scope,
      expiresInSeconds,
    };
    return token;
  }
}
