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
      /**
       * Evidence other than the score (one name contained in the other): the match stands even when
       * another organization scores higher on the same client.
       */
      standsWithOthers?: boolean;
    }
  | { kind: 'ambiguous' | 'none'; reason: string; candidates: Candidate[] };
