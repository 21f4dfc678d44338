import { decodeHtmlEntities } from '../../shared/html-entities';

/** The longest client name the app keeps, in code points (Halo's own name column is wider than a screen). */
export const MAX_CLIENT_NAME_LENGTH = 255;

/** Line breaks, tabs and Unicode line/paragraph separators: they separate words, so they become spaces. */
const SEPARATORS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
/**
 * Control (Cc) and format (Cf) characters: C0/C1 controls, bidi overrides and isolates, zero-width
 * spaces and joiners, the BOM. They are invisible or reorder text, so a name carrying them could look
 * like another client's name; they are dropped.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export interface CleanedName {
  name: string;
  /** The name differs from Halo's: characters removed, whitespace collapsed, or cut for length. */
  cleaned: boolean;
  /** The name was longer than MAX_CLIENT_NAME_LENGTH and was cut, ending in "…". */
  truncated: boolean;
}

/**
 * Any text Halo shows a person (a top-level, site or team name) as the app shows it: HTML entities
 * decoded, one line, no invisible or reordering characters, single spaces.
 */
export function cleanHaloText(raw: string): string {
  return oneVisibleLine(decodeHtmlEntities(raw));
}

function oneVisibleLine(text: string): string {
  return text.replace(SEPARATORS, ' ').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * A Halo client name as the app shows and stores it: entities decoded ("Baker &amp; Co" is "Baker & Co"),
 * one line, no invisible or reordering characters, single spaces, at most 255 code points (cut on a
 * code-point boundary, so no half surrogate pair). `fallback` is used when nothing readable is left.
 * `cleaned` counts what changed beyond the decoding: an encoded "&" is how Halo stores it, not damage.
 */
export function cleanClientName(raw: string, fallback: string): CleanedName {
  const decoded = decodeHtmlEntities(raw);
  const visible = oneVisibleLine(decoded);
  const readable = visible === '' ? fallback : visible;
  const codePoints = Array.from(readable);
  const truncated = codePoints.length > MAX_CLIENT_NAME_LENGTH;
  const name = truncated ? `${codePoints.slice(0, MAX_CLIENT_NAME_LENGTH - 1).join('')}…` : readable;
  return { name, cleaned: name !== decoded, truncated };
}
