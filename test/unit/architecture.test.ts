import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Only the thin Electron layer may import `electron`: everything else must run under plain Node, which
 * is what lets the backend, the Halo client and the store be tested for real on a machine without the
 * Electron binary (importing `electron` there would try to download it).
 */
const ALLOWED = [path.join('electron', 'main'), path.join('electron', 'preload')];
const SCANNED = ['electron', 'shared', 'renderer'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry) ? [full] : [];
  });
}

describe('architecture', () => {
  it('nothing outside electron/main and electron/preload imports electron', () => {
    const offenders = SCANNED.flatMap(sourceFiles)
      .filter((file) => !ALLOWED.some((allowed) => file.startsWith(allowed + path.sep)))
      .filter((file) =>
        /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/.test(
          readFileSync(file, 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('the scan would notice such an import', () => {
    const pattern = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;
    expect(pattern.test("import { app } from 'electron';")).toBe(true);
    expect(pattern.test("const e = require('electron');")).toBe(true);
    expect(pattern.test("import log from 'electron-log/node';")).toBe(false);
  });
});
