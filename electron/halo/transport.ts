import type { ClientRequest } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import tls from 'node:tls';
import axios, { type AxiosInstance } from 'axios';
// https-proxy-agent (TooTallNate, the agent behind most Node proxy support) does the CONNECT tunnel and
// the TLS upgrade through it; axios' own proxy support is switched off (`proxy: false`) so one agent
// per instance decides, with our per-instance CA and DNS override applied end to end.
import { HttpsProxyAgent } from 'https-proxy-agent';
import { type ProxySettings, proxyFor } from './proxy-settings';

export interface TransportOptions {
  /** The whole request's deadline (connect to last byte), and the socket's idle limit. */
  timeoutMs: number;
  /** Extra CA certificates (PEM), added to Node's bundled roots. Empty: the bundled roots only. */
  caCertificatePem: string;
  /** DNS override (tests point real hostnames at 127.0.0.1). */
  lookup?: LookupFunction;
  proxy: ProxySettings;
  userAgent: string;
}

export interface RawRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The proxy's CONNECT status when the proxy refused the tunnel (its answer is what we got). */
  proxyConnectStatus: number | null;
}

export interface Transport {
  /** Sends one request. Any HTTP status resolves; transport failures reject with the raw error. */
  send(request: RawRequest): Promise<RawResponse>;
  /** The proxy a URL goes through, or null. */
  proxyFor(url: string): string | null;
  /** Closes pooled connections. */
  close(): void;
}

/** Thrown by `send` when the configured CA certificate cannot be used at all. */
export class UnusableCaError extends Error {
  override readonly name = 'UnusableCaError';
  readonly code = 'ERR_HALO_UNUSABLE_CA';
}

/**
 * Node's bundled roots plus the instance's private CA. Passing `ca` replaces the default store, hence
 * the explicit concatenation. Returns undefined when no private CA is configured.
 */
export function trustedCas(caCertificatePem: string): string[] | undefined {
  const pem = caCertificatePem.trim();
  if (pem === '') return undefined;
  return [...tls.rootCertificates, pem];
}

/** Checks that a PEM bundle holds at least one certificate OpenSSL can load. */
export function caProblem(caCertificatePem: string): string | null {
  const pem = caCertificatePem.trim();
  if (pem === '') return null;
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return 'it contains no "BEGIN CERTIFICATE" block';
  try {
    tls.createSecureContext({ ca: pem });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'OpenSSL could not read it';
  }
}

/**
 * Thrown by `send` when a request as a whole outlives its deadline. axios' own `timeout` is the socket's
 * idle time, so a server that drips one byte a second kept a 4 s request open for 40 s; this deadline
 * counts from the moment the request starts to the last byte of the answer. Its code is Node's
 * ETIMEDOUT, so it is classified as the timeout it is, never as the user's Cancel.
 */
export class RequestDeadlineError extends Error {
  override readonly name = 'RequestDeadlineError';
  readonly code = 'ETIMEDOUT';
}

/** Remembers which requests a proxy refused to tunnel, so the answer is blamed on the proxy. */
const refusedTunnels = new WeakMap<ClientRequest, number>();

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

/** An HttpsProxyAgent whose TLS upgrade (inside the tunnel) trusts the instance's CA too. */
class TrustingProxyAgent extends HttpsProxyAgent<string> {
  constructor(
    proxyUrl: string,
    private readonly ca: string[] | undefined,
    lookup: LookupFunction | undefined,
  ) {
    super(proxyUrl, lookup === undefined ? {} : { lookup });
    this.on('proxyConnect', (connect: { statusCode: number }, req: ClientRequest) => {
      if (connect.statusCode !== 200) refusedTunnels.set(req, connect.statusCode);
    });
  }

  override connect(req: ClientRequest, opts: ConnectOptions) {
    return super.connect(req, opts.secureEndpoint && this.ca !== undefined ? { ...opts, ca: this.ca } : opts);
  }
}

function flattenHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === 'string') out[key.toLowerCase()] = value;
    else if (typeof value === 'number') out[key.toLowerCase()] = String(value);
    else if (Array.isArray(value)) out[key.toLowerCase()] = value.map(String).join(', ');
  }
  return out;
}

export function createTransport(options: TransportOptions): Transport {
  const ca = trustedCas(options.caCertificatePem);
  const badCa = caProblem(options.caCertificatePem);
  const lookupOption = options.lookup === undefined ? {} : { lookup: options.lookup };
  const httpAgent = new http.Agent({ keepAlive: true, ...lookupOption });
  const httpsAgent = new https.Agent({
    keepAlive: true,
    ...lookupOption,
    ...(ca === undefined ? {} : { ca }),
  });
  const proxyAgents = new Map<string, TrustingProxyAgent>();

  const proxyAgentFor = (proxyUrl: string): TrustingProxyAgent => {
    let agent = proxyAgents.get(proxyUrl);
    if (agent === undefined) {
      agent = new TrustingProxyAgent(proxyUrl, ca, options.lookup);
      proxyAgents.set(proxyUrl, agent);
    }
    return agent;
  };

  const instance: AxiosInstance = axios.create({
    timeout: options.timeoutMs,
    // Node's http stack always: our agents (CA, proxy, lookup) only exist there, and the main process is
    // Node even when a test environment (jsdom) also offers XMLHttpRequest.
    adapter: 'http',
    proxy: false,
    maxRedirects: 0, // a redirect would carry the bearer token elsewhere; Halo's API answers in place
    maxContentLength: 64 * 1024 * 1024,
    responseType: 'text',
    transformResponse: [(data: unknown) => data], // we parse JSON ourselves to classify bad bodies
    validateStatus: () => true,
    httpAgent,
    httpsAgent,
  });

  return {
    async send(request) {
      if (badCa !== null && request.url.startsWith('https:')) {
        throw new UnusableCaError(`The CA certificate in the configuration cannot be used: ${badCa}.`);
      }
      const proxyUrl = proxyFor(request.url, options.proxy);
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
      const signal =
        request.signal === undefined ? deadline.signal : AbortSignal.any([request.signal, deadline.signal]);
      let response: Awaited<ReturnType<typeof instance.request<unknown>>>;
      try {
        response = await instance.request<unknown>({
          method: request.method,
          url: request.url,
          headers: { Accept: 'application/json', 'User-Agent': options.userAgent, ...request.headers },
          ...(request.body === undefined ? {} : { data: request.body }),
          signal,
          ...(proxyUrl === null ? {} : { httpsAgent: proxyAgentFor(proxyUrl) }),
        });
      } catch (error) {
        if (deadline.signal.aborted && request.signal?.aborted !== true) {
          throw new RequestDeadlineError(
            `The request was still unfinished after ${options.timeoutMs} ms (timed out).`,
          );
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
      const body = typeof response.data === 'string' ? response.data : '';
      const req: unknown = response.request;
      const proxyConnectStatus = req instanceof http.ClientRequest ? (refusedTunnels.get(req) ?? null) : null;
      return { status: response.status, headers: flattenHeaders(response.headers), body, proxyConnectStatus };
    },
    proxyFor: (url) => proxyFor(url, options.proxy),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
      for (const agent of proxyAgents.values()) agent.destroy();
      proxyAgents.clear();
    },
  };
}
