/**
 * Public types of the organization matcher. Kept apart from the algorithm so the renderer, the worker
 * and the store can import them without pulling in the matcher itself. What crosses IPC is derived from
 * the contract's zod schemas, so the matcher and the screen cannot drift apart.
 */
import type { z } from 'zod';
import type {
  HaloClientRecord,
  HaloClientTenant,
  scoredClientSchema,
  suggestOutcomeCountsSchema,
  suggestSignalSchema,
} from '../../shared/mapping-contract';

/** One of our organizations, as the mapping screen knows it. */
export interface OrganizationInput {
  id: string;
  name: string;
  /** Website or e-mail domain of the organization, in any form a user might type (scheme, www, path). */
  domain?: string | null;
  /** An identifier that another system stored in Halo (client ref, accounts id or the Halo id itself). */
  externalId?: string | null;
  /** The organization's Microsoft (Entra) tenant id: a GUID in any case, with or without braces. */
  microsoftTenantId?: string | null;
  /** Domains of the organization besides `domain`. */
  domains?: readonly string[];
}

/**
 * A Halo client as the matcher reads it: the app's one client record (the cache passes its records as
 * they are), of which only the id and name are required, so tests and benchmarks can pass less. Its
 * Microsoft tenants feed the tenant signal, their domains (often `<name>.onmicrosoft.com`) the domain one.
 */
export type HaloClientInput = Pick<HaloClientRecord, 'id' | 'name'> &
  Partial<Pick<HaloClientRecord, 'inactive' | 'website' | 'ref' | 'accountsId'>> & {
    tenants?: readonly Pick<HaloClientTenant, 'tenantId' | 'domain'>[];
  };

/** Which kind of evidence produced a suggestion. `none` also covers ambiguous rows (see `ambiguous`). */
export type MatchSignal = z.infer<typeof suggestSignalSchema>;

/** Anything with an `aborted` flag: an AbortSignal, or a view over a SharedArrayBuffer in a worker. */
export interface AbortFlag {
  readonly aborted: boolean;
}

export interface OrganizationClientPair {
  organizationId: string;
  clientId: number;
}

export interface SuggestOptions {
  /** Minimum fuzzy score (0..1) for a fuzzy suggestion. Default 0.84. */
  threshold?: number;
  /** Minimum lead of the best fuzzy candidate over the runner-up. Default 0.07. */
  margin?: number;
  /** Pairs the user accepted before: they win over every computed signal. */
  aliases?: readonly OrganizationClientPair[];
  /** Pairs the user rejected: never suggested again, whatever the evidence. */
  rejected?: readonly OrganizationClientPair[];
  /** Only produce rows for these organizations (the empty, non-excluded rows of the screen). */
  onlyOrganizationIds?: ReadonlySet<string>;
  /** Checked periodically; when it turns true the run stops with a `MappingAbortedError`. */
  signal?: AbortFlag;
}

export type ScoredClient = z.infer<typeof scoredClientSchema>;

export interface OrganizationSuggestion {
  organizationId: string;
  /** The suggested client, or null when nothing is good enough or the evidence is ambiguous. */
  clientId: number | null;
  /** Confidence 0..1 of the suggestion (for rows without one: the best candidate's score, else 0). */
  score: number;
  signal: MatchSignal;
  /** Human text saying why, e.g. "normalised name 'acme' = 'Acme Ltd'" or "fuzzy 0.93 over runner-up 0.71". */
  reason: string;
  /** The strongest other candidate, shown so the user can judge the margin. */
  runnerUp: ScoredClient | null;
  /** True when two or more clients fit about equally well, so nothing was suggested. */
  ambiguous: boolean;
  /** Up to three best candidates, best first (for an ambiguous row: the contenders). */
  candidates: ScoredClient[];
}

/** How many rows each outcome produced; every row is counted exactly once. */
export type SuggestSummary = z.infer<typeof suggestOutcomeCountsSchema>;

export interface SuggestResult {
  suggestions: OrganizationSuggestion[];
  summary: SuggestSummary;
}
