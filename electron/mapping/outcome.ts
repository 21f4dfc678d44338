import type { MatchSignal } from './types';

/** A client (by position in the client index) with a score. */
export interface Candidate {
  position: number;
  score: number;
}

/** What the matcher concluded for one organization, before it is turned into a public suggestion. */
export type Outcome =
  | {
      kind: 'match';
      signal: Exclude<MatchSignal, 'none'>;
      position: number;
      score: number;
      reason: string;
      runnerUp: Candidate | null;
      candidates: Candidate[];
    }
  | { kind: 'ambiguous' | 'none'; reason: string; candidates: Candidate[] };
