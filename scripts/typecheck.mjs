#!/usr/bin/env node
// Type-checks each TypeScript project that tsconfig.json references, in turn, and names the ones that
// fail. There are four because each kind of code may use a different platform, and a wrong import must
// be a compile error, not a review comment:
//   tsconfig.shared.json  shared/: the language and a few web-platform globals (shared/platform-globals.d.ts)
//   tsconfig.web.json     renderer/: the DOM, no Node types (no node:*, process or Buffer)
//   tsconfig.node.json    electron/ and the build configs: Node, no DOM
//   tsconfig.test.json    test/, bench/, scripts/: Node, the DOM (jsdom, Chromium pages) and vitest
// (The projects are not `composite`: nothing is emitted, so `tsc -b` has nothing to build.)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const solution = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
const projects = solution.references.map((reference) => reference.path);
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const failed = [];
for (const project of projects) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], {
    cwd: root,
    stdio: 'inherit',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.status === 0 ? 'ok    ' : 'FAILED'} ${project} (${seconds} s)`);
  if (result.status !== 0) failed.push(project);
}
if (failed.length > 0) {
  console.error(`Type errors in ${failed.join(', ')}.`);
  process.exit(1);
}
