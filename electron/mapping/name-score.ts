import type { ClientRecord } from './client-index';
import type { TokenNeighbour, Vocabulary } from './vocabulary';

/** An organization name prepared for fuzzy scoring: its words, their weights and their neighbours. */
export interface QueryName {
  tokens: string[];
  /** IDF weight per word; a word no client has gets the rarest weight. */
  weights: number[];
  /** Per word: the client words it stands for, with similarity (1 for equal, <1 for a tolerated typo). */
  neighbours: (readonly TokenNeighbour[])[];
  weightTotal: number;
}

const MAX_PAIRED_WORDS = 30;

export function prepareQuery(tokens: readonly string[], vocabulary: Vocabulary): QueryName {
  const weights: number[] = [];
  const neighbours: (readonly TokenNeighbour[])[] = [];
  let weightTotal = 0;
  for (const token of tokens) {
    const exactId = vocabulary.idOf(token);
    const weight = exactId === undefined ? vocabulary.unknownWeight : vocabulary.idf(exactId);
    weights.push(weight);
    // Shared, memoised lists: preparing a query allocates next to nothing.
    neighbours.push(vocabulary.neighbours(token));
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
  return scoreWith(query, client, vocabulary, (q, tokenId) => {
    const neighbours = query.neighbours[q];
    if (neighbours === undefined) return undefined;
    for (const neighbour of neighbours) if (neighbour.tokenId === tokenId) return neighbour.similarity;
    return undefined;
  });
}

/** Word similarity of the query's word `q` to a client word, or undefined when they are unrelated. */
export type WordSimilarity = (q: number, tokenId: number) => number | undefined;

/**
 * The score itself, with the word similarity supplied: `scoreName` looks it up in the neighbours the
 * index found; a brute-force baseline can compute it directly for every pair.
 */
export function scoreWith(
  query: QueryName,
  client: ClientRecord,
  vocabulary: Vocabulary,
  similarityOf: WordSimilarity,
): number {
  const pairs: { q: number; c: number; similarity: number; weight: number }[] = [];
  // Words past the 30th are ignored for pairing (bit masks below); no real company name is that long.
  const queryWords = Math.min(query.weights.length, MAX_PAIRED_WORDS);
  const clientWords = Math.min(client.tokenIds.length, MAX_PAIRED_WORDS);
  for (let q = 0; q < queryWords; q++) {
    for (let c = 0; c < clientWords; c++) {
      const tokenId = client.tokenIds[c] ?? -1;
      const similarity = similarityOf(q, tokenId);
      if (similarity !== undefined && similarity > 0) {
        pairs.push({ q, c, similarity, weight: vocabulary.idf(tokenId) });
      }
    }
  }
  if (pairs.length === 0) return 0;
  pairs.sort(bySimilarityThenWeight);
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

function bySimilarityThenWeight(
  a: { similarity: number; weight: number },
  b: { similarity: number; weight: number },
) {
  return b.similarity - a.similarity || b.weight - a.weight;
}
