import type {
  FileFormat,
  ImportProblem,
  Organization,
  OrganizationImportResult,
} from '../../../shared/mapping-contract';
import { type OrganizationFileRow, parseOrganizationsFile } from '../../file-formats/organization-file';
import type { BackendContext } from '../context';
import { fileRefused } from '../files/import-file';

const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

/** An organization file that parsed: its rows, and whether its first line was a header. */
export interface OrganizationFile {
  rows: readonly OrganizationFileRow[];
  headerDetected: boolean;
}

/** Parses an organization file, or refuses it whole with every line's problem (`what` names it). */
export function readOrganizationFile(
  format: FileFormat,
  text: string,
  what = 'organization file',
): OrganizationFile {
  const parsed = parseOrganizationsFile(format, text);
  if (!parsed.ok) throw fileRefused(what, parsed.problems);
  return parsed;
}

/**
 * Merges a file's rows into the directory: a row matches an organization by external id, else by name
 * (case-insensitive). Matches are updated, the rest added; nothing is deleted. All or nothing: call
 * inside a transaction, and any problem (e.g. a rename onto another organization's name) refuses all.
 */
export function mergeOrganizations(
  context: BackendContext,
  file: OrganizationFile,
): OrganizationImportResult {
  const { rows, headerDetected } = file;
  const existing = context.store.organizations.list();
  const byExternalId = new Map<string, Organization>();
  const byName = new Map<string, Organization>();
  for (const organization of existing) {
    if (organization.externalId !== null) byExternalId.set(organization.externalId, organization);
    byName.set(nameKey(organization.name), organization);
  }
  const problems: ImportProblem[] = [];
  const now = context.now().toISOString();
  const touched = new Set<string>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const writes: (() => void)[] = [];
  for (const row of rows) {
    const match =
      (row.externalId !== null ? byExternalId.get(row.externalId) : undefined) ??
      byName.get(nameKey(row.name));
    if (match === undefined) {
      const id = context.newId();
      touched.add(id);
      added += 1;
      writes.push(() => context.store.organizations.insert({ id, ...pick(row) }, now));
      continue;
    }
    if (touched.has(match.id)) {
      problems.push({
        line: row.line,
        reason: `"${row.name}" matches organization "${match.name}" that another line already updates`,
      });
      continue;
    }
    touched.add(match.id);
    const owner = byName.get(nameKey(row.name));
    if (owner !== undefined && owner.id !== match.id) {
      problems.push({
        line: row.line,
        reason: `renaming "${match.name}" to "${row.name}" would clash with the existing organization of that name`,
      });
      continue;
    }
    const next = pick(row);
    // Keep what the file leaves blank: a file without a domain column must not erase our domains.
    const merged = {
      id: match.id,
      name: next.name,
      domain: next.domain ?? match.domain,
      externalId: next.externalId ?? match.externalId,
      microsoftTenantId: next.microsoftTenantId ?? match.microsoftTenantId,
      domains: row.domains ?? match.domains,
    };
    if (
      merged.name === match.name &&
      merged.domain === match.domain &&
      merged.externalId === match.externalId &&
      merged.microsoftTenantId === match.microsoftTenantId &&
      sameList(merged.domains, match.domains)
    ) {
      unchanged += 1;
      continue;
    }
    updated += 1;
    writes.push(() => context.store.organizations.update(merged, now));
  }
  if (problems.length > 0) throw fileRefused('organization file', problems);
  for (const write of writes) write();
  const notInFile = existing.filter((organization) => !touched.has(organization.id)).length;
  return { rows: rows.length, headerDetected, added, updated, unchanged, notInFile };
}

function pick(row: OrganizationFileRow) {
  return {
    name: row.name,
    domain: row.domain,
    externalId: row.externalId,
    microsoftTenantId: row.microsoftTenantId,
    domains: row.domains ?? [],
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Parses and merges file content in one transaction; a broken file changes nothing. */
export function importOrganizationContent(
  context: BackendContext,
  format: FileFormat,
  text: string,
): OrganizationImportResult {
  const file = readOrganizationFile(format, text);
  return context.store.transaction(() => mergeOrganizations(context, file));
}
