#!/usr/bin/env node
// Runs everything CI runs: typecheck, lint, build, the Electron security audit, then every vitest project
// (unit, component, keychain, e2e) and ends with one line "N passed, N failed, N skipped" summed over every suite.
//
// On Linux the keychain tests need a Secret Service. When no D-Bus session is running (CI, a terminal
// over SSH), this script starts its own: a private D-Bus session with an unlocked gnome-keyring, and
// re-runs itself inside it. On macOS and Windows the OS keychain is used as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const extraArgs = process.argv.slice(2);

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (
  process.platform === 'linux' &&
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  !process.env.HALO_SETUP_KEYRING_SESSION
) {
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'The keychain tests need a Secret Service. Install dbus and gnome-keyring (Debian/Ubuntu: sudo apt install dbus gnome-keyring libsecret-1-dev), or run inside a desktop session.',
    );
    process.exit(1);
  }
  // A keyring of its own in a temporary folder: it starts empty and unlocked with a known password, and
  // never touches (or is locked by) the keyring of whoever runs the tests.
  const keyringHome = mkdtempSync(path.join(tmpdir(), 'halo-setup-keyring-'));
  const inner = `printf 'halo-setup-tests' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "${process.execPath}" scripts/run-tests.mjs "$@"`;
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', ...extraArgs], {
    stdio: 'inherit',
    env: { ...process.env, HALO_SETUP_KEYRING_SESSION: '1', XDG_DATA_HOME: keyringHome },
  });
  rmSync(keyringHome, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
function step(title, args) {
  console.log(`\n=== ${title}: ${args.join(' ')}`);
  const result = spawnSync(npx, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

const failures = [];
console.log('\n=== typecheck: node scripts/typecheck.mjs');
if (spawnSync(process.execPath, ['scripts/typecheck.mjs'], { stdio: 'inherit' }).status !== 0)
  failures.push('typecheck');
if (!step('lint', ['biome', 'check', '.'])) failures.push('lint');
if (!step('build', ['electron-vite', 'build'])) failures.push('build');
// electronegativity over out/: every finding fixed or justified in docs/security-audit.md.
console.log('\n=== electron audit: node scripts/audit-electron.mjs');
if (spawnSync(process.execPath, ['scripts/audit-electron.mjs'], { stdio: 'inherit' }).status !== 0)
  failures.push('electron-audit');

const reportFile = path.join('test-results', 'vitest-report.json');
mkdirSync('test-results', { recursive: true });
rmSync(reportFile, { force: true });
const vitestOk = step('tests', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
  ...extraArgs,
]);
if (!vitestOk) failures.push('tests');

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load has no failed test but is a failure all the same.
  const brokenSuites = (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && suite.assertionResults?.length === 0,
  ).length;
  failed += brokenSuites;
}
// Typecheck, lint and build are checks too: each failing one counts as one failure.
for (const name of ['typecheck', 'lint', 'build', 'electron-audit']) if (failures.includes(name)) failed += 1;

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length === 0 && failed === 0 ? 0 : 1);
