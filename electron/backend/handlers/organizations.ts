import path from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { Organization } from '../../../shared/mapping-contract';
import { parseOrganizationsFile } from '../../file-formats/organization-file';
import { normaliseTenantId } from '../../mapping/client-index';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { importOrganizationContent, mergeOrganizations } from '../directory/organization-merge';
import { fileRefused, fileText, formatOfPath, readSourceFile } from '../files/import-file';

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
      {},
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
