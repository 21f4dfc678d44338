/**
 * Organization -> Halo client matching for "Suggest Values". Pure: no I/O, no Electron, no file formats;
 * the backend runs it in a worker (electron/suggest-worker/) so the main process stays responsive.
 */
export { MappingAbortedError } from './abort';
export { registrableDomain } from './domain';
export { type NameKeys, normaliseName } from './normalise-name';
export { DEFAULT_MARGIN, DEFAULT_THRESHOLD, suggestMappings, summariseSuggestions } from './suggest';
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
