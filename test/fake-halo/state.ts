import type { ClientDirectory } from './client-directory';
import type { FaultQueue } from './fault-queue';
import type { RollingWindowLimiter } from './rate-limiter';
import type { TokenStore } from './token-store';
import type { FakeAgent, FakeHaloOptions, FakeHaloStats, FakeTeam, FakeTopLevelShape } from './types';

/** Everything a running fake knows; the routes read it, `configure()` changes `settings` and `limiter`. */
export interface FakeState {
  baseUrl: string;
  readonly credentials: { clientId: string; clientSecret: string };
  readonly tenant: FakeHaloOptions['tenant'] | undefined;
  /** The application's permissions in Halo; undefined: whatever scope the token request asks for. */
  readonly grantedScope: string | undefined;
  /** Refuse (invalid_scope) a token request for a scope outside `grantedScope`. */
  readonly refuseUngrantedScope: boolean;
  readonly pageCap: number;
  readonly agent: FakeAgent;
  readonly teams: readonly FakeTeam[];
  readonly topLevelShape: FakeTopLevelShape;
  readonly tokens: TokenStore;
  readonly directory: ClientDirectory;
  readonly faults: FaultQueue;
  readonly stats: FakeHaloStats;
  limiter: RollingWindowLimiter | null;
  settings: {
    latencyMs: number;
    lyingRecordCount: number | null;
    shiftRowsDuringPaging: boolean;
    tokenLifetimeSeconds: number;
  };
}

export function emptyStats(): FakeHaloStats {
  return { requests: 0, tokenRequests: 0, apiRequests: 0, rateLimited: 0, byPath: {}, clientIdsServed: {} };
}
