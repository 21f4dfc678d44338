/**
 * The Halo API permissions (OAuth scopes) this app asks for. It only reads: customers (clients, sites,
 * top levels) and the agent and its teams.
 *
 * - `all` is asked first: an application with every permission needs nothing else.
 * - When Halo refuses `all` (`invalid_scope`: the application was given less), the least set is asked:
 *   `read:customers` (reading customers) and `all:teams` (teams and agents).
 *
 * Sources for the names: the HaloAPI PowerShell module's scope list (homotechsual/HaloAPI,
 * Classes/HaloAuth.psm1: `all`, `all:standard`, `read:customers`, `edit:customers`, ...), CIPP's Halo
 * set-up guide (read:customers, edit:customers as Halo permissions) and the Halo set-up guides of Neo
 * Agent and Adaptive Catalog, which name `all:teams` as the permission for "your teams and agents".
 */
export const FULL_SCOPE = 'all';

/** Reading customers, and reading agents and teams: the least this app works with. */
export const MINIMUM_SCOPES = ['read:customers', 'all:teams'] as const;

/** The least set as one `scope` value of a token request. */
export const MINIMUM_SCOPE = MINIMUM_SCOPES.join(' ');

/** What each needed permission allows; a wider one of Halo's covers it too. */
const COVERED_BY: Record<(typeof MINIMUM_SCOPES)[number], readonly string[]> = {
  // edit:* includes reading the same area (a live probe in refractionPOINT/documentation#246 found so for tickets).
  'read:customers': ['read:customers', 'edit:customers'],
  'all:teams': ['all:teams'],
};

export interface ScopeVerdict {
  /** The granted scope covers everything this app reads. */
  enough: boolean;
  /** The permissions from MINIMUM_SCOPES it lacks (empty with `all`). */
  missing: string[];
}

/** Whether a granted `scope` (space-separated, as Halo's token answer has it) lets this app work. */
export function judgeScope(granted: string): ScopeVerdict {
  const scopes = new Set(granted.split(/\s+/).filter(Boolean));
  if (scopes.has(FULL_SCOPE)) return { enough: true, missing: [] };
  const missing = MINIMUM_SCOPES.filter((needed) => !COVERED_BY[needed].some((scope) => scopes.has(scope)));
  return { enough: missing.length === 0, missing };
}

/** How the checks name what they looked for. */
export const SCOPES_CHECKED = `“${FULL_SCOPE}”, or “${MINIMUM_SCOPES[0]}” with “${MINIMUM_SCOPES[1]}”`;
