/**
 * The status of one mapping row, from its draft, what is saved, its suggestion and the cached Halo
 * client. Pure, so the rules are testable on their own and the same everywhere.
 *
 * - Excluded: the organization is deliberately not mapped (saved so).
 * - Mapped: saved, unchanged, and the client is active under the name it was mapped with.
 * - Stale: saved and unchanged, but the latest refresh says the client went inactive, was renamed, or
 *   is gone. The mapping and its name snapshot are kept; the user decides.
 * - Changed: the draft differs from what is saved (a new, different or removed mapping or exclusion).
 * - Conflict: an unsaved draft mapping to a client id that the latest refresh does not know (e.g. from
 *   an imported file of another instance, or a client deleted since it was picked). Save refuses while
 *   any row is in Conflict, so a mapping to a client that does not exist is never written.
 * - Suggested: unmapped, with a suggestion waiting for review.
 * - Unmapped: nothing else.
 */
import type {
  HaloOptionClient,
  MappingStatus,
  MappingValue,
  StaleReason,
  Suggestion,
} from '../../shared/mapping-contract';

export interface RowStatusInput {
  draft: MappingValue;
  saved: MappingValue;
  suggestion: Suggestion | null;
  /** The draft's client in the cache (null if not mapped or not in the cache). */
  client: HaloOptionClient | null;
  /** False before the first refresh: then nothing can be judged stale or in conflict. */
  cacheLoaded: boolean;
}

export interface RowStatus {
  status: MappingStatus;
  changed: boolean;
  staleReason: StaleReason | null;
  problem: string | null;
}

/** Two mapping values are the same choice: same state, same client, same name snapshot. */
export function sameMapping(a: MappingValue, b: MappingValue): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'mapped' && b.state === 'mapped')
    return a.clientId === b.clientId && a.clientName === b.clientName;
  return true;
}

function clientHealth(
  draft: Extract<MappingValue, { state: 'mapped' }>,
  client: HaloOptionClient | null,
): { reason: StaleReason; problem: string } | null {
  if (client === null) {
    return {
      reason: 'gone',
      problem: `Halo no longer has client ${draft.clientId} ("${draft.clientName}"); the mapping is kept until you change it.`,
    };
  }
  if (client.inactive) return { reason: 'inactive', problem: `"${client.name}" is inactive in Halo.` };
  if (client.name !== draft.clientName) {
    return { reason: 'renamed', problem: `Renamed in Halo from "${draft.clientName}" to "${client.name}".` };
  }
  return null;
}

export function rowStatus(input: RowStatusInput): RowStatus {
  const { draft, saved, suggestion, client, cacheLoaded } = input;
  const changed = !sameMapping(draft, saved);
  if (draft.state === 'mapped') {
    const health = cacheLoaded ? clientHealth(draft, client) : null;
    if (changed) {
      if (health?.reason === 'gone') {
        return {
          status: 'conflict',
          changed,
          staleReason: null,
          problem: `Halo has no client ${draft.clientId} ("${draft.clientName}") in the latest refresh: pick another client, or refresh options if it was added since.`,
        };
      }
      return { status: 'changed', changed, staleReason: null, problem: health?.problem ?? null };
    }
    if (health) return { status: 'stale', changed, staleReason: health.reason, problem: health.problem };
    return { status: 'mapped', changed, staleReason: null, problem: null };
  }
  if (changed) return { status: 'changed', changed, staleReason: null, problem: null };
  if (draft.state === 'excluded') return { status: 'excluded', changed, staleReason: null, problem: null };
  if (suggestion?.clientId != null) return { status: 'suggested', changed, staleReason: null, problem: null };
  return { status: 'unmapped', changed, staleReason: null, problem: null };
}
