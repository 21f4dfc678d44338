import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import {
  type FileFormat,
  type ImportProblem,
  MAX_IMPORT_CHARS,
  type Organization,
  type OrganizationImportResult,
} from '../../../shared/mapping-contract';
import { normaliseTenantId } from '../../mapping/client-index';
import { decodeImportBytes, textProblem } from '../../mapping/file-encoding';
import { type OrganizationFileRow, parseOrganizationsFile } from '../../mapping/organization-file';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';

/** The same problems the renderer shows, as one error: the file is refused whole. */
export function fileRefused(what: string, problems: readonly ImportProblem[]): AppError {
  const first = problems[0];
  const where = first ? ` Line ${first.line}: ${first.reason}.` : '';
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new AppError(
    'invalid-request',
    `The ${what} was refused (${count}); nothing was imported.${where}`,
    {
      kind: 'invalid-file',
      problems,
    },
  );
}

/** Text of an uploaded file: as sent, or decoded from base64 bytes (BOM-aware, strict; see file-encoding.ts). */
export function fileText(
  request: { content?: string | undefined; contentBase64?: string | undefined },
  what: string,
): string {
  if (request.content !== undefined) {
    const problem = textProblem(request.content);
    if (problem !== null) throw fileRefused(what, [problem]);
    return request.content;
  }
  const bytes = Buffer.from(request.contentBase64 ?? '', 'base64');
  if (bytes.length > MAX_IMPORT_CHARS) {
    throw fileRefused(what, [
      { line: 1, reason: `the file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB` },
    ]);
  }
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) throw fileRefused(what, [decoded.problem]);
  return decoded.text;
}

const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * Merges rows into the directory: a row matches an organization by external id, else by name
 * (case-insensitive). Matches are updated, the rest added; nothing is deleted. All or nothing: call
 * inside a transaction, and any problem (e.g. a rename onto another organization's name) refuses all.
 */
export function mergeOrganizations(
  context: BackendContext,
  rows: readonly OrganizationFileRow[],
): OrganizationImportResult {
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
  return { rows: rows.length, headerDetected: false, added, updated, unchanged, notInFile };
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
  const parsed = parseOrganizationsFile(format, text);
  if (!parsed.ok) throw fileRefused('organization file', parsed.problems);
  const result = context.store.transaction(() => mergeOrganizations(context, parsed.rows));
  return { ...result, headerDetected: parsed.headerDetected };
}

/** Reads the linked source file from disk (bytes, so UTF-8 is checked strictly). */
export function readSourceFile(filePath: string): string {
  let size: number;
  try {
    size = statSync(filePath).size;
  } catch (error) {
    throw new AppError(
      'not-found',
      `The linked organization file ${filePath} cannot be read: ${(error as Error).message}. Link the file again or unlink it.`,
      {
        path: filePath,
      },
    );
  }
  if (size > MAX_IMPORT_CHARS) {
    throw fileRefused('organization file', [
      { line: 1, reason: `the file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB` },
    ]);
  }
  const decoded = decodeImportBytes(readFileSync(filePath));
  if (!decoded.ok) throw fileRefused('organization file', [decoded.problem]);
  return decoded.text;
}

export function listOrganizations(context: BackendContext): ResponseOf<'organizations:list'> {
  return { organizations: context.store.organizations.list(), source: context.store.organizations.source() };
}

export function upsertOrganization(
  context: BackendContext,
  request: ParsedRequestOf<'organizations:upsert'>,
): ResponseOf<'organizations:upsert'> {
  const now = context.now().toISOString();
  const name = request.name.replace(/\s+/g, ' ');
  return context.store.transaction(() => {
    const sameName = context.store.organizations.findByName(name);
    if (sameName && sameName.id !== request.id) {
      throw new AppError('conflict', `An organization called "${sameName.name}" exists already.`, {
        id: sameName.id,
      });
    }
    if (request.id === undefined) {
      const id = context.newId();
      context.store.organizations.insert(
        {
          id,
          name,
          domain: request.domain || null,
          externalId: request.externalId || null,
          microsoftTenantId: tenantIdOfRequest(request.microsoftTenantId) ?? null,
        },
        now,
      );
      return context.store.organizations.get(id) as Organization;
    }
    const current = context.store.organizations.get(request.id);
    if (!current) throw new AppError('not-found', 'That organization no longer exists.', { id: request.id });
    context.store.organizations.update(
      {
        id: current.id,
        name,
        domain: request.domain === undefined ? current.domain : request.domain || null,
        externalId: request.externalId === undefined ? current.externalId : request.externalId || null,
        microsoftTenantId: tenantIdOfRequest(request.microsoftTenantId),
      },
      now,
    );
    return context.store.organizations.get(current.id) as Organization;
  });
}

/**
 * The tenant id a form sent, as a lower-case GUID: undefined keeps the stored one, empty or null clears
 * it, anything else must be a GUID or the save is refused with the field named.
 */
function tenantIdOfRequest(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  const tenantId = normaliseTenantId(value);
  if (tenantId !== null) return tenantId;
  const message = `"${value.trim()}" is not a Microsoft tenant id: it is a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47 (Entra admin center > Overview > Tenant ID).`;
  throw new AppError('invalid-request', message, { fields: { microsoftTenantId: message } });
}

export function removeOrganizations(
  context: BackendContext,
  request: ParsedRequestOf<'organizations:remove'>,
): ResponseOf<'organizations:remove'> {
  return context.store.transaction(() => {
    if (request.force !== true) {
      const mapped = context.store.organizations.mappedAnywhere(request.ids);
      if (mapped.length > 0) {
        throw new AppError(
          'conflict',
          `${mapped.length === 1 ? 'One organization is' : `${mapped.length} organizations are`} mapped or excluded in an instance. Removing would delete those mappings too; confirm to remove anyway.`,
          { mapped },
        );
      }
    }
    return { removed: context.store.organizations.delete(request.ids) };
  });
}

export function importOrganizations(
  context: BackendContext,
  request: ParsedRequestOf<'organizations:import'>,
): ResponseOf<'organizations:import'> {
  return importOrganizationContent(context, request.format, fileText(request, 'organization file'));
}

export function formatOfPath(filePath: string): FileFormat {
  return path.extname(filePath).toLowerCase() === '.json' ? 'json' : 'csv';
}

export async function linkOrganizationSource(
  context: BackendContext,
  request: ParsedRequestOf<'organizations:linkSource'>,
): Promise<ResponseOf<'organizations:linkSource'>> {
  if (request.action === 'unlink') {
    context.store.organizations.clearSource();
    return { source: null, imported: null };
  }
  if (!context.chooseOrganizationFile) {
    throw new AppError(
      'invalid-request',
      "Linking a file needs the app's file dialog, which is not available here.",
    );
  }
  const chosen = await context.chooseOrganizationFile();
  // The user closed the dialog: nothing changes.
  if (chosen === null) return { source: context.store.organizations.source(), imported: null };
  const filePath = path.resolve(chosen);
  const format = formatOfPath(filePath);
  const text = readSourceFile(filePath);
  const parsed = parseOrganizationsFile(format, text);
  if (!parsed.ok) throw fileRefused('organization file', parsed.problems);
  const now = context.now().toISOString();
  const imported = context.store.transaction(() => {
    const result = mergeOrganizations(context, parsed.rows);
    context.store.organizations.setSource({ path: filePath, format, linkedAt: now, lastReadAt: now });
    return { ...result, headerDetected: parsed.headerDetected };
  });
  return { source: context.store.organizations.source(), imported };
}
