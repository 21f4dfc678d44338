import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The layering rules of the app, checked on source text: which folder may not import which. Paths are
 * repo-relative with forward slashes. Relative imports are resolved against the importing file; a bare
 * specifier is a package (or a Node builtin).
 */
export interface ImportRule {
  /** Says what is forbidden, as the failure message shows it. */
  name: string;
  /** The importing files the rule applies to. */
  from: (file: string) => boolean;
  /** The import (a resolved repo path, or a package name) that breaks it. */
  forbids: (target: ImportTarget) => boolean;
}

export type ImportTarget = { kind: 'file'; path: string } | { kind: 'package'; name: string };

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
/** A file in the folder, or the folder itself (its index). */
const fileUnder = (folder: string) => (target: ImportTarget) =>
  target.kind === 'file' && (target.path === folder || target.path.startsWith(`${folder}/`));
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (target: ImportTarget) =>
  target.kind === 'package' &&
  (target.name.startsWith('node:') || NODE_BUILTINS.has(target.name.split('/')[0] ?? ''));
const isElectron = (target: ImportTarget) =>
  target.kind === 'package' && (target.name === 'electron' || target.name.startsWith('electron/'));

export const IMPORT_RULES: readonly ImportRule[] = [
  {
    // Everything else must run under plain Node: the backend, the Halo client and the store are tested
    // for real on a machine without the Electron binary (importing `electron` would try to download it).
    name: "only electron/main and electron/preload import 'electron'",
    from: (file) => !under('electron/main')(file) && !under('electron/preload')(file),
    forbids: isElectron,
  },
  {
    // The renderer is a sandboxed web page: it reaches the backend only through the typed IPC client.
    name: 'renderer imports neither electron/* nor Node',
    from: under('renderer'),
    forbids: (target) => fileUnder('electron')(target) || isNodeBuiltin(target),
  },
  {
    name: 'shared imports neither electron/* nor renderer/*',
    from: under('shared'),
    forbids: (target) => fileUnder('electron')(target) || fileUnder('renderer')(target),
  },
  {
    // The backend is the composition root the main process, the tests and the demo all use.
    name: 'electron/backend does not import electron/main',
    from: under('electron/backend'),
    forbids: fileUnder('electron/main'),
  },
  {
    name: 'electron/halo does not import electron/store',
    from: under('electron/halo'),
    forbids: fileUnder('electron/store'),
  },
  {
    // The matcher is pure: names in, suggestions out, so it can be benchmarked and run in a worker.
    name: 'electron/mapping imports neither electron/store nor electron/halo',
    from: under('electron/mapping'),
    forbids: (target) => fileUnder('electron/store')(target) || fileUnder('electron/halo')(target),
  },
  {
    // File formats and the worker's plumbing sit outside the matcher, which reads no files.
    name: 'electron/mapping imports neither file formats, the worker nor Node',
    from: under('electron/mapping'),
    forbids: (target) =>
      fileUnder('electron/file-formats')(target) ||
      fileUnder('electron/suggest-worker')(target) ||
      isNodeBuiltin(target),
  },
  {
    // Text in, rows out: the backend decides what a file's rows do.
    name: 'electron/file-formats imports neither the store, Halo nor the backend',
    from: under('electron/file-formats'),
    forbids: (target) =>
      fileUnder('electron/store')(target) ||
      fileUnder('electron/halo')(target) ||
      fileUnder('electron/backend')(target),
  },
  {
    // The worker thread loads only the matcher: no database handle or Halo client is ever copied into it.
    name: 'electron/suggest-worker imports only the matcher',
    from: under('electron/suggest-worker'),
    forbids: (target) =>
      fileUnder('electron/store')(target) ||
      fileUnder('electron/halo')(target) ||
      fileUnder('electron/backend')(target),
  },
];

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a source text imports, exports from or requires, as written. */
export function importSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier !== undefined) found.push(specifier);
  }
  return found;
}

export function resolveImport(file: string, specifier: string): ImportTarget {
  if (!specifier.startsWith('.')) return { kind: 'package', name: specifier };
  return { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) };
}

export interface ImportViolation {
  rule: string;
  file: string;
  specifier: string;
}

/** The imports among `files` (repo-relative path and text) that break a rule. */
export function importViolations(
  files: readonly { path: string; text: string }[],
  rules: readonly ImportRule[] = IMPORT_RULES,
): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const file of files) {
    const applicable = rules.filter((rule) => rule.from(file.path));
    if (applicable.length === 0) continue;
    for (const specifier of importSpecifiers(file.text)) {
      const target = resolveImport(file.path, specifier);
      for (const rule of applicable) {
        if (rule.forbids(target)) violations.push({ rule: rule.name, file: file.path, specifier });
      }
    }
  }
  return violations;
}
