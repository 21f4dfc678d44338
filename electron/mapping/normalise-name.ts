import { decodeHTML } from 'entities';
import { ABBREVIATIONS, STOP_WORDS } from './abbreviations';
import { LEGAL_FORM_TOKENS, QUALIFIER_TOKENS } from './legal-forms';
import { stripAccents, transliterateUmlauts } from './transliterate';

/**
 * Every key the matcher compares a name by, computed once per name.
 * - `exact`: the name as a person reads it (entities decoded, Unicode NFC, spaces collapsed), case kept.
 * - `key`: the normalised name: no accents, lowercase, punctuation, "the", "and", legal forms and office
 *   qualifiers gone, abbreviations expanded. A bracketed or dashed location stays in the key, because
 *   "Acme (Leeds)" and "Acme (York)" are usually two different clients.
 * - `altKey`: the same with German-style umlauts ("mueller"), when the name has any.
 * - `compactKey`: `key` without spaces, so "North Gate" meets "Northgate".
 * - `tokens`: the words of `key`.
 */
export interface NameKeys {
  exact: string;
  key: string;
  altKey: string | null;
  compactKey: string;
  tokens: string[];
}

/**
 * HTML entities come from Halo's web UI storing "&amp;" for "&"; some rows are encoded twice
 * ("&amp;amp;"), so decode up to twice. `entities` (fb55, used by parse5 and htmlparser2) has the full
 * HTML5 table including numeric and legacy forms, which a hand-made table would not.
 */
function decodeEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < 2 && current.includes('&'); pass++) {
    const decoded = decodeHTML(current);
    if (decoded === current) break;
    current = decoded;
  }
  return current;
}

const APOSTROPHES = /['\u2018\u2019`\u00b4]/g;
const AMPERSAND = /[&+]/g;
// "S.A.", "e.V.", "o.o." -> "sa", "ev", "oo": initialisms lose their dots instead of splitting.
const INITIALISM = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}]\.){2,}/gu;
const BRACKETED = /[([{]([^)\]}]*)[)\]}]?/g;
const DASH_SEPARATOR = /\s+[-\u2013\u2014|/]+\s+|\s+[-\u2013\u2014]+$/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

function wordsOf(segment: string): string[] {
  const words: string[] = [];
  for (const raw of segment.split(NOT_WORD)) {
    if (raw === '') continue;
    const word = ABBREVIATIONS.get(raw) ?? raw;
    if (!STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

function endsWith(tokens: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > tokens.length) return false;
  const offset = tokens.length - tail.length;
  for (let i = 0; i < tail.length; i++) {
    if (tokens[offset + i] !== tail[i]) return false;
  }
  return true;
}

/** Removes trailing legal forms and office qualifiers repeatedly ("Acme UK Ltd - HQ"), keeping `keep` words. */
function stripTrailingNoise(tokens: string[], keep: number): string[] {
  const result = tokens.slice();
  let changed = true;
  while (changed && result.length > keep) {
    changed = false;
    for (const table of [LEGAL_FORM_TOKENS, QUALIFIER_TOKENS]) {
      for (const tail of table) {
        if (result.length - tail.length >= keep && endsWith(result, tail)) {
          result.length -= tail.length;
          changed = true;
          break;
        }
      }
    }
  }
  return result;
}

function dropLeadingThe(tokens: string[]): string[] {
  return tokens.length > 1 && tokens[0] === 'the' ? tokens.slice(1) : tokens;
}

/** Tokens of one lowercase, accent-free spelling of a name. */
function tokensOf(text: string): string[] {
  const cleaned = text
    .replace(AMPERSAND, ' and ')
    .replace(APOSTROPHES, '')
    .replace(INITIALISM, (match) => match.replaceAll('.', ''));
  const extras: string[] = [];
  const main = cleaned.replace(BRACKETED, (_match, inner: string) => {
    extras.push(inner);
    return ' ';
  });
  const [head = '', ...tail] = main.split(DASH_SEPARATOR);
  extras.unshift(...tail);

  let name = stripTrailingNoise(dropLeadingThe(wordsOf(head)), 1);
  const location: string[] = [];
  for (const extra of extras) {
    // A bracket or dash part that is only a legal form or a qualifier ("(HQ)", "- Head Office") is noise;
    // anything else ("(Leeds)") says which client this is and stays.
    location.push(...stripTrailingNoise(dropLeadingThe(wordsOf(extra)), 0));
  }
  if (name.length === 0) {
    name = location.splice(0, location.length);
  }
  const tokens = name.concat(location);
  if (tokens.length > 0) return tokens;
  // Never normalise a name down to nothing: fall back to its plain words.
  return text.split(NOT_WORD).filter((word) => word !== '');
}

export function normaliseName(raw: string): NameKeys {
  const exact = decodeEntities(raw).normalize('NFC').replace(/\s+/g, ' ').trim();
  const tokens = tokensOf(stripAccents(exact).toLowerCase());
  const key = tokens.join(' ');
  const transliterated = transliterateUmlauts(exact);
  const altTokens = transliterated === null ? null : tokensOf(transliterated.toLowerCase());
  const altKey = altTokens === null ? null : altTokens.join(' ');
  return {
    exact,
    key,
    altKey: altKey === key ? null : altKey,
    compactKey: tokens.join(''),
    tokens,
  };
}
