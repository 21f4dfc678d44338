/**
 * A fake Halo PSA server for unit tests, end-to-end tests, benchmarks and the demo sandbox.
 *
 * It reproduces the parts of Halo this app talks to, with the traps real instances have
 * (see /work/shared/halo-api.md §7 for where they come from):
 * - `POST /auth/token` and `POST /token` (client credentials, form body, optional `?tenant=`):
 *   `401 {"error":"invalid_client"}` for a bad id/secret, `400 invalid_request` for a wrong tenant,
 *   and a token issued without `scope=all` that every /api call then refuses;
 * - `GET /api/authinfo` without a token; every other `/api/*` needs a live bearer token, else
 *   401 with `WWW-Authenticate: Bearer`;
 * - `/api/Client` paging rules: `pageinate`, `page_size`, `page_no`, `count`, the silent 100-row cap,
 *   `search`, `includeinactive`/`includeactive`, `toplevel_id`, `order`/`orderdesc`, unknown
 *   parameters ignored, and on demand a lying `record_count` or rows shifting between pages;
 * - `/api/Client/{id}`, `/api/Site`, `/api/Agent/me`, `/api/Agent`, `/api/Team`, `/api/TopLevel`;
 * - a rolling-window rate limiter (429 with Halo's body), injectable latency and faults, HTTPS with a
 *   private CA, and IIS's HTML 404 page for unknown paths.
 */
export { fakeClientRow } from './client-row';
export { defaultAgent, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET } from './defaults';
export { startFakeHalo } from './server';
export type {
  FakeAgent,
  FakeAzureTenant,
  FakeClientRow,
  FakeFault,
  FakeHalo,
  FakeHaloOptions,
  FakeHaloRuntimeSettings,
  FakeHaloStats,
  FakeRateLimit,
  FakeTeam,
  FakeTopLevelShape,
} from './types';
