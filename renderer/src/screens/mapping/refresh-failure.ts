import { type HaloErrorCode, unreachableHaloCodes } from '../../../../shared/halo-errors';

/** Halo could not be reached at all (or the connection broke mid-answer): the app is working offline. */
const UNREACHABLE: ReadonlySet<string> = new Set<HaloErrorCode>([
  ...unreachableHaloCodes,
  'connection-reset',
]);

/** Halo answered and refused who we are or what we may do: not offline, the credentials need fixing. */
const REFUSED_ACCESS: ReadonlySet<string> = new Set<HaloErrorCode>([
  'invalid-client',
  'invalid-tenant',
  'unauthorized',
  'missing-scope',
  'invalid-scope',
  'forbidden',
]);

/**
 * The headline of a failed Refresh Options, by cause: "working offline" only when Halo could not be
 * reached. A wrong secret is Halo refusing the credentials, which a technician fixes in Connection, not
 * by waiting for the network.
 */
export function refreshFailureHeadline(haloCode: string | null): string {
  if (haloCode === null) return 'Refresh Options failed.';
  if (UNREACHABLE.has(haloCode)) return 'Refresh Options failed: working offline.';
  if (REFUSED_ACCESS.has(haloCode)) return 'Refresh Options failed: Halo refused the credentials.';
  if (haloCode === 'rate-limited') return 'Refresh Options failed: Halo kept refusing for its rate limit.';
  return 'Refresh Options failed: Halo answered with an error.';
}
