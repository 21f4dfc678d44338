import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_RULES, importSpecifiers, importViolations } from '../support/import-rules';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['electron', 'shared', 'renderer'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((entry) => {
    const relative = `${dir}/${entry}`;
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry) ? [relative] : [];
  });
}

const tree = () =>
  SCANNED.flatMap(sourceFiles).map((file) => ({
    path: file,
    text: readFileSync(path.join(ROOT, file), 'utf8'),
  }));

/** One file that breaks exactly one rule, per rule: proof that each rule can fail. */
const BREAKING_SAMPLES: { rule: string; path: string; text: string }[] = [
  {
    rule: "only electron/main and electron/preload import 'electron'",
    path: 'electron/backend/x.ts',
    text: "import { app } from 'electron';",
  },
  {
    rule: 'renderer imports neither electron/* nor Node',
    path: 'renderer/src/x.ts',
    text: "import fs from 'node:fs';",
  },
  {
    rule: 'renderer imports neither electron/* nor Node',
    path: 'renderer/src/x.ts',
    text: "import path from 'path';",
  },
  {
    rule: 'renderer imports neither electron/* nor Node',
    path: 'renderer/src/screens/x.tsx',
    text: "import type { Backend } from '../../../electron/backend';",
  },
  {
    rule: 'shared imports neither electron/* nor renderer/*',
    path: 'shared/x.ts',
    text: "export { openStore } from '../electron/store';",
  },
  {
    rule: 'shared imports neither electron/* nor renderer/*',
    path: 'shared/configuration/x.ts',
    text: "const api = await import('../../renderer/src/api');",
  },
  {
    rule: 'electron/backend does not import electron/main',
    path: 'electron/backend/handlers/x.ts',
    text: "import { logger } from '../../main/logging';",
  },
  {
    rule: 'electron/halo does not import electron/store',
    path: 'electron/halo/x.ts',
    text: "import type { CachedClient } from '../store';",
  },
  {
    rule: 'electron/mapping imports neither electron/store nor electron/halo',
    path: 'electron/mapping/x.ts',
    text: "import { cleanClientName } from '../halo/clean-name';",
  },
  {
    rule: 'electron/mapping imports neither electron/store nor electron/halo',
    path: 'electron/mapping/x.ts',
    text: "const store = require('../store');",
  },
  {
    rule: 'electron/mapping imports neither file formats, the worker nor Node',
    path: 'electron/mapping/x.ts',
    text: "import { parseOrganizationsCsv } from '../file-formats/organization-file';",
  },
  {
    rule: 'electron/mapping imports neither file formats, the worker nor Node',
    path: 'electron/mapping/x.ts',
    text: "import { readFileSync } from 'node:fs';",
  },
  {
    rule: 'electron/file-formats imports neither the store, Halo nor the backend',
    path: 'electron/file-formats/x.ts',
    text: "import { fileRefused } from '../backend/files/import-file';",
  },
  {
    rule: 'electron/suggest-worker imports only the matcher',
    path: 'electron/suggest-worker/x.ts',
    text: "import type { Store } from '../store';",
  },
];

describe('architecture: forbidden imports', () => {
  it('the real tree breaks no rule', () => {
    expect(importViolations(tree())).toEqual([]);
  });

  it('every rule has a sample that breaks it, and the checker reports exactly that rule', () => {
    for (const rule of IMPORT_RULES)
      expect(BREAKING_SAMPLES.some((sample) => sample.rule === rule.name)).toBe(true);
    for (const sample of BREAKING_SAMPLES) {
      expect(
        importViolations([sample]).map((violation) => violation.rule),
        sample.text,
      ).toEqual([sample.rule]);
    }
  });

  it('allowed imports pass: packages (electron-log is not electron), shared from anywhere, electron in the main process, halo and store from the backend', () => {
    const allowed = [
      {
        path: 'renderer/src/x.tsx',
        text: "import { z } from 'zod';\nimport type { Ipc } from '../../shared/ipc';",
      },
      {
        path: 'electron/main/x.ts',
        text: "import { app } from 'electron';\nimport { createBackend } from '../backend';",
      },
      {
        path: 'electron/backend/x.ts',
        text: "import { createHaloClient } from '../halo';\nimport { openStore } from '../store';",
      },
      {
        path: 'electron/mapping/x.ts',
        text: "import { decodeHtmlEntities } from '../../shared/html-entities';",
      },
      { path: 'renderer/src/x.ts', text: "import log from 'electron-log/renderer';" },
    ];
    expect(importViolations(allowed)).toEqual([]);
  });

  it('reads every form an import takes', () => {
    expect(
      importSpecifiers(
        [
          "import a from 'a';",
          "import { b,\n  c } from 'b';",
          "import type { D } from 'd';",
          "export * from 'e';",
          "export { f } from 'f';",
          "import 'g.css';",
          "const h = await import('h');",
          "const i = require('i');",
        ].join('\n'),
      ),
    ).toEqual(['a', 'b', 'd', 'e', 'f', 'g.css', 'h', 'i']);
  });
});
