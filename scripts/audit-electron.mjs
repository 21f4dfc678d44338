#!/usr/bin/env node
// npm run audit:electron — scans the built app (out/) with @doyensec/electronegativity and fails when a
// finding is not justified in docs/security-audit.md (the table under "Findings"). Prints one line per
// finding and ends with "electronegativity: N findings, N justified, N unexplained".
//
// It runs offline: scripts/electronegativity-offline.mjs answers the scanner's two network fetches
// (translation updates, Electron's release list) with "unavailable", and AVAILABLE_SECURITY_FIXES is
// excluded because it needs that release list (Electron's currency is npm's business: `npm outdated`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'out');
const justificationsFile = path.join(root, 'docs', 'security-audit.md');

if (!existsSync(path.join(outDir, 'main', 'index.js'))) {
  console.error('out/ is missing: run `npm run build` first (npm test does).');
  process.exit(1);
}

const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const scanner = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const work = mkdtempSync(path.join(tmpdir(), 'halo-setup-electronegativity-'));
const report = path.join(work, 'report.csv');
const scan = spawnSync(
  process.execPath,
  [
    '--import',
    path.join(root, 'scripts/electronegativity-offline.mjs'),
    scanner,
    ...['-i', outDir, '-o', report, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
  ],
  { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
);
if (scan.status !== 0 || !existsSync(report)) {
  console.error(scan.stdout, scan.stderr);
  console.error(`electronegativity did not finish (exit ${scan.status}).`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const rows = parse(readFileSync(report, 'utf8'), { columns: true, trim: true, skip_empty_lines: true });
rmSync(work, { recursive: true, force: true });

/** Rows of the Findings table: | check | file | code contains | severity | justification | */
function readJustifications() {
  const text = readFileSync(justificationsFile, 'utf8');
  const section = text.split(/^## Findings\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replace(/^`|`$/g, '').replaceAll('\\|', '|')),
    )
    .filter((cells) => cells.length >= 5 && cells[0] !== 'Check')
    .map(([check, file, code, severity, justification]) => ({ check, file, code, severity, justification }));
}

const justifications = readJustifications();
if (rows.length === 0 && justifications.length > 0) {
  // Either the app lost every finding (then docs/security-audit.md is stale) or the report is incomplete:
  // both need a look, and neither may pass as "0 unexplained".
  console.error(
    `electronegativity reported no findings, but docs/security-audit.md justifies ${justifications.length}: the report may be incomplete, or the justifications are stale.`,
  );
  process.exit(1);
}
const used = new Set();
let unexplained = 0;
for (const row of rows) {
  const check = row.issue;
  const file = row.filename.split(path.sep).join('/');
  const index = justifications.findIndex(
    (j) => j.check === check && j.file === file && row.sample.includes(j.code) && j.justification.length > 20,
  );
  if (index >= 0) used.add(index);
  else unexplained++;
  const verdict = index >= 0 ? 'justified' : 'UNEXPLAINED';
  console.log(
    `${verdict.padEnd(11)} ${row.severity.padEnd(6)} ${check} ${file}:${row.location}  ${row.sample.slice(0, 90)}`,
  );
}
justifications.forEach((j, index) => {
  if (!used.has(index))
    console.log(
      `note: docs/security-audit.md justifies ${j.check} in ${j.file} ("${j.code}"), which no longer occurs`,
    );
});
console.log(
  `electronegativity: ${rows.length} findings, ${rows.length - unexplained} justified, ${unexplained} unexplained`,
);
if (unexplained > 0) {
  console.log('Fix each unexplained finding, or justify it in docs/security-audit.md (## Findings).');
  process.exit(1);
}
