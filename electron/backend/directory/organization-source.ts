import type { OrganizationImportResult } from '../../../shared/mapping-contract';
import type { BackendContext } from '../context';
import { formatOfPath, readSourceFile } from '../files/import-file';
import { mergeOrganizations, readOrganizationFile } from './organization-merge';

/**
 * Links the organization file at `filePath` (Refresh Options re-reads it) and merges it now: the file is
 * read and checked first, then merged and linked in one transaction, so a broken file links nothing.
 */
export function linkSourceFile(context: BackendContext, filePath: string): OrganizationImportResult {
  const format = formatOfPath(filePath);
  const file = readOrganizationFile(format, readSourceFile(filePath));
  const now = context.now().toISOString();
  return context.store.transaction(() => {
    const result = mergeOrganizations(context, file);
    context.store.organizations.setSource({ path: filePath, format, linkedAt: now, lastReadAt: now });
    return result;
  });
}
