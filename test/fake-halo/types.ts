/**
 * The fake Halo's public types: the contract agreed with the Halo client's author (see index.ts).
 * Kept in one file so every module of the fake speaks the same shapes.
 */

/** One customer row as /api/Client returns it (real Halo field names). */
export interface FakeClientRow {
  id: number;
  name: string;
  toplevel_id: number;
  toplevel_name: string;
  inactive: boolean;
  main_site_id: number;
  main_site_name: string;
  website: string;
  ref: string;
  colour: string;
  is_vip: boolean;
  customertype: number;
  accountsid: string;
  notes: string;
  /**
   * The client's Microsoft tenant records (Halo's AreaAzureTenant). Listed on `GET /api/Client` rows only
   * with `includeazuretenants=true`, as Halo does; absent means none.
   */
  azure_tenants?: FakeAzureTenant[];
}

/**
 * One AreaAzureTenant record as Halo serves it (the model's fields, less `new_access_token` and
 * `token_expiry`, which the fake never holds, and `_warning`).
 */
export interface FakeAzureTenant {
  id: number;
  details_id: number;
  client_id: number;
  client_name: string;
  azure_tenant_id: string;
  azure_tenant_name: string;
  azure_tenant_domain: string;
  details_name: string;
  licence_import_type: number;
  relationship_type: number;
}

export interface FakeAgent {
  id: number;
  name: string;
  email: string;
  isdisabled: boolean;
  isapiagent: boolean;
  teamIds: number[];
}

export interface FakeTeam {
  id: number;
  name: string;
}

export interface FakeRateLimit {
  limit: number;
  windowMs: number;
  sendRetryAfter?: boolean;
}

export type FakeTopLevelShape = 'array' | 'wrapper' | 'toplevels-wrapper';

export interface FakeHaloOptions {
  /** number => that many seeded clients with realistic MSP names (deterministic from `seed`); default 300 */
  clients?: number | FakeClientRow[];
  /** default 1 */
  seed?: number;
  /** Extra (beyond the agreed API): the port to listen on, on 127.0.0.1. Default 0 (a random free port). */
  port?: number;
  /** fraction of seeded clients marked inactive, default 0.05 */
  inactiveShare?: number;
  /** HTTPS with a CA the fake generates at start; default false (plain HTTP) */
  tls?: boolean;
  /** names the server certificate covers; default ['localhost', '127.0.0.1'] */
  tlsHostnames?: string[];
  /** Extra (beyond the agreed API): serve a server certificate whose validity ended yesterday. Default false. */
  tlsExpired?: boolean;
  /** default FAKE_CLIENT_ID / FAKE_CLIENT_SECRET */
  credentials?: { clientId: string; clientSecret: string };
  /**
   * 'required': a token request without the right ?tenant= fails with 400 invalid_request;
   * 'optional': a wrong non-empty tenant fails, a missing one is fine. Default: none (tenant ignored).
   */
  tenant?: { name: string; mode: 'optional' | 'required' };
  /**
   * Extra (beyond the agreed API), for the setup wizard's tests: the scope the application was given in
   * Halo (its Permissions tab), e.g. 'read:customers'. Tokens then carry this scope whatever was asked
   * for, and, without 'all', every /api call refuses them. Default: the scope asked for.
   */
  grantedScope?: string;
  /**
   * Extra (beyond the agreed API): with `grantedScope`, answer a token request for a scope the
   * application was not given with 400 `{"error":"invalid_scope"}`, as Halo's identity server does,
   * instead of issuing a token with the granted scope. Default false.
   */
  refuseUngrantedScope?: boolean;
  /** expires_in, default 3600 */
  tokenLifetimeSeconds?: number;
  /** silent page cap, default 100 */
  pageCap?: number;
  /** default { limit: 300, windowMs: 300_000, sendRetryAfter: false }; counts every request incl. token */
  rateLimit?: FakeRateLimit | false;
  /** added to every response, default 0 */
  latencyMs?: number;
  /** Agent/me; default an enabled API agent "Rewst API" id 7 in every team */
  agent?: FakeAgent;
  /** default a handful of realistic teams */
  teams?: FakeTeam[];
  /**
   * /api/TopLevel response shape, default 'array'. 'wrapper' answers `{ record_count, tree: [...] }`;
   * 'toplevels-wrapper' (an extra beyond the agreed API) answers `{ record_count, toplevels: [...] }`.
   */
  topLevelShape?: FakeTopLevelShape;
  /** injectable clock (ms) for token expiry and the rate window; default Date.now */
  now?: () => number;
}

export type FakeFault =
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  | { kind: 'html-error' }
  | { kind: 'malformed-json' }
  | { kind: 'drop' }
  | { kind: 'hang'; ms: number };

export interface FakeHaloStats {
  requests: number;
  tokenRequests: number;
  apiRequests: number;
  rateLimited: number;
  byPath: Record<string, number>;
  /** how many times each client id was returned in /api/Client list rows */
  clientIdsServed: Record<number, number>;
}

export interface FakeHaloRuntimeSettings {
  latencyMs: number;
  lyingRecordCount: number | null;
  shiftRowsDuringPaging: boolean;
  tokenLifetimeSeconds: number;
  rateLimit: FakeHaloOptions['rateLimit'];
}

export interface FakeHalo {
  /** e.g. "http://127.0.0.1:41234" or "https://localhost:41234", no trailing slash */
  url: string;
  /** "127.0.0.1:41234" (or "localhost:41234" with tls): what a user would type as hostname */
  host: string;
  port: number;
  /** the generated CA certificate (PEM) when tls is on */
  caPem: string | null;
  stats: FakeHaloStats;
  resetStats(): void;
  /** Faults for the next N requests whose path matches (case-insensitive substring); consumed in order. */
  injectFault(pathMatch: string, fault: FakeFault, times?: number): void;
  /** Change behaviour while running. */
  configure(patch: Partial<FakeHaloRuntimeSettings>): void;
  expireAllTokens(): void;
  /** the current rows (copies) */
  clients(): FakeClientRow[];
  setClients(rows: FakeClientRow[]): void;
  stop(): Promise<void>;
}
