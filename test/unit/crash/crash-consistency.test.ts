import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/store';
import { makeTempDir } from '../../support/temp-dir';
import { CRASH_CLIENTS, CRASH_ORGANIZATIONS, crashCacheClients, crashClientId } from './crash-rules';

/**
 * Nothing lost: a child process writes to a real SQLite file in a loop (Save Mappings, or the Refresh
 * Options cache write) and is SIGKILLed at a random moment, many times. After every kill the database
 * must pass `integrity_check`, and the saved mappings (or the cache) must be wholly one generation:
 * never a mix of before and after.
 */

const KILLS_PER_MODE = 20;
const temp = makeTempDir('halo-setup-crash-');
afterAll(() => temp.cleanup());

const repoRoot = path.resolve(import.meta.dirname, '../../..');
/**
 * The child is bundled once with esbuild (the one tsx itself runs on) so each of the many restarts
 * costs a plain `node` start instead of a TypeScript transform. The bundle sits under node_modules/.cache
 * so its package imports (better-sqlite3, zod, axios) resolve from the repository.
 */
const childBundle = path.join(
  repoRoot,
  'node_modules',
  '.cache',
  'halo-setup-crash-test',
  `crash-child-${process.pid}.mjs`,
);

beforeAll(() => {
  const built = spawnSync(
    path.join(repoRoot, 'node_modules', '.bin', 'esbuild'),
    [
      path.join(import.meta.dirname, 'crash-child.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${childBundle}`,
      '--log-level=warning',
    ],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`could not bundle the crash child: ${built.stderr}`);
});
afterAll(() => rmSync(childBundle, { force: true }));

function prepare(dataDir: string): string {
  const store = openStore(dataDir);
  const instanceId = randomUUID();
  const now = new Date().toISOString();
  store.transaction(() => {
    store.instances.insert(instanceId, 'Crash', now);
    for (let index = 0; index < CRASH_ORGANIZATIONS; index++) {
      const name = `Org ${String(index).padStart(4, '0')}`;
      store.organizations.insert({ id: `org-${name}`, name, domain: null, externalId: null }, now);
    }
    store.haloOptions.replace(
      instanceId,
      Array.from({ length: CRASH_CLIENTS }, (_, index) => ({
        id: index + 1,
        name: `Client ${index + 1}`,
        toplevelId: 1,
        toplevelName: 'Customers',
        inactive: false,
        mainSiteName: null,
        website: null,
        ref: null,
        accountsId: null,
      })),
      [{ id: 1, name: 'Customers' }],
      now,
    );
  });
  store.close();
  return instanceId;
}

/** Starts the child, waits until it writes, lets it run for a random moment, then SIGKILLs it. */
async function runAndKill(dataDir: string, mode: 'save' | 'refresh', instanceId: string): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [childBundle, dataDir, mode, instanceId], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    void exited.then(({ code }) => reject(new Error(`child exited early (${code}): ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 250));
  child.kill('SIGKILL');
  const { signal } = await exited;
  expect(signal, `the child died on its own: ${stderr}`).toBe('SIGKILL');
}

function checkIntegrity(store: Store): void {
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(store.db.pragma('foreign_key_check')).toEqual([]);
}

/** The saved set is wholly generation G; the draft is wholly empty or wholly generation G + 1. */
function checkSavedMappings(store: Store, instanceId: string): number {
  const state = store.mappings.state(instanceId);
  const saved = store.mappings.saved(instanceId);
  const organizations = store.organizations.list();
  const generation = state.savedGeneration;
  if (generation === 0) {
    expect(saved.size).toBe(0);
  } else {
    expect(saved.size).toBe(CRASH_ORGANIZATIONS);
    expect(state.savedCount).toBe(CRASH_ORGANIZATIONS);
    organizations.forEach((organization, index) => {
      const value = saved.get(organization.id);
      const expected = crashClientId(generation, index);
      expect(value).toEqual({
        state: 'mapped',
        clientId: expected,
        clientName: `Client ${expected}`,
        signal: 'manual',
        score: null,
      });
    });
  }
  const overrides = store.mappings.draftOverrides(instanceId);
  expect([0, CRASH_ORGANIZATIONS]).toContain(overrides.size);
  if (overrides.size > 0) {
    organizations.forEach((organization, index) => {
      const value = overrides.get(organization.id);
      expect(value?.state === 'mapped' ? value.clientId : null).toBe(crashClientId(generation + 1, index));
    });
  }
  return generation;
}

/** The cache is wholly generation G: its count, every row's generation and every name agree. */
function checkCache(store: Store, instanceId: string): number {
  const meta = store.haloOptions.meta(instanceId);
  const generation = meta?.generation ?? 0;
  const clients = store.haloOptions.clients(instanceId);
  const rowGenerations = store.db
    .prepare<[string], { generation: number; rows: number }>(
      'SELECT generation, count(*) AS rows FROM halo_clients WHERE instance_id = ? GROUP BY generation',
    )
    .all(instanceId);
  expect(rowGenerations).toEqual([{ generation, rows: clients.length }]);
  expect(meta?.clientCount).toBe(clients.length);
  if (generation > 1) {
    expect(clients.length).toBe(crashCacheClients(generation).length);
    expect(clients.every((client) => client.name.endsWith(` g${generation}`))).toBe(true);
  }
  return generation;
}

describe('nothing lost when the process is killed', () => {
  it(`Save Mappings: ${KILLS_PER_MODE} SIGKILLs at random moments leave the saved set wholly before or after`, async () => {
    const dataDir = path.join(temp.dir, 'save');
    const instanceId = prepare(dataDir);
    const generations: number[] = [];
    for (let kill = 0; kill < KILLS_PER_MODE; kill++) {
      await runAndKill(dataDir, 'save', instanceId);
      const store = openStore(dataDir);
      try {
        checkIntegrity(store);
        generations.push(checkSavedMappings(store, instanceId));
      } finally {
        store.close();
      }
    }
    // The loop really ran between kills: many saves happened, so kills landed in every phase.
    expect(generations.at(-1) ?? 0).toBeGreaterThan(KILLS_PER_MODE);
    expect(generations).toEqual([...generations].sort((a, b) => a - b));
  }, 60_000);

  it(`Refresh Options cache write: ${KILLS_PER_MODE} SIGKILLs leave the cache wholly old or wholly new`, async () => {
    const dataDir = path.join(temp.dir, 'refresh');
    const instanceId = prepare(dataDir);
    const generations: number[] = [];
    for (let kill = 0; kill < KILLS_PER_MODE; kill++) {
      await runAndKill(dataDir, 'refresh', instanceId);
      const store = openStore(dataDir);
      try {
        checkIntegrity(store);
        generations.push(checkCache(store, instanceId));
      } finally {
        store.close();
      }
    }
    expect(generations.at(-1) ?? 0).toBeGreaterThan(KILLS_PER_MODE);
  }, 60_000);
});
