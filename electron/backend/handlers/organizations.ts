import path from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { saveOrganization } from '../directory/organization-edit';
import { importOrganizationContent } from '../directory/organization-merge';
import { linkSourceFile } from '../directory/organization-source';
import { fileText } from '../files/import-file';

export function listOrganizations(context: BackendContext): ResponseOf<'organizations:list'> {
  return { organizations: context.store.organizations.list(), source: context.store.organizations.source() };
}

export function upsertOrganization(
  context: BackendContext,
  request: ParsedRequestOf<'organizations:upsert'>,
): ResponseOf<'organizations:upsert'> {
  return saveOrganization(context, request);
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
  const imported = linkSourceFile(context, path.resolve(chosen));
  return { source: context.store.organizations.source(), imported };
}
