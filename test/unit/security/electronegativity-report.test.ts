import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

/**
 * The security audit (scripts/audit-electron.mjs) reads electronegativity's CSV report. The scanner starts
 * two fs.writeFile calls back to back, header ('w') then rows ('a'), and they race; a CI run once read a
 * report whose header had overwritten the start of the rows. The scanner's preload makes .csv writes
 * land in call order. This runs the same two calls as the scanner, many times, under that preload.
 */

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const preload = path.join(repoRoot, 'scripts/electronegativity-offline.mjs');

describe('the electronegativity report', () => {
  it('is written header first, rows after, every time (200 reports)', () => {
    const temp = makeTempDir('halo-setup-audit-report-');
    try {
      const rows =
        'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'self\'"\n'.repeat(20);
      const script = `
        const fs = require('node:fs');
        const path = require('node:path');
        const rows = ${JSON.stringify(rows)};
        let pending = 200;
        for (let i = 0; i < 200; i++) {
          const file = path.join(${JSON.stringify(temp.dir)}, 'report-' + i + '.csv');
          fs.writeFile(file, 'issue, severity\\n', (error) => { if (error) throw error; });
          fs.writeFile(file, rows, { flag: 'a' }, (error) => {
            if (error) throw error;
            if (--pending === 0) console.log('written');
          });
        }`;
      const run = spawnSync(process.execPath, ['--import', preload, '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('written');
      for (let i = 0; i < 200; i++) {
        expect(readFileSync(path.join(temp.dir, `report-${i}.csv`), 'utf8')).toBe(`issue, severity\n${rows}`);
      }
    } finally {
      temp.cleanup();
    }
  });
});
