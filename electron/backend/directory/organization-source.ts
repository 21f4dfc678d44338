import type { OrganizationImportResult } from '../../../shared/mapping-contract';
import { parseOrganizationsFile } from '../../file-formats/organization-file';
import type { BackendContext } from '../context';
import { fileRefused, formatOfPath, readSourceFile } from '../files/import-file';
import { mergeOrganizations } from './organization-merge';

/**
 * Links the organization file at `filePath` (Refresh Options re-reads it) and merges it now: the file is
 * read and checked first, then merged and linked in one transaction, so a broken file links nothing.
 */
export function linkSourceFile(context: BackendContext, filePath: string): OrganizationImportResult {
  const format = formatOfPath(filePath);
  const text = readSourceFile(filePath);
  const parsed = parseOrganizationsFile(format, text);
  if (!parsed.ok) throw fileRefused('organization file', parsed.problems);
  const now = context.now().toISOString();
  return context.store.transaction(() => {
    const result = mergeOrganizations(context, parsed.rows);
    context.store.organizations.setSource({ path: filePath, format, linkedAt: now, lastReadAt: now });
    return { ...result, headerDetected: parsed.headerDetected };
  });
}
