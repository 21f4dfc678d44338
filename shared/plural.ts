/**
 * "1 row", "2 rows", "10,000 rows": a count and its noun, for every message the app words, in the
 * backend and on screen alike. The count is grouped the en-US way because every message is English.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
