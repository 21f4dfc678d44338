/**
 * Reads a file of our organizations (CSV or JSON) into rows, or refuses it whole with every problem and
 * its line. Pure: the caller decides what to do with the rows (one transaction) or the problems.
 *
 * CSV parsing uses csv-parse (the `csv` project: maintained for over a decade, strict RFC 4180 parsing
 * with quote errors reported by line, BOM handling, a synchronous API and its own TypeScript types).
 * Papaparse was the alternative, but it recovers from broken quotes and keeps going, while we must
 * refuse a broken file rather than guess.
 */
import type { FileFormat } from '../../shared/mapping-contract';
import { normaliseTenantId } from '../mapping/client-index';
import { type FileProblem, firstProblems, readCsvRecords, stripBom } from './csv-records';

export type { FileProblem } from './csv-records';

export interface OrganizationFileRow {
  /** 1-based line in the file (CSV: the line the record ends on; JSON: the item's position). */
  line: number;
  name: string;
  domain: string | null;
  externalId: string | null;
  /** The Microsoft (Entra) tenant id as a lower-case bare GUID; null when the file gives none. */
  microsoftTenantId: string | null;
  /** Domains besides `domain`; null when the file has no such column (then stored ones are kept). */
  domains: string[] | null;
}

/** A row's cells as read, before they are checked. */
interface RawOrganizationCells {
  name: string;
  domain: string | null;
  externalId: string | null;
  microsoftTenantId: string | null;
  /** The domains cell as typed (CSV: separated by commas, semicolons or spaces; JSON: text or a list). */
  domains: string | readonly string[] | null;
}

export type OrganizationFileResult =
  | { ok: true; rows: OrganizationFileRow[]; headerDetected: boolean }
  | { ok: false; problems: FileProblem[] };

export const MAX_ORGANIZATION_ROWS = 200_000;
export const MAX_NAME_LENGTH = 300;

type Field = 'name' | 'domain' | 'externalId' | 'microsoftTenantId' | 'domains';
const FIELDS: readonly Field[] = ['name', 'domain', 'externalId', 'microsoftTenantId', 'domains'];

const headerWords: Record<Field, readonly string[]> = {
  name: [
    'name',
    'organization',
    'organisation',
    'organizationname',
    'organisationname',
    'org',
    'orgname',
    'company',
    'companyname',
    'customer',
    'customername',
    'client',
    'clientname',
    'tenant',
    'tenantname',
    'displayname',
    'accountname',
  ],
  domain: ['domain', 'domainname', 'website', 'web', 'url', 'emaildomain', 'site', 'homepage'],
  externalId: [
    'externalid',
    'id',
    'externalreference',
    'reference',
    'ref',
    'accountid',
    'accountsid',
    'code',
    'customerid',
    'orgid',
    'organizationid',
    'organisationid',
  ],
  // "Tenant ID" in an organization file means the Microsoft tenant (what M365 and CSP exports call it).
  microsoftTenantId: [
    'microsofttenantid',
    'microsofttenant',
    'tenantid',
    'tenantguid',
    'azuretenantid',
    'azuretenant',
    'azureadtenantid',
    'aadtenantid',
    'entratenantid',
    'entraid',
    'm365tenantid',
    'o365tenantid',
    'office365tenantid',
  ],
  domains: ['domains', 'otherdomains', 'additionaldomains', 'alldomains', 'emaildomains', 'maildomains'],
};

function headerField(cell: string): Field | null {
  const key = cell.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const field of FIELDS) {
    if (headerWords[field].includes(key)) return field;
  }
  return null;
}

/**
 * The first row is a header when one of its cells names the organization column and none of them looks
 * like data (a domain, an e-mail address).
 */
function detectHeader(cells: readonly string[]): Map<Field, number> | null {
  const fields = cells.map(headerField);
  if (!fields.includes('name')) return null;
  if (cells.some((cell) => /[.@]/.test(cell))) return null;
  const columns = new Map<Field, number>();
  fields.forEach((field, index) => {
    if (field !== null && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

function optional(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

type Checked<T> = { value: T } | { problem: string };

/** The tenant cell as a lower-case GUID, or why it is not one (braces and any case are fine). */
function tenantIdOf(cell: string | null): Checked<string | null> {
  if (cell === null) return { value: null };
  const tenantId = normaliseTenantId(cell);
  if (tenantId !== null) return { value: tenantId };
  return {
    problem: `the Microsoft tenant id "${cell}" is not a GUID (it looks like 72f988bf-86f1-41af-91ab-2d7cd011db47: Entra admin center > Overview > Tenant ID)`,
  };
}

const DOMAIN_SHAPE = /^[^\s@/]+\.[^\s@/.]+$/;

/** The domains cell as a list (each once, lower-case), or the first entry that is not a domain. */
function domainsOf(cell: string | readonly string[] | null): Checked<string[] | null> {
  if (cell === null) return { value: null };
  const entries = typeof cell === 'string' ? cell.split(/[\s,;]+/) : cell;
  const domains = new Set<string>();
  for (const entry of entries) {
    const domain = entry
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/+$/, '');
    if (domain === '') continue;
    if (!DOMAIN_SHAPE.test(domain)) return { problem: `"${entry.trim()}" in the domains is not a domain` };
    domains.add(domain);
  }
  return { value: [...domains] };
}

/** Collects problems and checks rows one by one (names, duplicates, lengths). */
class RowChecker {
  readonly problems: FileProblem[] = [];
  readonly rows: OrganizationFileRow[] = [];
  private readonly names = new Map<string, number>();
  private readonly externalIds = new Map<string, number>();

  problem(line: number, reason: string): void {
    this.problems.push({ line, reason });
  }

  add(line: number, cells: RawOrganizationCells): void {
    const name = cells.name.trim().replace(/\s+/g, ' ');
    const { domain, externalId } = cells;
    const tenant = tenantIdOf(cells.microsoftTenantId);
    if ('problem' in tenant) {
      this.problem(line, tenant.problem);
      return;
    }
    const domains = domainsOf(cells.domains);
    if ('problem' in domains) {
      this.problem(line, domains.problem);
      return;
    }
    const reason = this.refusal(line, name, domain, externalId);
    if (reason !== null) {
      this.problem(line, reason);
      return;
    }
    this.rows.push({
      line,
      name,
      domain,
      externalId,
      microsoftTenantId: tenant.value,
      domains: domains.value,
    });
  }

  /** Why the row cannot be imported, or null (then its name and id are remembered for duplicates). */
  private refusal(
    line: number,
    name: string,
    domain: string | null,
    externalId: string | null,
  ): string | null {
    if (name === '') return 'the organization name is empty';
    if (name.includes('\uFFFD')) {
      return 'the name contains characters that are not valid UTF-8 (shown as \uFFFD); save the file as UTF-8';
    }
    if (name.length > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
    if (domain !== null && /\s/.test(domain)) return `the domain "${domain}" contains spaces`;
    const key = name.normalize('NFC').toLowerCase();
    const earlier = this.names.get(key);
    if (earlier !== undefined) return `duplicate name "${name}" (also on line ${earlier})`;
    if (externalId !== null) {
      const earlierId = this.externalIds.get(externalId);
      if (earlierId !== undefined) return `duplicate external id "${externalId}" (also on line ${earlierId})`;
    }
    if (this.rows.length >= MAX_ORGANIZATION_ROWS)
      return `the file has more than ${MAX_ORGANIZATION_ROWS} organizations`;
    this.names.set(key, line);
    if (externalId !== null) this.externalIds.set(externalId, line);
    return null;
  }

  result(headerDetected: boolean): OrganizationFileResult {
    if (this.problems.length === 0) return { ok: true, rows: this.rows, headerDetected };
    return { ok: false, problems: firstProblems([...this.problems]) };
  }
}

export function parseOrganizationsCsv(content: string): OrganizationFileResult {
  const read = readCsvRecords(content);
  if (!read.ok) return read;
  const { records } = read;
  const checker = new RowChecker();
  const nonBlank = records.filter((entry) => entry.record.some((cell) => cell.trim() !== ''));
  const first = nonBlank[0];
  if (first === undefined)
    return { ok: false, problems: [{ line: 1, reason: 'the file has no organizations' }] };
  const header = detectHeader(first.record.map((cell) => cell.trim()));
  const columns =
    header ??
    new Map<Field, number>([
      ['name', 0],
      ['domain', 1],
      ['externalId', 2],
    ]);
  const maxColumns = header ? first.record.length : 3;
  const dataRecords = header ? nonBlank.slice(1) : nonBlank;
  for (const { record, info } of dataRecords) {
    if (record.length > maxColumns) {
      checker.problem(
        info.lines,
        header
          ? `too many columns: ${record.length}, the header has ${maxColumns} (a comma inside a name must be in "quotes")`
          : `too many columns: ${record.length}; expected name, domain, external id (a comma inside a name must be in "quotes")`,
      );
      continue;
    }
    const cell = (field: Field) => {
      const index = columns.get(field);
      return index === undefined ? undefined : record[index];
    };
    checker.add(info.lines, {
      name: cell('name') ?? '',
      domain: optional(cell('domain')),
      externalId: optional(cell('externalId')),
      microsoftTenantId: optional(cell('microsoftTenantId')),
      // A domains column that is present but blank on this row says "none"; no column keeps stored ones.
      domains: columns.has('domains') ? (cell('domains') ?? '') : null,
    });
  }
  if (dataRecords.length === 0 && header)
    checker.problem(first.info.lines, 'the file has a header but no organizations');
  return checker.result(header !== null);
}

const JSON_TENANT_KEYS = [
  'microsoftTenantId',
  'microsoft_tenant_id',
  'tenantId',
  'tenant_id',
  'azureTenantId',
  'azure_tenant_id',
] as const;

function firstPresent(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

function isTextOrTextList(value: unknown): value is string | string[] {
  return (
    typeof value === 'string' || (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
  );
}

function jsonText(value: unknown): string | null {
  if (typeof value === 'string') return optional(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * JSON: an array of organizations, or `{ "organizations": [...] }`. Each item has `name` and optionally
 * `domain` (or `website`), `externalId` (or `external_id`, `id`), `microsoftTenantId` (or
 * `tenantId`, `azureTenantId`, snake_case too) and `domains` (a list, or text). Problems name the item's
 * position.
 */
export function parseOrganizationsJson(content: string): OrganizationFileResult {
  let json: unknown;
  try {
    json = JSON.parse(stripBom(content));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineMatch = /line (\d+)/.exec(message);
    return {
      ok: false,
      problems: [{ line: lineMatch ? Number(lineMatch[1]) : 1, reason: `not valid JSON: ${message}` }],
    };
  }
  const list = Array.isArray(json)
    ? json
    : typeof json === 'object' &&
        json !== null &&
        Array.isArray((json as { organizations?: unknown }).organizations)
      ? (json as { organizations: unknown[] }).organizations
      : null;
  if (list === null) {
    return {
      ok: false,
      problems: [{ line: 1, reason: 'expected an array of organizations or { "organizations": [...] }' }],
    };
  }
  const checker = new RowChecker();
  for (const [index, item] of list.entries()) {
    const position = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      checker.problem(position, `item ${position} is not an object with a name`);
      continue;
    }
    const record = item as Record<string, unknown>;
    if (typeof record.name !== 'string') {
      checker.problem(position, `item ${position} has no "name" text`);
      continue;
    }
    const tenant = firstPresent(record, JSON_TENANT_KEYS);
    const domains = record.domains;
    if (domains !== undefined && domains !== null && !isTextOrTextList(domains)) {
      checker.problem(position, `item ${position} has "domains" that is neither text nor a list of text`);
      continue;
    }
    checker.add(position, {
      name: record.name,
      domain: jsonText(record.domain ?? record.website),
      externalId: jsonText(record.externalId ?? record.external_id ?? record.id),
      microsoftTenantId: tenant === undefined ? null : jsonText(tenant),
      domains: domains === undefined || domains === null ? null : domains,
    });
  }
  if (list.length === 0) checker.problem(1, 'the file has no organizations');
  return checker.result(false);
}

export function parseOrganizationsFile(format: FileFormat, content: string): OrganizationFileResult {
  return format === 'csv' ? parseOrganizationsCsv(content) : parseOrganizationsJson(content);
}
