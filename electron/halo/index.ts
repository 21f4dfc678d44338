/**
 * The Halo API client: URLs, token, paging, pacing and retries, classified errors. No Electron import:
 * the backend composes it, tests drive it against the fake Halo over real sockets.
 */
export { agentFacts } from './agent-facts';
export { type ClientTenants, readClientTenants } from './azure-tenants';
export { backoffDelayMs, parseRetryAfter, rateLimitDelayMs } from './backoff';
export { classifyResponse, classifyTransportError, describeErrorBody } from './classify-error';
export type {
  CallOptions,
  HaloClient,
  HaloClientOptions,
  ListClientsOptions,
  ListClientsProgress,
} from './client';
export { createHaloClient } from './client';
export { type ClientRecords, toClientRecords } from './client-record';
export { type HaloClock, realClock } from './clock';
export { HaloError, isHaloError } from './halo-error';
export type { PacerBudget } from './pacer';
export type { PagingStats } from './paging';
export type { ProxySettings } from './proxy-settings';
export type { HaloRequestInfo } from './requester';
export type { HaloAgent, HaloClientRow, HaloTeam, HaloTopLevel } from './schemas';
export type { HaloProtocol } from './urls';
export { apiBaseUrl, resolveTokenEndpoint } from './urls';
export type { ValidateOptions } from './validate';
