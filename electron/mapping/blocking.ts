import type { ClientRecord } from './client-index';
import type { QueryName } from './name-score';
import type { Candidate } from './outcome';
import type { Vocabulary } from './vocabulary';

/**
 * Blocking: finds the few clients worth scoring for one name without looking at every client.
 *
 * The name's words are visited rarest first through the inverted index (word -> clients), each client
 * adding up the weight of the words it shares. Once the words still to visit are too light to lift a
 * client that shares none of the visited ones to `floor` (the score is at most 2R / (W + R) for remaining
 * weight R of a name weighing at least W), common words like "services" no longer bring in new clients;
 * they only add to the clients already found. The best `limit` by that estimate are scored in full.
 */
export class Blocker {
  private readonly accumulator: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly records: readonly ClientRecord[],
    private readonly vocabulary: Vocabulary,
  ) {
    this.accumulator = new Float64Array(records.length);
    this.touched = new Int32Array(records.length);
  }

  candidates(
    query: QueryName,
    floor: number,
    limit: number,
    excluded: ReadonlySet<number> | undefined,
  ): Candidate[] {
    const { vocabulary, accumulator, touched, records } = this;
    // What each word can contribute: its best client-side neighbour's weight (a misspelt word is as
    // heavy as the word it stands for, not as heavy as an unknown word).
    const reach: number[] = [];
    let queryWeight = 0;
    let remaining = 0;
    for (let at = 0; at < query.neighbours.length; at++) {
      let best = 0;
      for (const { tokenId, similarity } of query.neighbours[at] ?? []) {
        best = Math.max(best, similarity * vocabulary.idf(tokenId));
      }
      reach.push(best);
      remaining += best;
      // Least this word adds to the name's side of the denominator, matched or not.
      queryWeight += best > 0 ? Math.min(best, query.weights[at] ?? 0) : (query.weights[at] ?? 0);
    }
    const order = reach.map((_, at) => at).sort((a, b) => (reach[b] ?? 0) - (reach[a] ?? 0));
    let touchedCount = 0;
    for (const at of order) {
      const neighbours = query.neighbours[at];
      const opensNewClients = touchedCount === 0 || (2 * remaining) / (queryWeight + remaining) >= floor;
      remaining -= reach[at] ?? 0;
      if (neighbours === undefined) continue;
      for (const { tokenId, similarity } of neighbours) {
        const gain = similarity * vocabulary.idf(tokenId);
        if (opensNewClients) {
          for (const position of vocabulary.postings(tokenId)) {
            if (accumulator[position] === 0) touched[touchedCount++] = position;
            accumulator[position] = (accumulator[position] ?? 0) + gain;
          }
        } else {
          // Only clients found so far can still make it: check their words instead of the word's clients.
          for (let n = 0; n < touchedCount; n++) {
            const position = touched[n] ?? 0;
            if (records[position]?.tokenIds.includes(tokenId) === true) {
              accumulator[position] = (accumulator[position] ?? 0) + gain;
            }
          }
        }
      }
    }
    const top: Candidate[] = [];
    for (let n = 0; n < touchedCount; n++) {
      const position = touched[n] ?? 0;
      const shared = accumulator[position] ?? 0;
      accumulator[position] = 0;
      const record = records[position];
      if (record === undefined || excluded?.has(record.id) === true) continue;
      const estimate = (2 * shared) / (queryWeight + record.weightTotal);
      if (top.length === limit && estimate <= (top[limit - 1]?.score ?? 0)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]?.score ?? 0) < estimate) at--;
      top.splice(at, 0, { position, score: estimate });
      if (top.length > limit) top.pop();
    }
    return top;
  }
}
