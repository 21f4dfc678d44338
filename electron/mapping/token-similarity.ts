/**
 * Similarity of two words, tolerant of the one- or two-keystroke typos people make when they type a
 * customer name twice, and strict everywhere else: short words and words with digits must be equal
 * ("acme" vs "acne" or "unit 4" vs "unit 5" are different names, not typos).
 */

// Rolling rows reused across calls: this runs for every typo candidate, so it should not allocate.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Damerau-Levenshtein without re-edits), or `max + 1` once above `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (rows[0].length <= lb) rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  // Three rows are enough for OSA: transpositions look two rows back.
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= lb; j++) previous[j] = j;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const recycled = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = recycled;
  }
  return previous[lb] as number;
}

const HAS_DIGIT = /\d/;

/** Shortest word in which one typo is tolerated, and in which two are. */
export const MIN_LENGTH_ONE_EDIT = 4;
export const MIN_LENGTH_TWO_EDITS = 7;

/** How many edits two words of these lengths may differ by and still count as the same word. */
export function allowedEdits(lengthA: number, lengthB: number): number {
  const shorter = Math.min(lengthA, lengthB);
  if (shorter >= MIN_LENGTH_TWO_EDITS) return 2;
  if (shorter >= MIN_LENGTH_ONE_EDIT) return 1;
  return 0;
}

/** 1 for equal words; less for a tolerated typo (see below); 0 for different words. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const max = allowedEdits(a.length, b.length);
  if (max === 0 || HAS_DIGIT.test(a) || HAS_DIGIT.test(b)) return 0;
  // People rarely get the first letter wrong, while look-alike names often differ exactly there
  // ("Northgate" / "Southgate", "Harris" / "Parris"): a different first letter is not a typo, unless
  // the first two letters are swapped.
  if (a.charCodeAt(0) !== b.charCodeAt(0) && !(a[0] === b[1] && a[1] === b[0])) return 0;
  const distance = boundedEditDistance(a, b, max);
  if (distance > max) return 0;
  // One typo costs little (0.88 in a four-letter word, 0.95 in a ten-letter one); two cost much more
  // (0.75 .. 0.83), so a one-word name two edits away ("Stargate" / "Starpath") never passes alone.
  return 1 - (distance * distance) / (2 * Math.max(a.length, b.length));
}
