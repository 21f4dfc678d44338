// Finds the Electron binary the way the `electron` package would, but WITHOUT require('electron'):
// since Electron 42 that require downloads the binary when it is missing, which must never happen
// quietly in a test (and cannot happen at all on a machine without network access).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `{ path }` of a runnable Electron, or `{ reason }` why there is none. */
export function findElectronBinary(root) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(packageDir, 'package.json')))
    return { reason: 'the electron package is not installed' };
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override)
    return {
      reason:
        'node_modules/electron has no downloaded binary (no path.txt; run `node node_modules/electron/install.js`)',
    };
  const binary = override
    ? path.join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : path.join(packageDir, 'dist', relative);
  if (!existsSync(binary)) return { reason: `${binary} does not exist` };
  const version = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (version.status !== 0 || !/^v\d+\./.test(version.stdout.trim()))
    return {
      reason: `${binary} does not run (${version.error?.message ?? version.stderr.trim().slice(0, 200)})`,
    };
  return { path: binary, version: version.stdout.trim() };
}
