/**
 * Latin letters that Unicode NFKD does not decompose into a base letter plus accent, mapped to their
 * usual ASCII spelling.
 */
const NON_DECOMPOSING: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

/** German-style transliteration: "Müller" is also written "Mueller", never "Muller", by its owner. */
const UMLAUT_SPELLING: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'ae',
  Ö: 'oe',
  Ü: 'ue',
};

const NON_DECOMPOSING_PATTERN = /[ßẞæÆøØœŒłŁđĐðÐþÞı]/g;
const UMLAUT_PATTERN = /[äöüÄÖÜ]/g;
const HAS_UMLAUT = /[äöüÄÖÜ]/;
const COMBINING_MARKS = /\p{M}+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL on purpose
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

export function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}

/** "Café Lumière" -> "Cafe Lumiere"; "Müller" -> "Muller" (the plain spelling). */
export function stripAccents(text: string): string {
  if (isAscii(text)) return text;
  return text
    .replace(NON_DECOMPOSING_PATTERN, (ch) => NON_DECOMPOSING[ch] ?? ch)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '');
}

/** "Müller" -> "Mueller": the alternative spelling, or null when the text has no umlaut. */
export function transliterateUmlauts(text: string): string | null {
  if (isAscii(text)) return null;
  // NFC first so a decomposed "u + ¨" is seen as "ü".
  const composed = text.normalize('NFC');
  if (!HAS_UMLAUT.test(composed)) return null;
  return stripAccents(composed.replace(UMLAUT_PATTERN, (ch) => UMLAUT_SPELLING[ch] ?? ch));
}
