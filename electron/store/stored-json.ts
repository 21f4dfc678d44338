import { z } from 'zod';

/** Where a JSON column that does not match its schema is reported (the backend's log). */
export type BadRowReporter = (line: string) => void;

/**
 * Parses a JSON column with its schema. A row another version, a bug or a hand edit wrote in another
 * shape is reported and answered as "unreadable" (the caller decides what that means for the user),
 * never cast and passed on to fail somewhere far from the table it came from.
 */
export function parseStoredJson<T>(
  schema: z.ZodType<T>,
  json: string,
  where: string,
  report: BadRowReporter,
): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    report(`${where} is not JSON (${error instanceof Error ? error.message : String(error)}); it is ignored`);
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  report(
    `${where} does not match its schema (${z.prettifyError(parsed.error).replaceAll('\n', ' ')}); it is ignored`,
  );
  return undefined;
}
