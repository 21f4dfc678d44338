import type { LookupFunction } from 'node:net';
import type { HaloConfiguration } from '../../shared/domain';
import type { ValidationResult } from '../../shared/validation';
import {
  classifyResponse,
  classifyTransportError,
  notJsonInfo,
  parseJson,
  renewalDidNotHelpInfo,
  unexpectedShapeInfo,
} from './classify-error';
import { type HaloClock, realClock } from './clock';
import { HaloError } from './halo-error';
import { defaultPacerBudget, type PacerBudget, RequestPacer } from './pacer';
import { type PagingProgress, type PagingStats, readAllPages } from './paging';
import { NotAListError, parseList } from './parse-list';
import { type ProxySettings, proxySettingsFromEnv } from './proxy-settings';
import { HaloRequester, type HaloRequestInfo, responseFacts, type WaitReason } from './requester';
import {
  clientPageSchema,
  type HaloAgent,
  type HaloClientRow,
  type HaloTeam,
  type HaloTopLevel,
  haloAgentSchema,
  haloClientRowSchema,
  haloTeamSchema,
  haloTopLevelSchema,
} from './schemas';
import { TokenSource } from './token-source';
import { createTransport } from './transport';
import { apiBaseUrl, type HaloProtocol } from './urls';
import { runValidation, type ValidateOptions } from './validate';

export interface HaloClientOptions {
  /** From the keychain; used only in the token request body, never logged or reported. */
  clientSecret: string;
  /** Default 'https'. 'http' only for loopback tests and the demo. */
  protocol?: HaloProtocol;
  /** Per request, default 30 s. */
  timeoutMs?: number;
  /** DNS override, e.g. to point "acme.halopsa.com" at 127.0.0.1 in tests. */
  lookup?: LookupFunction;
  /** Client-side request budget, default 300 per 300,000 ms (Halo's hosted limit). */
  pacer?: PacerBudget;
  clock?: HaloClock;
  /** Source of jitter, default Math.random. */
  random?: () => number;
  /** Retries after a 429 before giving up with 'rate-limited', default 10. */
  maxRateLimitRetries?: number;
  /** Retries of a GET after a 502/503/504 or a dropped connection, default 1. */
  maxTransientRetries?: number;
  /** Default: HTTPS_PROXY / https_proxy / ALL_PROXY and NO_PROXY from the environment. */
  proxy?: ProxySettings;
  /** Hears every request sent, for counting and logging. Carries no secret and no token. */
  onRequest?: (info: HaloRequestInfo) => void;
}

export interface ListClientsProgress extends PagingProgress {}

export interface ListClientsOptions {
  includeInactive?: boolean;
  /**
   * Ask Halo to add each client's Microsoft tenant records (`azure_tenants`) to the same paged rows:
   * the tenants come within the paging's own requests, never one request per client.
   */
  includeAzureTenants?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ListClientsProgress) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface HaloClient {
  /** Where requests go: the API base, and the token URL once decided (null before discovery ran). */
  endpoints(): { apiBase: string; tokenUrl: string | null };
  validate(options?: ValidateOptions): Promise<ValidationResult>;
  /** Every client (customer), active and, when asked, inactive; each exactly once. */
  listClients(options?: ListClientsOptions): Promise<HaloClientRow[]>;
  /** The same, with how the read went (requests, passes, shift detection). */
  listClientsWithStats(options?: ListClientsOptions): Promise<{ rows: HaloClientRow[]; stats: PagingStats }>;
  getAgentMe(options?: CallOptions): Promise<HaloAgent>;
  listTeams(options?: CallOptions): Promise<HaloTeam[]>;
  listTopLevels(options?: CallOptions): Promise<HaloTopLevel[]>;
  /** Closes pooled connections. The client must not be used afterwards. */
  close(): void;
}

type OnWait = (ms: number, reason: WaitReason, requestedMs?: number) => void;

export function createHaloClient(configuration: HaloConfiguration, options: HaloClientOptions): HaloClient {
  const protocol = options.protocol ?? 'https';
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const apiBase = apiBaseUrl(configuration, protocol);
  const transport = createTransport({
    timeoutMs,
    caCertificatePem: configuration.caCertificatePem,
    ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    proxy: options.proxy ?? proxySettingsFromEnv(),
    userAgent: 'HaloSetup/0.1 (+axios)',
  });
  // Assigned below; the requester asks for the secrets lazily so newly issued tokens are redacted too.
  let tokens: TokenSource | null = null;
  const requester = new HaloRequester({
    transport,
    pacer: new RequestPacer(options.pacer ?? defaultPacerBudget, clock),
    clock,
    random,
    timeoutMs,
    maxRateLimitRetries: options.maxRateLimitRetries ?? 10,
    maxTransientRetries: options.maxTransientRetries ?? 1,
    resourceHost: configuration.resourceServer,
    secrets: () => [options.clientSecret, ...(tokens?.issuedTokens() ?? [])],
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
  });
  const tokenSource = new TokenSource({
    configuration,
    protocol,
    clientSecret: options.clientSecret,
    requester,
    clock,
  });
  tokens = tokenSource;
  /** Becomes true after the first /api success: a later 401 that renewal cannot cure is not a scope issue. */
  let apiHasWorked = false;

  const signalOpt = (signal?: AbortSignal) => (signal === undefined ? {} : { signal });

  /** GET an /api path with the bearer token; one renewal and one retry on 401. Resolves with parsed JSON. */
  const apiGet = async (pathAndQuery: string, signal?: AbortSignal, onWait?: OnWait): Promise<unknown> => {
    const url = `${apiBase}${pathAndQuery}`;
    const send = (token: string) =>
      requester.send({
        method: 'GET',
        url,
        purpose: 'api',
        headers: { Authorization: `Bearer ${token}` },
        ...signalOpt(signal),
        ...(onWait === undefined ? {} : { onWait }),
      });
    let token = await tokenSource.current(signal, onWait);
    let response = await send(token);
    if (response.status === 401) {
      token = await tokenSource.renew(token, signal, onWait);
      response = await send(token);
      if (response.status === 401) {
        throw new HaloError(
          renewalDidNotHelpInfo(
            responseFacts(response),
            requester.context({ method: 'GET', url, purpose: 'api' }),
            apiHasWorked,
          ),
        );
      }
    }
    const ctx = requester.context({ method: 'GET', url, purpose: 'api' });
    if (response.status < 200 || response.status >= 300) {
      throw new HaloError(classifyResponse(responseFacts(response), ctx));
    }
    const json = parseJson(response.body);
    if (json === undefined) throw new HaloError(notJsonInfo(responseFacts(response), ctx));
    apiHasWorked = true;
    return json;
  };

  /** Parses a list answer, turning a shape mismatch into a classified not-json error. */
  const listFrom = async <T>(
    pathAndQuery: string,
    parse: (json: unknown) => T,
    signal?: AbortSignal,
    onWait?: OnWait,
  ): Promise<T> => {
    const json = await apiGet(pathAndQuery, signal, onWait);
    try {
      return parse(json);
    } catch (error) {
      if (error instanceof NotAListError) {
        const url = `${apiBase}${pathAndQuery}`;
        throw new HaloError(
          unexpectedShapeInfo(
            { status: 200, contentType: 'application/json', body: '' },
            requester.context({ method: 'GET', url, purpose: 'api' }),
            error.message,
          ),
        );
      }
      throw error;
    }
  };

  const getAgentMe = async (call: CallOptions = {}): Promise<HaloAgent> => {
    const json = await apiGet('/Agent/me', call.signal);
    // Some versions wrap single objects in an array; accept the first element then.
    const candidate = Array.isArray(json) ? json[0] : json;
    const parsed = haloAgentSchema.safeParse(candidate);
    if (!parsed.success) {
      const url = `${apiBase}/Agent/me`;
      throw new HaloError(
        unexpectedShapeInfo(
          { status: 200, contentType: 'application/json', body: '' },
          requester.context({ method: 'GET', url, purpose: 'api' }),
          'the agent has no numeric id',
        ),
      );
    }
    return parsed.data;
  };

  const listClientsWithStats = async (list: ListClientsOptions = {}) => {
    let lastProgress: PagingProgress = { page: 0, pagesEstimated: null, rowsSoFar: 0, recordCount: null };
    const onWait: OnWait = (ms, _reason, requestedMs) =>
      list.onProgress?.({
        ...lastProgress,
        waitingMs: ms,
        ...(requestedMs === undefined ? {} : { waitRequestedMs: requestedMs }),
      });
    return readAllPages({
      pageSize: 100,
      onProgress: (progress) => {
        lastProgress = progress;
        list.onProgress?.(progress);
      },
      fetchPage: async (pageNo, pageSize) => {
        const query = `pageinate=true&page_size=${pageSize}&page_no=${pageNo}${list.includeInactive === true ? '&includeinactive=true' : ''}${list.includeAzureTenants === true ? '&includeazuretenants=true' : ''}`;
        return listFrom(
          `/Client?${query}`,
          (json) => {
            const wrapper = clientPageSchema.safeParse(json);
            const { items, rejected, rejectedKeys } = parseList(json, ['clients'], haloClientRowSchema);
            return {
              rows: items,
              rejected,
              rejectedKeys,
              recordCount: wrapper.success ? (wrapper.data.record_count ?? null) : null,
            };
          },
          list.signal,
          onWait,
        );
      },
    });
  };

  return {
    endpoints: () => ({ apiBase, tokenUrl: tokenSource.knownEndpoint()?.tokenUrl ?? null }),
    validate: (validateOptions = {}) =>
      runValidation(
        {
          clock,
          apiBase: () => apiBase,
          tokenUrlSoFar: () => tokenSource.knownEndpoint()?.tokenUrl ?? null,
          requestToken: async (signal) => {
            await tokenSource.renew(null, signal);
            const grant = tokenSource.lastGrant();
            return {
              tokenUrl: grant?.tokenUrl ?? '',
              scope: grant?.scope ?? null,
              expiresInSeconds: grant?.expiresInSeconds ?? null,
            };
          },
          getAgentMe: (signal) => getAgentMe(signalOpt(signal)),
          customerCount: async (signal) =>
            listFrom(
              '/Client?pageinate=true&page_size=1&page_no=1',
              (json) => {
                const wrapper = clientPageSchema.safeParse(json);
                const { items, rejected } = parseList(json, ['clients'], haloClientRowSchema);
                return {
                  recordCount: wrapper.success ? (wrapper.data.record_count ?? null) : null,
                  rowsSeen: items.length,
                  rowsUnreadable: rejected,
                };
              },
              signal,
            ),
          toInfo: (error, signal) =>
            classifyTransportError(
              error,
              requester.context({ method: 'GET', url: apiBase, purpose: 'api' }),
              signal,
            ),
        },
        validateOptions,
      ),
    listClients: async (list) => (await listClientsWithStats(list)).rows,
    listClientsWithStats,
    getAgentMe,
    listTeams: (call = {}) =>
      listFrom('/Team', (json) => parseList(json, ['teams'], haloTeamSchema).items, call.signal),
    listTopLevels: (call = {}) =>
      listFrom(
        '/TopLevel',
        (json) => parseList(json, ['tree', 'toplevels'], haloTopLevelSchema).items,
        call.signal,
      ),
    close: () => transport.close(),
  };
}
