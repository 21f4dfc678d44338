#!/usr/bin/env node
// npm run test:smoke — the real-Electron smoke test (test/electron-smoke), where an Electron binary exists.
//
// Without one (CI here: Electron 45's npm package downloads its binary lazily, and there is no network),
// it prints "skipped: no Electron binary" with the reason and "0 passed, 0 failed, 1 skipped": a skip,
// never a pass. Where a binary must exist (GitHub Actions sets HALO_SETUP_REQUIRE_ELECTRON=1), a missing
// one fails the run instead. On Linux without a display, run it under `xvfb-run -a`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findElectronBinary } from '../test/electron-smoke/electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const found = findElectronBinary(root);
if (!found.path) {
  console.log(`skipped: no Electron binary (${found.reason})`);
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(process.env.HALO_SETUP_REQUIRE_ELECTRON === '1' ? 1 : 0);
}
console.log(`Electron ${found.version}: ${found.path}`);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args) =>
  spawnSync(npx, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
if (!existsSync(path.join(root, 'out/main/index.js')) && !run(['electron-vite', 'build'])) process.exit(1);
const env = { ...process.env, HALO_SETUP_ELECTRON_BINARY: found.path };
const result = spawnSync(npx, ['vitest', 'run', '--config', 'test/electron-smoke/vitest.config.ts'], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
