import type { FileProblem } from './csv-records';

/**
 * Decodes an imported file's bytes. Excel's "Unicode Text" and many Windows tools write UTF-16 (two
 * bytes per character, ASCII followed by a NUL byte); read as UTF-8 or as the browser's `file.text()`
 * guess, that became organizations named "N\0a\0m\0e\0". So: a byte order mark decides (UTF-8, UTF-16
 * LE or BE, decoded strictly); without one, NUL bytes mean a two-byte encoding we will not guess at, and
 * the message says how to save the file instead. A NUL never belongs in a CSV or JSON file anyway.
 */
export type DecodedFile = { ok: true; text: string } | { ok: false; problem: FileProblem };

const SAVE_AS_UTF8 =
  'in Excel use Save As > "CSV UTF-8 (Comma delimited)", or save it as UTF-8 text, and try again';

export function decodeImportBytes(bytes: Uint8Array): DecodedFile {
  const [first, second] = bytes;
  if (first === 0xff && second === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (first === 0xfe && second === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      problem: {
        line: lineOf(bytes, nul),
        reason: `the file is UTF-16 or another two-byte encoding (byte ${nul + 1} is a NUL byte) and has no byte order mark to say which; ${SAVE_AS_UTF8}`,
      },
    };
  }
  return decodeUtf8(bytes);
}

/** A text the renderer already decoded: a NUL in it means the same wrong guess, refused the same way. */
export function textProblem(text: string): FileProblem | null {
  const nul = text.indexOf('\u0000');
  if (nul === -1) return null;
  const line = text.slice(0, nul).split('\n').length;
  return {
    line,
    reason: `the file contains NUL characters, which means it is UTF-16 read as another encoding; ${SAVE_AS_UTF8}`,
  };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedFile {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return {
      ok: false,
      problem: {
        line: 1,
        reason: `the file says it is ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}; ${SAVE_AS_UTF8}`,
      },
    };
  }
  const problem = textProblem(text);
  return problem === null ? { ok: true, text } : { ok: false, problem };
}

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let at = 0; at < index; at++) if (bytes[at] === 0x0a) line += 1;
  return line;
}

/** Index of the first byte that breaks UTF-8 (overlongs, surrogates and out-of-range included), or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      index += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return index;
    }
    let code = lead & (0xff >> (length + 1));
    for (let offset = 1; offset < length; offset++) {
      const next = bytes[index + offset];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += length;
  }
  return -1;
}

/** Decodes bytes as UTF-8 (a BOM is dropped), refusing anything else with the line of the first bad byte. */
export function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad === -1) return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  let line = 1;
  for (let index = 0; index < bad; index++) if (bytes[index] === 0x0a) line += 1;
  return {
    ok: false,
    problem: {
      line,
      reason: `the file is not UTF-8 (byte ${bad + 1} is not valid UTF-8); save it as "CSV UTF-8" or UTF-8 text and try again`,
    },
  };
}
