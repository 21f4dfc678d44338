import { describe, expect, it } from 'vitest';
import {
  type MappingFileRow,
  mappingsToCsv,
  mappingsToJson,
  parseMappingsCsv,
  parseMappingsJson,
} from '../../../electron/file-formats/mapping-file';
import { matchSignalSchema } from '../../../shared/mapping-contract';

/** One mapped row per signal the contract knows: an export must read back with every one of them. */
const rows: MappingFileRow[] = matchSignalSchema.options.map((signal, index) => ({
  organizationId: `org-${index}`,
  organizationName: `Organization ${index}`,
  value: { state: 'mapped', clientId: 10 + index, clientName: `Client ${index}`, signal, score: 0.9 },
}));

describe('a mappings file keeps every signal the app writes', () => {
  it('CSV and JSON exports read back with the same signal on each row (tenant included)', () => {
    for (const parsed of [
      parseMappingsCsv(mappingsToCsv(rows)),
      parseMappingsJson(mappingsToJson(rows, { instanceName: 'Production', exportedAt: '2026-12-03' })),
    ]) {
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      expect(parsed.rows.map((row) => row.value.state === 'mapped' && row.value.signal)).toEqual(
        matchSignalSchema.options,
      );
    }
  });

  it('a signal the app does not know is refused with its line', () => {
    const parsed = parseMappingsCsv('organization_name,halo_client_id,signal\nAcme,31,telepathy\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([{ line: 2, reason: 'unknown signal "telepathy"' }]);
  });
});
