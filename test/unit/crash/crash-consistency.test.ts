import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openStore, type Store } from '../../../electron/store';
import { seededRandom } from '../../fake-halo/prng';
import { makeTempDir } from '../../support/temp-dir';
import { CRASH_CLIENTS, CRASH_ORGANIZATIONS, crashCacheClients, crashClientId } from './crash-rules';

/**
 * Nothing lost: a child process writes to a real SQLite file in a loop (Save Mappings, or the Refresh
 * Options cache write) and is SIGKILLed at a random moment, many times. After every kill the database
 * must pass `integrity_check`, and the saved mappings (or the cache) must be wholly one generation:
 * never a mix of before and after, and never older than the last write the child reported committed.
 *
 * Each kill waits for the child's first committed write, then a random 5-255 ms, so every run makes
 * progress however slow the machine is and the kills still land at random points of the write loop.
 * The delays come from a seeded generator; a failure prints the seed (rerun with CRASH_TEST_SEED=<seed>).
 */

const KILLS_PER_MODE = 20;
const seed =
  process.env.CRASH_TEST_SEED === undefined ? randomInt(2 ** 31) : Number(process.env.CRASH_TEST_SEED);
const random = seededRandom(seed);
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
        tenants: [],
      })),
      [{ id: 1, name: 'Customers' }],
      now,
    );
  });
  store.close();
  return instanceId;
}

/** Children not yet reaped: a failed or timed-out test must not leave one writing in the background. */
const running = new Set<ChildProcess>();
function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
afterEach(killLeftovers);
afterAll(killLeftovers);

function reportSeedOnFailure(): void {
  onTestFailed(() => {
    console.error(`crash test kill delays came from seed ${seed}: rerun with CRASH_TEST_SEED=${seed}`);
  });
}

/**
 * Starts the child, waits for its first committed write, lets it run for a random moment, then
 * SIGKILLs it. Returns the last generation the child reported committed before it died.
 */
async function runAndKill(dataDir: string, mode: 'save' | 'refresh', instanceId: string): Promise<number> {
  // stdin is a pipe only so that the child sees it end if this process dies without killing it
  const child = spawn(process.execPath, [childBundle, dataDir, mode, instanceId], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // 'close', not 'exit': it comes after stdout is drained, so every line the child wrote has been read
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let lastReported = 0;
  const firstWrite = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^saved (\d+)$/.exec(line);
      if (match === null) return;
      lastReported = Number(match[1]);
      resolve();
    });
    void closed.then(({ code, signal }) =>
      reject(new Error(`the child ended before its first write (code ${code}, signal ${signal}): ${stderr}`)),
    );
  });
  await firstWrite;
  await new Promise((resolve) => setTimeout(resolve, 5 + random() * 250));
  child.kill('SIGKILL');
  const { signal } = await closed;
  expect(signal, `the child died on its own: ${stderr}`).toBe('SIGKILL');
  return lastReported;
}

/**
 * Kills the child KILLS_PER_MODE times; after each kill the database must be intact and `check` must
 * find one whole generation, no older than the last one reported committed and at most the one being
 * written when the kill came.
 */
async function killRepeatedly(
  mode: 'save' | 'refresh',
  check: (store: Store, instanceId: string) => number,
): Promise<number[]> {
  reportSeedOnFailure();
  const dataDir = path.join(temp.dir, mode);
  const instanceId = prepare(dataDir);
  const generations: number[] = [];
  for (let kill = 0; kill < KILLS_PER_MODE; kill++) {
    const reported = await runAndKill(dataDir, mode, instanceId);
    const store = openStore(dataDir);
    try {
      checkIntegrity(store);
      const generation = check(store, instanceId);
      expect(generation, 'a write the child reported committed was lost').toBeGreaterThanOrEqual(reported);
      expect(generation).toBeLessThanOrEqual(reported + 1);
      generations.push(generation);
    } finally {
      store.close();
    }
  }
  return generations;
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
  // The time limits only bound a stuck child: each run waits for real progress, not for the clock.
  it(`Save Mappings: ${KILLS_PER_MODE} SIGKILLs at random moments leave the saved set wholly before or after`, async () => {
    const generations = await killRepeatedly('save', checkSavedMappings);
    // Every run committed at least one save before its kill, so kills landed across many saves.
    expect(generations.at(-1) ?? 0).toBeGreaterThanOrEqual(KILLS_PER_MODE);
    expect(generations).toEqual([...generations].sort((a, b) => a - b));
  }, 120_000);

  it(`Refresh Options cache write: ${KILLS_PER_MODE} SIGKILLs leave the cache wholly old or wholly new`, async () => {
    const generations = await killRepeatedly('refresh', checkCache);
    expect(generations.at(-1) ?? 0).toBeGreaterThanOrEqual(KILLS_PER_MODE);
    expect(generations).toEqual([...generations].sort((a, b) => a - b));
  }, 120_000);
});
