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
  const pairing = pairWords(query, client, vocabulary, similarityOf);
  if (pairing === null || isShortOneWordTypo(query, client, pairing)) return 0;
  const { matched, queryWeight, usedQuery, usedClient } = pairing;
  const denominator = queryWeight + client.weightTotal;
  const score = denominator > 0 ? Math.min(1, matched / denominator) : 0;
  return hasConflictingNumbers(query, client, vocabulary, usedQuery, usedClient)
    ? score * CONFLICTING_NUMBER_FACTOR
    : score;
}

/**
 * Two one-word names a typo apart are only the same when the word is long: "Joss" is not "Joe's", nor
 * "Acme" "Acne", while "Northgate" / "Nortgate" still meet. In longer names the other words vouch.
 */
const MIN_LENGTH_ONE_WORD_TYPO = 5;

function isShortOneWordTypo(query: QueryName, client: ClientRecord, pairing: Pairing): boolean {
  if (query.tokens.length !== 1 || client.tokenIds.length !== 1) return false;
  const word = query.tokens[0] ?? '';
  return word.length < MIN_LENGTH_ONE_WORD_TYPO && !pairing.allEqual;
}

/** Which words of each side found a partner (bit masks), and the weights the score is made of. */
interface Pairing {
  /** Whether every paired word was equal, not a typo or another ending. */
  allEqual: boolean;
  matched: number;
  queryWeight: number;
  usedQuery: number;
  usedClient: number;
}

const scratch: Pairing = { allEqual: true, matched: 0, queryWeight: 0, usedQuery: 0, usedClient: 0 };

/** Pairs the words one to one, best similarity first; the result is only valid until the next call. */
function pairWords(
  query: QueryName,
  client: ClientRecord,
  vocabulary: Vocabulary,
  similarityOf: WordSimilarity,
): Pairing | null {
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
  if (pairs.length === 0) return null;
  pairs.sort(bySimilarityThenWeight);
  // One shared result object: this runs for every candidate of every name and should not allocate.
  const pairing = scratch;
  pairing.usedQuery = 0;
  pairing.usedClient = 0;
  pairing.matched = 0;
  pairing.queryWeight = query.weightTotal;
  pairing.allEqual = true;
  for (const pair of pairs) {
    const qBit = 1 << pair.q;
    const cBit = 1 << pair.c;
    if ((pairing.usedQuery & qBit) !== 0 || (pairing.usedClient & cBit) !== 0) continue;
    pairing.usedQuery |= qBit;
    pairing.usedClient |= cBit;
    if (pair.similarity < 1) pairing.allEqual = false;
    pairing.matched += 2 * pair.similarity * pair.weight;
    // The organization's word counts with its client counterpart's weight (a typo is not a rare word).
    pairing.queryWeight += pair.weight - (query.weights[pair.q] ?? 0);
  }
  return pairing;
}

/**
 * "Shining Star Academy III" vs "Shining Star Academy II", "Acme Unit 4" vs "Acme Unit 5": when both
 * names carry a number the other lacks, they are two sites or two entities, however alike the rest is.
 * The score drops by this factor, below any threshold a match needs.
 */
const CONFLICTING_NUMBER_FACTOR = 0.8;
const ROMAN_NUMERAL = /^(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)$/;
const DIGIT = /\d/;

export function isNumber(word: string): boolean {
  return DIGIT.test(word) || ROMAN_NUMERAL.test(word);
}

function hasConflictingNumbers(
  query: QueryName,
  client: ClientRecord,
  vocabulary: Vocabulary,
  usedQuery: number,
  usedClient: number,
): boolean {
  let queryNumber = false;
  for (let q = 0; q < query.tokens.length && q < MAX_PAIRED_WORDS; q++) {
    if ((usedQuery & (1 << q)) === 0 && isNumber(query.tokens[q] ?? '')) queryNumber = true;
  }
  if (!queryNumber) return false;
  for (let c = 0; c < client.tokenIds.length && c < MAX_PAIRED_WORDS; c++) {
    if ((usedClient & (1 << c)) === 0 && isNumber(vocabulary.word(client.tokenIds[c] ?? -1))) return true;
  }
  return false;
}

function bySimilarityThenWeight(
  a: { similarity: number; weight: number },
  b: { similarity: number; weight: number },
) {
  return b.similarity - a.similarity || b.weight - a.weight;
}
