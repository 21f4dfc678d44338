// Which production node_modules exist only to install something, never to run the app.
//
// keytar 7.9 lists prebuild-install (a downloader for its prebuilt binary) as a runtime dependency, and
// with it ~35 packages (tar-fs, simple-get, rc, ...). The app never runs them: keytar's binary is already
// in place when electron-builder packs. Rather than a hand-kept list, which would silently break the day
// another runtime dependency needs `semver` or `once`, this walks the real production dependency graph
// twice — once as it is, once without the install-time edges — and returns the packages only the
// install-time edges reach.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Dependency edges that are install-time only: parent package name -> dependency names. */
export const INSTALL_TIME_EDGES = { keytar: ['prebuild-install'] };

function readPackage(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** Node's lookup: <from>/node_modules/<name>, then each parent folder's node_modules, up to the root. */
function resolvePackageDir(name, fromDir, rootDir) {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === rootDir) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function reachable(rootDir, skipInstallTimeEdges) {
  const seen = new Set();
  const queue = [rootDir];
  while (queue.length > 0) {
    const dir = queue.shift();
    const pkg = readPackage(dir);
    const skipped = skipInstallTimeEdges ? (INSTALL_TIME_EDGES[pkg.name] ?? []) : [];
    const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];
    for (const name of names) {
      if (skipped.includes(name)) continue;
      const found = resolvePackageDir(name, dir, rootDir);
      if (found && !seen.has(found)) {
        seen.add(found);
        queue.push(found);
      }
    }
  }
  return seen;
}

/** Paths (relative to the project, forward slashes) of packages that only install-time edges reach. */
export function installOnlyModules(rootDir) {
  const all = reachable(rootDir, false);
  const runtime = reachable(rootDir, true);
  return [...all]
    .filter((dir) => !runtime.has(dir))
    .map((dir) => path.relative(rootDir, dir).split(path.sep).join('/'))
    .sort();
}
