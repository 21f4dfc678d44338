import { describe, expect, it } from 'vitest';
import {
  parseOrganizationsCsv,
  parseOrganizationsJson,
} from '../../../electron/file-formats/organization-file';

describe('a bad organizations import lists at most 200 problems, then the count', () => {
  it('1,000 bad CSV rows give the first 200 problems by line and "and 800 more problems"', () => {
    const tooLong = 'x'.repeat(301);
    const rows = Array.from({ length: 1_000 }, (_, i) => `${tooLong}${i},org${i}.example`);
    const parsed = parseOrganizationsCsv(`name,domain\n${rows.join('\n')}\n`);
    if (parsed.ok) throw new Error('expected problems');
    expect(parsed.problems).toHaveLength(201);
    expect(parsed.problems[0]).toEqual({ line: 2, reason: 'the name is longer than 300 characters' });
    expect(parsed.problems[199]?.line).toBe(201);
    expect(parsed.problems[200]).toEqual({ line: 201, reason: 'and 800 more problems' });
  });

  it('exactly 200 problems are all listed, with no "more" line', () => {
    const items = Array.from({ length: 200 }, () => ({ name: '' }));
    const parsed = parseOrganizationsJson(JSON.stringify(items));
    if (parsed.ok) throw new Error('expected problems');
    expect(parsed.problems).toHaveLength(200);
    expect(parsed.problems.some((problem) => problem.reason.includes('more problems'))).toBe(false);
  });
});
