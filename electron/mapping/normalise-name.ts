import { decodeHtmlEntities } from '../../shared/html-entities';
import { ABBREVIATIONS, STOP_WORDS } from './abbreviations';
import { LEGAL_FORM_TOKENS, QUALIFIER_TOKENS } from './legal-forms';
import { tokenSimilarity } from './token-similarity';
import { stripAccents, transliterateUmlauts } from './transliterate';

/**
 * Every key the matcher compares a name by, computed once per name.
 * - `exact`: the name as a person reads it (entities decoded, Unicode NFC, spaces collapsed), case kept.
 * - `key`: the normalised name: no accents, lowercase, punctuation, "the", "and", legal forms and office
 *   qualifiers gone, abbreviations expanded. A bracketed or dashed location stays in the key, because
 *   "Acme (Leeds)" and "Acme (York)" are usually two different clients.
 * - `altKey`: the same with German-style umlauts ("mueller"), when the name has any.
 * - `compactKey`: `key` without spaces, so "North Gate" meets "Northgate".
 * - `literalCompactKey`: the name's own words (abbreviations not expanded) without spaces, when that
 *   differs from `compactKey`: "ST Microelectronics" meets "STMicroelectronics", which "saint" would not.
 * - `sortedKey`: the words of `key` in alphabetical order, so "Bosch GmbH Robert" meets "Robert Bosch".
 * - `acronym`: the initials of a name of three words or more ("international business machines" ->
 *   "ibm"), or null.
 * - `tokens`: the words of `key`; a word said twice counts once.
 */
export interface NameKeys {
  exact: string;
  key: string;
  altKey: string | null;
  compactKey: string;
  literalCompactKey: string | null;
  sortedKey: string;
  acronym: string | null;
  tokens: string[];
}

const APOSTROPHES = /['\u2018\u2019`\u00b4]/g;
const HAS_APOSTROPHE = /['\u2018\u2019`\u00b4]/;
const AMPERSAND = /[&+]/g;
// "S.A.", "e.V.", "o.o." -> "sa", "ev", "oo": initialisms lose their dots instead of splitting.
const INITIALISM = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}]\.){2,}/gu;
const BRACKETED = /[([{]([^)\]}]*)[)\]}]?/g;
const HAS_BRACKET = /[([{]/;
const DASH_SEPARATOR = /\s+[-\u2013\u2014|/]+\s+|\s+[-\u2013\u2014]+$/;
const HAS_DASH = /[-\u2013\u2014|/]/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL on purpose
const NON_ASCII = /[^\u0000-\u007f]/;

/** Legal forms and qualifiers grouped by their last word, so a name's ending is looked up, not scanned. */
function byLastWord(tables: readonly (readonly (readonly string[])[])[]): Map<string, (readonly string[])[]> {
  const map = new Map<string, (readonly string[])[]>();
  for (const table of tables) {
    for (const tail of table) {
      const last = tail[tail.length - 1] ?? '';
      const list = map.get(last) ?? [];
      list.push(tail);
      list.sort((a, b) => b.length - a.length);
      map.set(last, list);
    }
  }
  return map;
}

const NOISE_BY_LAST_WORD = byLastWord([LEGAL_FORM_TOKENS, QUALIFIER_TOKENS]);
const LEGAL_FORM_BY_LAST_WORD = byLastWord([LEGAL_FORM_TOKENS]);

/**
 * The words the abbreviation table changed in the name being normalised (expanded -> as written), for
 * its literal compact key. Module state rather than a parameter threaded through every helper, as
 * normalising is synchronous; reset by `normaliseName`.
 */
const writtenAs = new Map<string, string>();

function addWord(words: string[], raw: string): void {
  const expanded = ABBREVIATIONS.get(raw);
  if (expanded !== undefined) writtenAs.set(expanded, raw);
  const word = expanded ?? raw;
  if (!STOP_WORDS.has(word)) words.push(word);
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * Runs of single letters become one word: "b v", "n v" (from "B. V.", "N,V,", "N..V.") -> "bv", "nv",
 * so a legal form written with spaces, commas or doubled dots is still a legal form. Both sides of a
 * comparison go through this, so initials ("J K Rowling" -> "jk rowling") still meet each other.
 */
function joinSingleLetters(words: string[]): string[] {
  let single = 0;
  for (const word of words) if (word.length === 1) single++;
  if (single < 2) return words;
  const joined: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.length === 1 && !/\d/.test(word)) {
      run += word;
      continue;
    }
    if (run !== '') joined.push(run);
    run = '';
    joined.push(word);
  }
  if (run !== '') joined.push(run);
  return joined;
}

/** Words of a lowercase segment; a hand-rolled scan for plain ASCII, the common case, else a Unicode split. */
function wordsOf(segment: string): string[] {
  return joinSingleLetters(splitWords(segment));
}

function splitWords(segment: string): string[] {
  const words: string[] = [];
  if (NON_ASCII.test(segment)) {
    for (const raw of segment.split(NOT_WORD)) if (raw !== '') addWord(words, raw);
    return words;
  }
  let start = -1;
  for (let at = 0; at <= segment.length; at++) {
    const inWord = at < segment.length && isAsciiWordChar(segment.charCodeAt(at));
    if (inWord && start < 0) start = at;
    else if (!inWord && start >= 0) {
      addWord(words, segment.slice(start, at));
      start = -1;
    }
  }
  return words;
}

function endsWith(tokens: readonly string[], length: number, tail: readonly string[]): boolean {
  if (tail.length > length) return false;
  const offset = length - tail.length;
  for (let i = 0; i < tail.length; i++) {
    if (tokens[offset + i] !== tail[i]) return false;
  }
  return true;
}

/**
 * Long noise words that people misspell ("Limtied", "Head Ofice"); shorter ones ("ltd", "inc") are too
 * close to real words to guess at.
 */
const MISSPELT_NOISE_WORDS = ['limited', 'incorporated', 'corporation', 'company', 'office', 'headquarters'];
const misspeltNoiseCache = new Map<string, string | null>();

function correctNoiseWord(word: string): string | null {
  if (word.length < 5) return null;
  let corrected = misspeltNoiseCache.get(word);
  if (corrected === undefined) {
    corrected = MISSPELT_NOISE_WORDS.find((noise) => tokenSimilarity(word, noise) > 0) ?? null;
    // The cache only saves time; keep it from growing without bound in a long-lived process.
    if (misspeltNoiseCache.size > 50_000) misspeltNoiseCache.clear();
    misspeltNoiseCache.set(word, corrected);
  }
  return corrected;
}

function trailingNoise(tokens: string[], length: number, keep: number): readonly string[] | undefined {
  const tails = NOISE_BY_LAST_WORD.get(tokens[length - 1] ?? '');
  return tails?.find((candidate) => length - candidate.length >= keep && endsWith(tokens, length, candidate));
}

/** Removes trailing legal forms and office qualifiers repeatedly ("Acme UK Ltd - HQ"), keeping `keep` words. */
function stripTrailingNoise(tokens: string[], keep: number): string[] {
  let length = tokens.length;
  while (length > keep) {
    let tail = trailingNoise(tokens, length, keep);
    if (tail === undefined) {
      const last = tokens[length - 1] ?? '';
      const corrected = NOISE_BY_LAST_WORD.has(last) ? null : correctNoiseWord(last);
      if (corrected === null) break;
      tokens[length - 1] = corrected;
      tail = trailingNoise(tokens, length, keep);
      if (tail === undefined) {
        tokens[length - 1] = last;
        break;
      }
    }
    length -= tail.length;
  }
  if (length < tokens.length) tokens.length = length;
  return tokens;
}

/**
 * Legal forms that also lead a name ("N.V. Nutricia", "PT Bank Mandiri", "OOO Gazprom"). Only forms that
 * are never a word of a name on their own: "AG Barr", "SA Water" or "AS Roma" keep their first word.
 */
const LEADING_LEGAL_FORMS: ReadonlySet<string> = new Set(['nv', 'bv', 'pt', 'ooo', 'oao', 'zao', 'pjsc']);

/**
 * Legal forms that are never a word of a name, so they are noise wherever they stand: "Bosch GmbH
 * Robert", "Philips Electronics N.V. Koninklijke". Short forms that are also words ("co", "ag", "sa",
 * "as", "se", "spa") only count at the end or the start of a name.
 */
const LEGAL_FORMS_ANYWHERE: ReadonlySet<string> = new Set(
  'ltd limited llc llp inc incorporated plc gmbh mbh kgaa bv nv sarl srl ltda oyj sro kft bhd pty pte pvt'.split(
    ' ',
  ),
);

function dropLegalFormsInside(tokens: string[]): string[] {
  if (tokens.length < 2) return tokens;
  const kept = tokens.filter((token) => !LEGAL_FORMS_ANYWHERE.has(token));
  return kept.length > 0 ? kept : tokens;
}

/** "Salvation Army - Columbus Park / Salvation Army": a word said twice says nothing new. */
function dropRepeatedWords(tokens: string[]): string[] {
  // Names are a handful of words: a nested scan allocates nothing, unlike a Set per name.
  for (let at = 1; at < tokens.length; at++) {
    if (tokens.lastIndexOf(tokens[at] ?? '', at - 1) >= 0) return [...new Set(tokens)];
  }
  return tokens;
}

function dropLeadingNoise(tokens: string[]): string[] {
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  if (tokens.length > 1 && LEADING_LEGAL_FORMS.has(tokens[0] ?? '')) tokens.shift();
  return tokens;
}

const COMMA = /[,;]/;
const HAS_DIGIT = /\d/;

/**
 * A legal form followed by a comma closes the name; what follows is an address ("Alcatel N.V.,
 * Rijswijk, NL", "Unilever NV., Rotterdam"). A comma elsewhere ("Chicago Public Schools Stockton,
 * Joseph") is part of the name and stays.
 */
function cutAfterLegalForm(text: string): string {
  if (!COMMA.test(text)) return text;
  const segments = text.split(COMMA);
  for (let at = 0; at < segments.length - 1; at++) {
    const words = wordsOf(segments[at] ?? '');
    const tails = LEGAL_FORM_BY_LAST_WORD.get(words[words.length - 1] ?? '');
    const tail = tails?.find((candidate) => endsWith(words, words.length, candidate));
    if (tail !== undefined && words.length > tail.length) return segments.slice(0, at + 1).join(',');
  }
  return text;
}

/** Tokens of one lowercase, accent-free spelling of a name. */
function tokensOf(text: string): string[] {
  let cleaned = text;
  if (cleaned.includes('&') || cleaned.includes('+')) cleaned = cleaned.replace(AMPERSAND, ' and ');
  if (HAS_APOSTROPHE.test(cleaned)) cleaned = cleaned.replace(APOSTROPHES, '');
  if (cleaned.includes('.')) cleaned = cleaned.replace(INITIALISM, (match) => match.replaceAll('.', ''));
  cleaned = cutAfterLegalForm(cleaned);
  const extras: string[] = [];
  if (HAS_BRACKET.test(cleaned)) {
    cleaned = cleaned.replace(BRACKETED, (_match, inner: string) => {
      extras.push(inner);
      return ' ';
    });
  }
  let head = cleaned;
  if (HAS_DASH.test(cleaned)) {
    const [first = '', ...tail] = cleaned.split(DASH_SEPARATOR);
    head = first;
    extras.unshift(...tail);
  }

  let name = dropLegalFormsInside(stripTrailingNoise(dropLeadingNoise(wordsOf(head)), 1));
  if (extras.length === 0 && name.length > 0) return dropRepeatedWords(name);
  const location: string[] = [];
  for (const extra of extras) {
    // A bracket or dash part that is only a legal form or a qualifier ("(HQ)", "- Head Office") is noise;
    // anything else ("(Leeds)") says which client this is and stays.
    location.push(...stripTrailingNoise(dropLeadingNoise(wordsOf(extra)), 0));
  }
  if (name.length === 0) {
    name = location.splice(0, location.length);
  }
  const tokens = dropRepeatedWords(name.concat(location));
  if (tokens.length > 0) return tokens;
  // Never normalise a name down to nothing: fall back to its plain words.
  return text.split(NOT_WORD).filter((word) => word !== '');
}

const MULTIPLE_SPACES = /\s{2,}|[\t\n\r\f\v\u00a0]/;

function tidy(raw: string): string {
  // Our side's names can carry entities too (exported from other tools); Halo's arrive decoded already.
  let text = raw.includes('&') ? decodeHtmlEntities(raw) : raw;
  if (NON_ASCII.test(text)) text = text.normalize('NFC');
  if (MULTIPLE_SPACES.test(text)) text = text.replace(/\s+/g, ' ');
  return text.trim();
}

function inOrder(tokens: readonly string[]): boolean {
  for (let at = 1; at < tokens.length; at++) if ((tokens[at - 1] ?? '') > (tokens[at] ?? '')) return false;
  return true;
}

/** Shortest name, in words, whose initials are taken as its acronym: two initials name too many things. */
const ACRONYM_MIN_WORDS = 3;

function acronymOf(tokens: readonly string[], key: string): string | null {
  // A number in the name ("3 rivers") is not spelt by its initial.
  if (tokens.length < ACRONYM_MIN_WORDS || HAS_DIGIT.test(key)) return null;
  let initials = '';
  for (const token of tokens) initials += token[0] ?? '';
  return initials;
}

/** The name's words as written (abbreviations not expanded) without spaces; null if that is `compactKey`. */
function literalCompactKey(tokens: readonly string[], compactKey: string): string | null {
  if (writtenAs.size === 0) return null;
  let literal = '';
  for (const token of tokens) literal += writtenAs.get(token) ?? token;
  return literal === compactKey ? null : literal;
}

export function normaliseName(raw: string): NameKeys {
  const exact = tidy(raw);
  const lowercase = stripAccents(exact).toLowerCase();
  writtenAs.clear();
  const tokens = tokensOf(lowercase);
  const key = tokens.join(' ');
  const compactKey = tokens.join('');
  const literal = literalCompactKey(tokens, compactKey);
  const transliterated = transliterateUmlauts(exact);
  const altTokens = transliterated === null ? null : tokensOf(transliterated.toLowerCase());
  const altKey = altTokens === null ? null : altTokens.join(' ');
  return {
    exact,
    key,
    altKey: altKey === key ? null : altKey,
    compactKey,
    literalCompactKey: literal,
    sortedKey: inOrder(tokens) ? key : tokens.slice().sort().join(' '),
    acronym: acronymOf(tokens, key),
    tokens,
  };
}
