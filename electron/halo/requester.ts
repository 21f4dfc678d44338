import type { HaloErrorCode } from '../../shared/halo-errors';
import { rateLimitDelayMs } from './backoff';
import {
  classifyTransportError,
  type RequestContext,
  type RequestPurpose,
  rateLimitedInfo,
} from './classify-error';
import type { HaloClock } from './clock';
import { HaloError } from './halo-error';
import type { RequestPacer } from './pacer';
import { displayProxy } from './proxy-settings';
import type { RawResponse, Transport } from './transport';

/** What `onRequest` hears about every request sent (never a secret, never a token). */
export interface HaloRequestInfo {
  method: 'GET' | 'POST';
  url: string;
  purpose: RequestPurpose;
  /** HTTP status, or null when no answer came. */
  status: number | null;
  durationMs: number;
  /** 1 for the first try of this request, 2+ for retries after a 429 or a transient failure. */
  attempt: number;
  errorCode: HaloErrorCode | null;
}

export type WaitReason = 'pacing' | 'rate-limit' | 'retry';

export interface RequestSpec {
  method: 'GET' | 'POST';
  url: string;
  purpose: RequestPurpose;
  headers?: Record<string, string>;
  body?: string;
  /** Tenant sent (token requests), for the classifier's advice. */
  tenant?: string;
  signal?: AbortSignal;
  /**
   * Hears every wait (client-side pacing, 429 backoff, transient retry) before it starts. `requestedMs`:
   * what Halo's Retry-After asked for, when it asked for more than the capped wait `ms`.
   */
  onWait?: (ms: number, reason: WaitReason, requestedMs?: number) => void;
}

export interface RequesterOptions {
  transport: Transport;
  pacer: RequestPacer;
  clock: HaloClock;
  random: () => number;
  timeoutMs: number;
  maxRateLimitRetries: number;
  /** Retries of idempotent GETs after a 502/503/504 or a dropped connection. */
  maxTransientRetries: number;
  resourceHost: string;
  /** Current secrets to keep out of every message (client secret, issued tokens). */
  secrets: () => readonly string[];
  onRequest?: (info: HaloRequestInfo) => void;
}

const transientStatuses = new Set([502, 503, 504]);

/**
 * Sends one logical request: paced, retried after 429 (Retry-After or backoff) and, for GETs, once
 * after a transient failure. Resolves with the final HTTP answer whatever its status (the caller
 * interprets it); rejects only with a classified `HaloError`.
 */
export class HaloRequester {
  constructor(private readonly options: RequesterOptions) {}

  context(spec: Pick<RequestSpec, 'method' | 'url' | 'purpose' | 'tenant'>): RequestContext {
    const proxyUrl = this.options.transport.proxyFor(spec.url);
    return {
      method: spec.method,
      url: spec.url,
      purpose: spec.purpose,
      resourceHost: this.options.resourceHost,
      tenant: spec.tenant ?? '',
      proxyUrl: proxyUrl === null ? null : displayProxy(proxyUrl),
      timeoutMs: this.options.timeoutMs,
      secrets: this.options.secrets(),
    };
  }

  async send(spec: RequestSpec): Promise<RawResponse> {
    const { clock, pacer, transport, random } = this.options;
    let rateLimitRetries = 0;
    let transientRetries = 0;
    let waitedForRateLimitMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const ctx = this.context(spec);
      try {
        await pacer.acquire(spec.signal, (ms) => spec.onWait?.(ms, 'pacing'));
      } catch (error) {
        throw new HaloError(classifyTransportError(error, ctx, spec.signal));
      }
      const started = clock.now();
      let response: RawResponse;
      try {
        response = await transport.send({
          method: spec.method,
          url: spec.url,
          headers: spec.headers ?? {},
          ...(spec.body === undefined ? {} : { body: spec.body }),
          ...(spec.signal === undefined ? {} : { signal: spec.signal }),
        });
      } catch (error) {
        const info = classifyTransportError(error, ctx, spec.signal);
        this.report(spec, null, started, attempt, info.code);
        if (
          info.code === 'connection-reset' &&
          spec.method === 'GET' &&
          transientRetries < this.options.maxTransientRetries
        ) {
          transientRetries += 1;
          await this.pause(transientPauseMs(transientRetries, random), 'retry', spec);
          continue;
        }
        throw new HaloError(info);
      }
      this.report(spec, response.status, started, attempt, null);

      if (response.status === 429) {
        if (rateLimitRetries >= this.options.maxRateLimitRetries) {
          throw new HaloError(
            rateLimitedInfo(responseFacts(response), ctx, rateLimitRetries, waitedForRateLimitMs),
          );
        }
        const { delayMs, requestedMs } = rateLimitDelayMs(
          rateLimitRetries,
          response.headers['retry-after'],
          clock.now(),
          random,
        );
        rateLimitRetries += 1;
        waitedForRateLimitMs += delayMs;
        await this.pause(
          delayMs,
          'rate-limit',
          spec,
          requestedMs !== null && requestedMs > delayMs ? requestedMs : undefined,
        );
        continue;
      }
      if (
        transientStatuses.has(response.status) &&
        spec.method === 'GET' &&
        transientRetries < this.options.maxTransientRetries
      ) {
        transientRetries += 1;
        await this.pause(transientPauseMs(transientRetries, random), 'retry', spec);
        continue;
      }
      return response;
    }
  }

  private async pause(
    ms: number,
    reason: WaitReason,
    spec: RequestSpec,
    requestedMs?: number,
  ): Promise<void> {
    if (requestedMs === undefined) spec.onWait?.(ms, reason);
    else spec.onWait?.(ms, reason, requestedMs);
    try {
      await this.options.clock.sleep(ms, spec.signal);
    } catch (error) {
      throw new HaloError(classifyTransportError(error, this.context(spec), spec.signal));
    }
  }

  private report(
    spec: RequestSpec,
    status: number | null,
    started: number,
    attempt: number,
    errorCode: HaloErrorCode | null,
  ): void {
    this.options.onRequest?.({
      method: spec.method,
      url: spec.url,
      purpose: spec.purpose,
      status,
      durationMs: Math.max(0, this.options.clock.now() - started),
      attempt,
      errorCode,
    });
  }
}

/** A short, jittered pause before retrying a transient failure (0.5-1 s, then 1-2 s). */
function transientPauseMs(retry: number, random: () => number): number {
  const base = 500 * 2 ** (retry - 1);
  return Math.round(base + base * Math.min(1, Math.max(0, random())));
}

export function responseFacts(response: RawResponse) {
  return {
    status: response.status,
    contentType: response.headers['content-type'] ?? '',
    body: response.body,
    proxyConnectStatus: response.proxyConnectStatus,
  };
}
