/**
 * Mappings as a file (CSV or JSON): writing an export, and reading one back whole or not at all. Pure;
 * the handler resolves organizations and puts the rows into the draft.
 */
import { stringify } from 'csv-stringify/sync';
import { type MappingValue, matchSignalSchema } from '../../shared/mapping-contract';
import { type FileProblem, firstProblems, readCsvRecords, stripBom } from './csv-records';
import { neutraliseFormula, restoreFormula } from './spreadsheet-safe';

export const MAPPING_FILE_FORMAT = 'halo-setup-mappings';

export interface MappingFileRow {
  organizationId: string;
  organizationName: string;
  value: Exclude<MappingValue, { state: 'unmapped' }>;
}

export interface ParsedMappingRow {
  line: number;
  organizationId: string | null;
  organizationName: string | null;
  value: Exclude<MappingValue, { state: 'unmapped' }>;
}

export type MappingFileResult =
  | { ok: true; rows: ParsedMappingRow[] }
  | { ok: false; problems: FileProblem[] };

const CSV_COLUMNS = [
  'organization_id',
  'organization_name',
  'state',
  'halo_client_id',
  'halo_client_name',
  'signal',
  'score',
] as const;

export function mappingsToCsv(rows: readonly MappingFileRow[]): string {
  const records = rows.map((row) => [
    row.organizationId,
    row.organizationName,
    row.value.state,
    row.value.state === 'mapped' ? String(row.value.clientId) : '',
    row.value.state === 'mapped' ? row.value.clientName : '',
    row.value.state === 'mapped' ? (row.value.signal ?? '') : '',
    row.value.state === 'mapped' && row.value.score !== null ? String(row.value.score) : '',
  ]);
  const safeRecords = records.map((record) => record.map(neutraliseFormula));
  // A BOM so Excel opens the UTF-8 correctly; our own import accepts it.
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...safeRecords], { record_delimiter: '\r\n' })}`;
}

export function mappingsToJson(
  rows: readonly MappingFileRow[],
  meta: { instanceName: string; exportedAt: string },
): string {
  return `${JSON.stringify(
    {
      format: MAPPING_FILE_FORMAT,
      version: 1,
      instance: meta.instanceName,
      exportedAt: meta.exportedAt,
      mappings: rows.map((row) => ({
        organizationId: row.organizationId,
        organizationName: row.organizationName,
        state: row.value.state,
        haloClientId: row.value.state === 'mapped' ? row.value.clientId : null,
        haloClientName: row.value.state === 'mapped' ? row.value.clientName : null,
        signal: row.value.state === 'mapped' ? row.value.signal : null,
        score: row.value.state === 'mapped' ? row.value.score : null,
      })),
    },
    null,
    2,
  )}\n`;
}

/** Checks one row's fields; returns the row or pushes a problem. */
function readRow(
  line: number,
  fields: {
    organizationId: unknown;
    organizationName: unknown;
    state: unknown;
    clientId: unknown;
    clientName: unknown;
    signal: unknown;
    score: unknown;
  },
  problems: FileProblem[],
): ParsedMappingRow | null {
  const text = (value: unknown): string | null => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return null;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  };
  const organizationId = text(fields.organizationId);
  const organizationName = text(fields.organizationName);
  if (organizationId === null && organizationName === null) {
    problems.push({ line, reason: 'no organization id or name' });
    return null;
  }
  const state = text(fields.state) ?? (text(fields.clientId) === null ? null : 'mapped');
  if (state === 'excluded') return { line, organizationId, organizationName, value: { state: 'excluded' } };
  if (state !== 'mapped') {
    problems.push({ line, reason: `state must be "mapped" or "excluded", not "${state ?? ''}"` });
    return null;
  }
  const rawId = text(fields.clientId);
  const clientId = rawId !== null && /^\d+$/.test(rawId) ? Number(rawId) : Number.NaN;
  if (!Number.isSafeInteger(clientId) || clientId <= 0) {
    problems.push({ line, reason: `the Halo client id "${rawId ?? ''}" is not a positive whole number` });
    return null;
  }
  const rawSignal = text(fields.signal);
  // The contract's list of signals, so every signal an export writes (the tenant one too) reads back.
  const signal = rawSignal === null ? null : matchSignalSchema.safeParse(rawSignal);
  if (signal !== null && !signal.success) {
    problems.push({ line, reason: `unknown signal "${rawSignal}"` });
    return null;
  }
  const rawScore = text(fields.score);
  const score = rawScore === null ? null : Number(rawScore);
  if (score !== null && (!Number.isFinite(score) || score < 0 || score > 1)) {
    problems.push({ line, reason: `the score "${rawScore}" is not a number from 0 to 1` });
    return null;
  }
  return {
    line,
    organizationId,
    organizationName,
    value: {
      state: 'mapped',
      clientId,
      clientName: text(fields.clientName) ?? '',
      signal: signal?.data ?? 'import',
      score,
    },
  };
}

function finish(rows: ParsedMappingRow[], problems: FileProblem[]): MappingFileResult {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = row.organizationId ?? `name:${(row.organizationName ?? '').toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push({ line: row.line, reason: `the organization is listed twice (also on line ${earlier})` });
    else seen.set(key, row.line);
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: 1, reason: 'the file has no mappings' });
  return problems.length > 0 ? { ok: false, problems: firstProblems(problems) } : { ok: true, rows };
}

export function parseMappingsCsv(content: string): MappingFileResult {
  const read = readCsvRecords(content);
  if (!read.ok) return read;
  const { records } = read;
  const [header, ...data] = records;
  if (header === undefined) return { ok: false, problems: [{ line: 1, reason: 'the file is empty' }] };
  const names = header.record.map((cell) => cell.trim().toLowerCase());
  const index = (name: (typeof CSV_COLUMNS)[number]) => names.indexOf(name);
  if (
    index('halo_client_id') === -1 ||
    (index('organization_id') === -1 && index('organization_name') === -1)
  ) {
    return {
      ok: false,
      problems: [
        {
          line: header.info.lines,
          reason: `the first line must be a header with halo_client_id and organization_id or organization_name (as exported: ${CSV_COLUMNS.join(',')})`,
        },
      ],
    };
  }
  const problems: FileProblem[] = [];
  const rows: ParsedMappingRow[] = [];
  for (const { record, info } of data) {
    if (record.length > names.length) {
      problems.push({
        line: info.lines,
        reason: `too many columns: ${record.length}, the header has ${names.length}`,
      });
      continue;
    }
    const at = (name: (typeof CSV_COLUMNS)[number]) => {
      const position = index(name);
      const cell = position === -1 ? undefined : record[position];
      return cell === undefined ? undefined : restoreFormula(cell);
    };
    const row = readRow(
      info.lines,
      {
        organizationId: at('organization_id'),
        organizationName: at('organization_name'),
        state: at('state'),
        clientId: at('halo_client_id'),
        clientName: at('halo_client_name'),
        signal: at('signal'),
        score: at('score'),
      },
      problems,
    );
    if (row) rows.push(row);
  }
  return finish(rows, problems);
}

export function parseMappingsJson(content: string): MappingFileResult {
  let json: unknown;
  try {
    json = JSON.parse(stripBom(content));
  } catch (error) {
    return { ok: false, problems: [{ line: 1, reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  const list = Array.isArray(json)
    ? json
    : typeof json === 'object' && json !== null && Array.isArray((json as { mappings?: unknown }).mappings)
      ? (json as { mappings: unknown[] }).mappings
      : null;
  if (list === null)
    return { ok: false, problems: [{ line: 1, reason: 'expected { "mappings": [...] } as exported' }] };
  const problems: FileProblem[] = [];
  const rows: ParsedMappingRow[] = [];
  list.forEach((item, position) => {
    const line = position + 1;
    if (typeof item !== 'object' || item === null) {
      problems.push({ line, reason: `item ${line} is not an object` });
      return;
    }
    const record = item as Record<string, unknown>;
    const row = readRow(
      line,
      {
        organizationId: record.organizationId,
        organizationName: record.organizationName,
        state: record.state,
        clientId: typeof record.haloClientId === 'number' ? String(record.haloClientId) : record.haloClientId,
        clientName: record.haloClientName,
        signal: record.signal,
        score: typeof record.score === 'number' ? String(record.score) : record.score,
      },
      problems,
    );
    if (row) rows.push(row);
  });
  return finish(rows, problems);
}
