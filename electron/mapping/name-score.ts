import type { ClientRecord } from './client-index';
import type { Vocabulary } from './vocabulary';

/** An organization name prepared for fuzzy scoring: its words, their weights and their neighbours. */
export interface QueryName {
  tokens: string[];
  /** IDF weight per word; a word no client has gets the rarest weight. */
  weights: number[];
  /** Per word: client word id -> similarity (1 for equal, <1 for a tolerated typo). */
  neighbours: Map<number, number>[];
  weightTotal: number;
}

const MAX_PAIRED_WORDS = 30;

/**
 * How much a typo match counts when the word is itself a real word that some client has: "Hall" is a
 * surname, not a misspelt "Hull", and "Bradley" is not "Bramley". (Counting words across our own
 * organizations instead does not work: common misspellings like "Enginering" repeat.)
 */
const REAL_WORD_TYPO_FACTOR = 0.6;

export function prepareQuery(tokens: readonly string[], vocabulary: Vocabulary): QueryName {
  const weights: number[] = [];
  const neighbours: Map<number, number>[] = [];
  let weightTotal = 0;
  for (const token of tokens) {
    const exactId = vocabulary.idOf(token);
    const weight = exactId === undefined ? vocabulary.unknownWeight : vocabulary.idf(exactId);
    const map = new Map<number, number>();
    const typoFactor = exactId !== undefined ? REAL_WORD_TYPO_FACTOR : 1;
    for (const neighbour of vocabulary.neighbours(token)) {
      const exact = neighbour.tokenId === exactId;
      map.set(neighbour.tokenId, exact ? neighbour.similarity : neighbour.similarity * typoFactor);
    }
    weights.push(weight);
    neighbours.push(map);
    weightTotal += weight;
  }
  return { tokens: tokens.slice(), weights, neighbours, weightTotal };
}

/**
 * IDF-weighted soft token Dice between an organization name and a client name, 0..1.
 *
 * Words are paired one-to-one, best similarity first; a pair contributes its similarity times the client
 * word's weight on both sides, so a misspelt word counts as much as the word it stands for. Unpaired
 * words only add to the denominator, weighted by rarity: "acme" vs "acme capital partners" or
 * "northgate plumbing" vs "northgate pharmacy" lose a heavy word and stay well below a match, while
 * "acme consulting" vs "acme consulting services" loses only the light "services".
 */
export function scoreName(query: QueryName, client: ClientRecord, vocabulary: Vocabulary): number {
  const pairs: { q: number; c: number; similarity: number; weight: number }[] = [];
  // Words past the 30th are ignored for pairing (bit masks below); no real company name is that long.
  const queryWords = Math.min(query.neighbours.length, MAX_PAIRED_WORDS);
  const clientWords = Math.min(client.tokenIds.length, MAX_PAIRED_WORDS);
  for (let q = 0; q < queryWords; q++) {
    const neighbours = query.neighbours[q];
    if (neighbours === undefined || neighbours.size === 0) continue;
    for (let c = 0; c < clientWords; c++) {
      const tokenId = client.tokenIds[c] ?? -1;
      const similarity = neighbours.get(tokenId);
      if (similarity !== undefined) pairs.push({ q, c, similarity, weight: vocabulary.idf(tokenId) });
    }
  }
  if (pairs.length === 0) return 0;
  pairs.sort((a, b) => b.similarity - a.similarity || b.weight - a.weight);
  let usedQuery = 0;
  let usedClient = 0;
  let matched = 0;
  let queryWeight = query.weightTotal;
  for (const pair of pairs) {
    const qBit = 1 << pair.q;
    const cBit = 1 << pair.c;
    if ((usedQuery & qBit) !== 0 || (usedClient & cBit) !== 0) continue;
    usedQuery |= qBit;
    usedClient |= cBit;
    matched += 2 * pair.similarity * pair.weight;
    // The organization's word counts with its client counterpart's weight (a typo is not a rare word).
    queryWeight += pair.weight - (query.weights[pair.q] ?? 0);
  }
  const denominator = queryWeight + client.weightTotal;
  return denominator > 0 ? Math.min(1, matched / denominator) : 0;
}
