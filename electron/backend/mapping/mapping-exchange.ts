import type { ExportSource, FileFormat, ImportProblem, Organization } from '../../../shared/mapping-contract';
import {
  type MappingFileRow,
  mappingsToCsv,
  mappingsToJson,
  parseMappingsCsv,
  parseMappingsJson,
} from '../../file-formats/mapping-file';
import { fileRefused } from '../files/import-file';
import { draftOf, type MappingData, savedOf } from './mapping-data';
import type { ImportedMapping } from './session';

/** The saved (or draft) mapping of every organization that has one, as a file's content and name. */
export function exportMappingFile(
  data: MappingData,
  options: { format: FileFormat; source: ExportSource; instanceName: string; exportedAt: string },
): { content: string; fileName: string; rows: number } {
  const rows: MappingFileRow[] = [];
  for (const organization of data.organizations) {
    const value =
      options.source === 'saved' ? savedOf(data, organization.id) : draftOf(data, organization.id);
    if (value.state === 'unmapped') continue;
    rows.push({ organizationId: organization.id, organizationName: organization.name, value });
  }
  const content =
    options.format === 'csv'
      ? mappingsToCsv(rows)
      : mappingsToJson(rows, { instanceName: options.instanceName, exportedAt: options.exportedAt });
  const safeName =
    options.instanceName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'instance';
  return {
    content,
    fileName: `mappings-${safeName}-${options.exportedAt.slice(0, 10)}.${options.format}`,
    rows: rows.length,
  };
}

/**
 * A mapping file's rows matched to our organizations, by id, else by name (case-insensitive). The file
 * is refused whole, naming each line, when a row names no organization or one listed twice.
 */
export function readMappingFile(
  format: FileFormat,
  text: string,
  organizations: readonly Organization[],
): ImportedMapping[] {
  const parsed = format === 'csv' ? parseMappingsCsv(text) : parseMappingsJson(text);
  if (!parsed.ok) throw fileRefused('mapping file', parsed.problems);
  const byId = new Map(organizations.map((organization) => [organization.id, organization]));
  const byName = new Map(
    organizations.map((organization) => [organization.name.toLowerCase(), organization]),
  );
  const problems: ImportProblem[] = [];
  const resolved: ImportedMapping[] = [];
  const seen = new Set<string>();
  for (const row of parsed.rows) {
    const organization =
      (row.organizationId === null ? undefined : byId.get(row.organizationId)) ??
      (row.organizationName === null ? undefined : byName.get(row.organizationName.toLowerCase()));
    if (!organization) {
      problems.push({
        line: row.line,
        reason: `no organization ${row.organizationName ? `"${row.organizationName}"` : `with id ${row.organizationId}`} in the directory`,
      });
      continue;
    }
    if (seen.has(organization.id)) {
      problems.push({ line: row.line, reason: `"${organization.name}" is listed twice` });
      continue;
    }
    seen.add(organization.id);
    resolved.push({ organizationId: organization.id, value: row.value });
  }
  if (problems.length > 0) throw fileRefused('mapping file', problems);
  return resolved;
}
