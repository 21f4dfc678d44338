import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as asar from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../../electron-builder.config.mjs';
import { nativeArchitecture } from '../../../scripts/check-packed-natives.mjs';
import { makeTempDir } from '../../support/temp-dir';

/**
 * What can be proven about the installers on a machine without an Electron binary: electron-builder
 * assembles the unpacked Linux app from the real configuration, with a stand-in Electron folder (an
 * executable named `electron` and a `version` file) and the fuses off (flipping them needs the real
 * binary). Then the app.asar is read back: the entry points are in it, the native modules sit beside
 * it, and nothing but the built app and its production dependencies was packed.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const temp = makeTempDir('halo-setup-packaging-');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version as string;
let resources = '';
let entries: string[] = [];
let unpackedFiles: string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  if (!existsSync(path.join(root, 'out/main/index.js'))) {
    // npm test builds before the tests; this is for running the file on its own.
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('electron-vite build failed');
  }
  // A snapshot of the project to pack: out/ copied (so a concurrent rebuild cannot change it mid-pack),
  // package.json and the lockfile copied, node_modules linked.
  const project = path.join(temp.dir, 'project');
  mkdirSync(project);
  cpSync(path.join(root, 'out'), path.join(project, 'out'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json'])
    cpSync(path.join(root, file), path.join(project, file));
  symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'junction');
  const standIn = path.join(temp.dir, 'electron-dist');
  mkdirSync(standIn);
  writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in for Electron"\n');
  chmodSync(path.join(standIn, 'electron'), 0o755);
  writeFileSync(path.join(standIn, 'version'), electronVersion);
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist: standIn,
      electronVersion,
      electronFuses: null,
      directories: { ...config.directories, output: path.join(temp.dir, 'dist') },
    },
  });
  resources = path.join(temp.dir, 'dist', 'linux-unpacked', 'resources');
  entries = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false });
  unpackedFiles = filesUnder(path.join(resources, 'app.asar.unpacked')).map((file) =>
    path.relative(path.join(resources, 'app.asar.unpacked'), file).split(path.sep).join('/'),
  );
}, 240_000);

afterAll(() => temp.cleanup());

// Linux only: the natives in node_modules are the build machine's, and the stand-in is a Linux
// executable, so on a Mac or Windows runner this build would (rightly) fail the afterPack arch check.
// There the real installers are built by the release workflow instead.
describe.runIf(process.platform === 'linux' && process.arch === 'x64')(
  'electron-builder --linux dir (stand-in Electron, fuses off)',
  () => {
    it('packs the entry points: main, the CommonJS preload, the renderer page', () => {
      for (const entry of [
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/package.json',
      ])
        expect(entries).toContain(entry);
      const packed = JSON.parse(
        asar.extractFile(path.join(resources, 'app.asar'), 'package.json').toString('utf8'),
      );
      expect(packed.main).toBe('out/main/index.js');
      expect(packed.devDependencies).toBeUndefined();
    });

    it('ships nothing at the top level but out/, package.json and node_modules', () => {
      const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
      expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    });

    it('ships no tests, TypeScript sources or source maps, anywhere', () => {
      const everything = [...entries, ...unpackedFiles.map((file) => `/${file}`)];
      expect(everything.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
      expect(everything.filter((entry) => /\.map$/.test(entry))).toEqual([]);
      expect(everything.filter((entry) => /\/(test|tests|__tests__)(\/|$)/.test(entry))).toEqual([]);
    });

    it('unpacks better-sqlite3 and keytar binaries beside the asar, built for linux x64', () => {
      const natives = unpackedFiles.filter((file) => file.endsWith('.node')).sort();
      expect(natives).toEqual([
        'node_modules/better-sqlite3/prebuilds/linux-x64.node',
        'node_modules/keytar/build/Release/keytar.node',
      ]);
      for (const file of natives) {
        const bytes = readFileSync(path.join(resources, 'app.asar.unpacked', file));
        expect(nativeArchitecture(bytes)).toEqual({ format: 'elf', arch: 'x64' });
      }
      // Inside the asar there is no .node file that would have to be loaded from the archive.
      const nodeInAsar = entries.filter((entry) => entry.endsWith('.node'));
      for (const entry of nodeInAsar) expect(unpackedFiles).toContain(entry.slice(1));
    });

    it('ships only the linux-x64 better-sqlite3 prebuild of the eight', () => {
      const prebuilds = [...entries, ...unpackedFiles.map((file) => `/${file}`)].filter((entry) =>
        entry.includes('better-sqlite3/prebuilds/'),
      );
      expect(new Set(prebuilds)).toEqual(new Set(['/node_modules/better-sqlite3/prebuilds/linux-x64.node']));
      expect(entries.some((entry) => entry.includes('better-sqlite3/deps'))).toBe(false);
    });

    it("packs every production dependency and none of keytar's install-time helpers", () => {
      const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      for (const name of Object.keys(own.dependencies))
        expect(entries).toContain(`/node_modules/${name}/package.json`);
      for (const helper of ['prebuild-install', 'tar-fs', 'simple-get', 'node-abi', 'rc', 'node-addon-api'])
        expect(entries.some((entry) => entry.startsWith(`/node_modules/${helper}/`))).toBe(false);
      expect(entries.some((entry) => entry.startsWith('/node_modules/electron/'))).toBe(false);
      expect(entries.some((entry) => entry.startsWith('/node_modules/vitest/'))).toBe(false);
    });

    it('the packed better-sqlite3 and keytar load from app.asar.unpacked (N-API: the same binary Electron loads)', () => {
      const load = createRequire(path.join(resources, 'app.asar.unpacked', 'node_modules', 'index.js'));
      const Database = load('better-sqlite3') as typeof import('better-sqlite3');
      const db = new Database(':memory:');
      expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.any(String) });
      db.close();
      const keytar = load('keytar') as typeof import('keytar');
      expect(typeof keytar.getPassword).toBe('function');
    });
  },
);
