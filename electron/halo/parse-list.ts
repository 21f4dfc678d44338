import type { z } from 'zod';

/**
 * Halo's list endpoints answer either with a bare array or with a wrapper object whose list property
 * differs per resource (`clients`, `sites`, `teams`, `tree`, `toplevels`, ...). This helper accepts both
 * and validates each item on its own, so one odd row does not throw away the whole list.
 */

export interface ParsedList<T> {
  items: T[];
  /** Items that did not fit the schema (e.g. no numeric id); kept out of `items`. */
  rejected: number;
  /** One key per rejected item: its JSON text, so the same unreadable row read twice is known as one. */
  rejectedKeys: string[];
}

export class NotAListError extends Error {
  override readonly name = 'NotAListError';
}

/** The array inside `json`: the value itself, the first of `wrapperKeys` present, else the only array. */
export function findListArray(json: unknown, wrapperKeys: readonly string[]): unknown[] {
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>;
    for (const key of wrapperKeys) {
      const value = record[key];
      if (Array.isArray(value)) return value;
    }
    const arrays = Object.values(record).filter((value): value is unknown[] => Array.isArray(value));
    if (arrays.length === 1 && arrays[0] !== undefined) return arrays[0];
  }
  const expected =
    wrapperKeys.length > 0 ? `an array or an object with ${wrapperKeys.join('/')}` : 'an array';
  throw new NotAListError(`expected ${expected}`);
}

export function parseList<S extends z.ZodType>(
  json: unknown,
  wrapperKeys: readonly string[],
  itemSchema: S,
): ParsedList<z.infer<S>> {
  const items: z.infer<S>[] = [];
  const rejectedKeys: string[] = [];
  for (const raw of findListArray(json, wrapperKeys)) {
    const parsed = itemSchema.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else rejectedKeys.push(JSON.stringify(raw) ?? String(raw));
  }
  return { items, rejected: rejectedKeys.length, rejectedKeys };
}
