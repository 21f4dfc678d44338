/**
 * The outcome of checking one form field: either the normalised value (and whether it differs from
 * what was typed, so the form can show the cleaned-up text) or one message saying what to enter.
 */
export type FieldResult<T = string> =
  | { ok: true; value: T; changed: boolean; note?: string }
  | { ok: false; message: string };

export function accepted<T>(value: T, changed: boolean, notes: readonly string[] = []): FieldResult<T> {
  return notes.length > 0
    ? { ok: true, value, changed, note: notes.join(' ') }
    : { ok: true, value, changed };
}

export function refused(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** Shortens user input quoted in a message, so one absurd paste cannot flood the screen. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
