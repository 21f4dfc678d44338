/**
 * Organization -> Halo client matching for "Suggest Values". Pure: no I/O, no Electron; run it in a
 * worker (`suggest-worker.ts`) for large lists so the main process stays responsive.
 */
export { MappingAbortedError } from './abort';
export { registrableDomain } from './domain';
export { type NameKeys, normaliseName } from './normalise-name';
export { DEFAULT_MARGIN, DEFAULT_THRESHOLD, suggestMappings, summariseSuggestions } from './suggest';
export {
  createSuggestWorkerClient,
  type SuggestWorkerClient,
  type WorkerLike,
} from './suggest-worker-client';
export { tokenSimilarity } from './token-similarity';
export type {
  AbortFlag,
  HaloClientInput,
  MatchSignal,
  OrganizationClientPair,
  OrganizationInput,
  OrganizationSuggestion,
  ScoredClient,
  SuggestOptions,
  SuggestResult,
  SuggestSummary,
} from './types';
