import type { MappingValue, Organization, Suggestion } from '../../../shared/mapping-contract';
import type { OrganizationInput, OrganizationSuggestion } from '../../mapping';
import type { CachedClient } from '../../store';

/** Suggestions that name a client (not ambiguous, not "no match"). */
export function suggestedCount(suggestions: readonly OrganizationSuggestion[]): number {
  return suggestions.filter((suggestion) => suggestion.clientId !== null).length;
}

export function toSuggestion(
  result: OrganizationSuggestion,
  clients: ReadonlyMap<number, CachedClient>,
): Suggestion {
  return {
    clientId: result.clientId,
    clientName: result.clientId === null ? null : (clients.get(result.clientId)?.name ?? null),
    score: result.score,
    signal: result.signal,
    reason: result.reason,
    ambiguous: result.ambiguous,
    runnerUp: result.runnerUp,
    // The contenders matter only when the matcher could not choose; elsewhere the runner-up says enough,
    // and dropping them keeps 10,000 rows from weighing megabytes on every mappings:get.
    candidates: result.ambiguous ? result.candidates : [],
  };
}

/** One of our organizations as the matcher reads it, with its Microsoft tenant and every domain. */
export function toOrganizationInput(organization: Organization): OrganizationInput {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...input } = organization;
  return input;
}

/** A row Suggest may fill: unmapped in the draft and when saved (so never a saved or hand-made choice). */
export function isEmptyRow(draft: MappingValue, saved: MappingValue): boolean {
  return draft.state === 'unmapped' && saved.state === 'unmapped';
}
