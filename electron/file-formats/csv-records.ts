/**
 * Reading CSV, for every file the app imports (organizations and mappings): csv-parse (the `csv`
 * project: maintained for over a decade, strict RFC 4180 parsing with line numbers in its errors), the
 * delimiter Excel wrote (comma, or semicolon in many locales, or tab), and problems a screen can list.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface FileProblem {
  line: number;
  reason: string;
}

/** A refused file lists at most this many problems (and says how many more there were). */
export const MAX_PROBLEMS_LISTED = 200;

/**
 * The problems a screen can show, for every import (organizations and mappings): the first 200 by line,
 * then one line with how many more there are.
 */
export function firstProblems(problems: FileProblem[]): FileProblem[] {
  const sorted = problems.sort((a, b) => a.line - b.line);
  if (sorted.length <= MAX_PROBLEMS_LISTED) return sorted;
  const shown = sorted.slice(0, MAX_PROBLEMS_LISTED);
  const last = shown[shown.length - 1]?.line ?? 0;
  shown.push({ line: last, reason: `and ${sorted.length - shown.length} more problems` });
  return shown;
}

/** One record and the line it ends on (a quoted cell may span lines). */
export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter of the first line, counting only outside quotes: comma, semicolon (Excel in many locales) or tab. */
export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [char, count] of counts) if (count > (counts.get(best) ?? 0)) best = char;
  return best;
}

/** Every record of a CSV text (BOM dropped, empty lines skipped), or the first problem, with its line. */
export function readCsvRecords(
  content: string,
): { ok: true; records: CsvRecord[] } | { ok: false; problems: FileProblem[] } {
  const text = stripBom(content);
  try {
    const records = parse(text, {
      delimiter: detectDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as CsvRecord[];
    return { ok: true, records };
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : 0;
      return { ok: false, problems: [{ line, reason: csvReason(error) }] };
    }
    throw error;
  }
}

function csvReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (a " without its closing ")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other characters (write a quote inside a quoted field as "")';
    default:
      return `the CSV cannot be read: ${error.message}`;
  }
}
