import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { toAppErrorData } from '../../../electron/backend/app-error';
import {
  DATABASE_FILE_NAME,
  lastGoodBackup,
  listBackups,
  openStore,
  restoreBackup,
  StoreError,
} from '../../../electron/store';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/store/migrations';
import { explainRuntimeError } from '../../../electron/store/storage-error';
import { detailsOf } from '../../support/backend-calls';
import { damageDatabasePages } from '../../support/damage-database';
import { holdWriteLock } from '../../support/hold-write-lock';
import { upgradeSql } from '../../support/migration-sql';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

// The storage fault matrix of issue 10 (items 5 and 6): disk full, read-only, locked and corrupt, each met
// through the backend's channels where the app meets it. After each fault the database is opened again and
// every row saved before is checked, and the message must name the cause and the next step.

const temp = makeTempDir();
afterAll(() => temp.cleanup());
let backend: Backend | null = null;
const mounts: string[] = [];
afterEach(() => {
  backend?.close();
  backend = null;
  for (const dir of mounts.splice(0)) execFileSync('umount', ['-l', dir]);
});
let run = 0;
const freshDir = () => path.join(temp.dir, `data-${++run}`);

function open(dataDir: string): Backend {
  return testBackend(dataDir);
}

/** Saves instances and organizations through the channels; returns their names, to check later. */
async function seed(target: Backend): Promise<{ instances: string[]; organizations: string[] }> {
  const instances = ['Production', 'Sandbox'];
  const organizations = ['Acme Ltd', 'Globex', 'Initech'];
  for (const name of instances) expect((await target.invoke('instances:create', { name })).ok).toBe(true);
  for (const name of organizations)
    expect((await target.invoke('organizations:upsert', { name })).ok).toBe(true);
  return { instances, organizations };
}

/** Opens the database again (a fresh connection, as after a restart) and lists what is saved. */
async function savedNames(dataDir: string): Promise<{ instances: string[]; organizations: string[] }> {
  const reopened = open(dataDir);
  try {
    const instances = await reopened.invoke('instances:list', {});
    const organizations = await reopened.invoke('organizations:list', {});
    if (!instances.ok || !organizations.ok) throw new Error('could not list after reopening');
    return {
      instances: instances.value.instances.map((row) => row.name).sort(),
      organizations: organizations.value.organizations.map((row) => row.name).sort(),
    };
  } finally {
    reopened.close();
  }
}

/** Starting the app on `dataDir` fails with a StoreError, returned. */
function startingFails(dataDir: string): StoreError {
  try {
    open(dataDir).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('the app started, but was expected to refuse the database');
}

const sorted = (saved: { instances: string[]; organizations: string[] }) => ({
  instances: [...saved.instances].sort(),
  organizations: [...saved.organizations].sort(),
});

/** A tmpfs of `size` mounted on `dir`: a real small file system, which needs root on Linux. */
function smallFileSystem(dir: string, size: string): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs root on Linux to mount a tmpfs';
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}`;
  }
  mounts.push(dir);
  return null;
}

const mountRefusal = smallFileSystem(path.join(temp.dir, 'probe'), '64k');
if (mountRefusal === null) execFileSync('umount', ['-l', mounts.pop() ?? '']);
if (mountRefusal) console.warn(`storage-faults: the small-file-system cases are skipped: ${mountRefusal}`);

describe('writes wait for a lock instead of failing at once (item 6)', () => {
  it('a transaction that reads, then writes, waits out another program holding the write lock ~300 ms', async () => {
    const dataDir = freshDir();
    const store = openStore(dataDir);
    store.instances.insert('i1', 'Production', 'now');
    const lock = await holdWriteLock(path.join(dataDir, DATABASE_FILE_NAME), 300);
    const started = performance.now();
    // Reads first (a DEFERRED transaction would take a read snapshot here and fail at the write).
    store.transaction(() => {
      expect(store.instances.findIdByName('Sandbox')).toBeNull();
      store.instances.insert('i2', 'Sandbox', 'now');
    });
    expect(performance.now() - started).toBeGreaterThan(150);
    await lock.done;
    expect(store.instances.list().map((row) => row.name)).toEqual(['Production', 'Sandbox']);
    store.close();
  });
});

describe('storage fault matrix (item 5)', () => {
  it('migration race: a second copy opening while the first migrates waits for it and finds nothing to do', async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const old = new Database(file);
    migrations[0]?.up(old);
    old.prepare("INSERT INTO instances VALUES ('a', 'Kept', 't', 't')").run();
    old.pragma('user_version = 1');
    old.close();
    // The first copy (another process) runs the upgrade and holds its lock for 300 ms; until it commits,
    // this copy still reads schema 1, so it has an upgrade to run too.
    const upgrade = `${upgradeSql(1)}; PRAGMA user_version = ${LATEST_SCHEMA_VERSION};`;
    const first = await holdWriteLock(file, 300, { sql: upgrade, begin: 'IMMEDIATE' });
    const second = openStore(dataDir);
    await first.done;
    expect(second.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(second.instances.list().map((row) => row.name)).toEqual(['Kept']);
    second.close();
  });

  it('locked: another program holds the lock past the busy timeout; the message says so; nothing is lost', async () => {
    const dataDir = freshDir();
    backend = open(dataDir);
    const saved = await seed(backend);
    const lock = await holdWriteLock(path.join(dataDir, DATABASE_FILE_NAME), 6500);
    const result = await backend.invoke('organizations:upsert', { name: 'Hooli' });
    await lock.done;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('database-locked');
    expect(result.error.message).toMatch(/locked by another program/);
    expect(result.error.message).toMatch(/Close the other program.*then try again/);
    expect(result.error.message).toMatch(/everything saved before is kept/);
    backend.close();
    backend = null;
    expect(await savedNames(dataDir)).toEqual(sorted(saved));
  }, 20_000);

  it('disk full (SQLite max_page_count, portable): the message names the full disk; nothing is lost', () => {
    const dataDir = freshDir();
    const store = openStore(dataDir);
    store.instances.insert('i1', 'Production', 'now');
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    let caught: unknown;
    try {
      store.transaction(() => {
        for (let index = 0; index < 500; index++)
          store.instances.insert(`x${index}`, `Filler ${'x'.repeat(200)} ${index}`, 'now');
      });
    } catch (error) {
      caught = error;
    }
    const data = toAppErrorData(store.explainError(caught));
    expect(data.code).toBe('disk-full');
    expect(data.message).toMatch(/is full \(SQLITE_FULL/);
    expect(data.message).toMatch(/Free some space on that disk, then try again/);
    store.close();
    const reopened = openStore(dataDir);
    expect(reopened.instances.list().map((row) => row.name)).toEqual(['Production']);
    reopened.close();
  });

  it.skipIf(mountRefusal !== null)(
    'disk full (a real 1 MB tmpfs): the channel says the disk is full; nothing is lost',
    async () => {
      const dataDir = path.join(temp.dir, `tmpfs-full-${++run}`);
      smallFileSystem(dataDir, '1m');
      backend = open(dataDir);
      const saved = await seed(backend);
      // Fill the file system but for a few pages.
      const filler = path.join(dataDir, 'filler');
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(4096, 1);
      try {
        while (statfsSync(dataDir).bavail > 2) writeSync(fd, chunk);
      } catch {
        // ENOSPC: full already
      }
      closeSync(fd);
      let failure: { code: string; message: string } | null = null;
      for (let index = 0; index < 200 && !failure; index++) {
        const result = await backend.invoke('organizations:upsert', {
          name: `Extra ${index} ${'y'.repeat(250)}`,
        });
        if (result.ok) saved.organizations.push(result.value.name);
        else failure = result.error;
      }
      expect(failure?.code).toBe('disk-full');
      expect(failure?.message).toMatch(/disk that holds the Halo Setup database .* is full/);
      expect(failure?.message).toMatch(/Free some space on that disk/);
      backend.close();
      backend = null;
      rmSync(filler);
      expect(await savedNames(dataDir)).toEqual(sorted(saved));
    },
  );

  it.skipIf(mountRefusal !== null)(
    'read-only (the tmpfs remounted read-only): start-up says so and what to do; nothing is lost',
    async () => {
      const dataDir = path.join(temp.dir, `tmpfs-ro-${++run}`);
      smallFileSystem(dataDir, '4m');
      backend = open(dataDir);
      const saved = await seed(backend);
      // Linux refuses to remount read-only while a file is open for writing (EBUSY), so the app is closed
      // first: this is the start-up case. A write refused while the app runs is the readonly-flag case below.
      backend.close();
      backend = null;
      execFileSync('mount', ['-o', 'remount,ro', dataDir]);
      const startup = startingFails(dataDir);
      expect(startup.code).toBe('database-read-only');
      expect(startup.message).toMatch(/cannot be written.*read-only/);
      expect(startup.message).toMatch(/Make the file and its folder writable.*start Halo Setup again/);
      execFileSync('mount', ['-o', 'remount,rw', dataDir]);
      expect(await savedNames(dataDir)).toEqual(sorted(saved));
    },
  );

  it('read-only (the file opened with SQLite readonly, where no read-only mount is possible): classified read-only', () => {
    const dataDir = freshDir();
    openStore(dataDir).close();
    const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    let caught: unknown;
    try {
      db.prepare("INSERT INTO instances VALUES ('a', 'A', 'now', 'now')").run();
    } catch (error) {
      caught = error;
    }
    db.close();
    const store = openStore(dataDir);
    const data = toAppErrorData(store.explainError(caught));
    store.close();
    expect(data.code).toBe('database-read-only');
    expect(detailsOf(data, 'database-read-only').cause).toMatch(/SQLITE_READONLY/);
  });

  it('corrupt: start-up runs integrity_check, refuses the damaged file, and the last good backup brings the data back', async () => {
    const dataDir = freshDir();
    backend = open(dataDir);
    const saved = await seed(backend);
    backend.close();
    // The next start takes the daily backup (there is data and no backup yet).
    backend = open(dataDir);
    const deadline = Date.now() + 10_000;
    while (listBackups(dataDir).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    backend.close();
    backend = null;
    expect(listBackups(dataDir).map((backup) => backup.reason)).toEqual(['daily']);

    // Overwrite pages 2 and 3 (the file header on page 1 stays, so only integrity_check can tell).
    damageDatabasePages(path.join(dataDir, DATABASE_FILE_NAME));

    const startup = startingFails(dataDir);
    expect(startup.code).toBe('database-corrupt');
    expect(startup.message).toMatch(/is damaged/);
    expect(startup.message).toMatch(/Restore the last good backup/);

    const good = lastGoodBackup(dataDir);
    expect(good).not.toBeNull();
    if (!good) return;
    const { movedAside } = restoreBackup(dataDir, DATABASE_FILE_NAME, good, new Date());
    expect(existsSync(movedAside)).toBe(true);
    expect(await savedNames(dataDir)).toEqual(sorted(saved));
  });
});

describe('which errors are storage faults', () => {
  const explain = (error: unknown) => explainRuntimeError(error, '/data/halo-setup.db', () => 'ok');
  it.each([
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_IOERR_WRITE', 'disk-error'],
    ['SQLITE_READONLY_DBMOVED', 'database-read-only'],
    ['SQLITE_BUSY_SNAPSHOT', 'database-locked'],
    ['SQLITE_CORRUPT_INDEX', 'database-corrupt'],
    ['SQLITE_NOTADB', 'database-corrupt'],
  ])('%s becomes %s', (code, expected) => {
    const explained = explain(new Database.SqliteError('from SQLite', code));
    expect(explained).toBeInstanceOf(StoreError);
    expect((explained as StoreError).code).toBe(expected);
    expect((explained as StoreError).details.cause).toBe(`${code}: from SQLite`);
  });

  it('a constraint error, or an EACCES reading some other file, is not said to be the database', () => {
    const constraint = new Database.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE');
    expect(explain(constraint)).toBe(constraint);
    const elsewhere = Object.assign(new Error("EACCES: permission denied, open 'orgs.csv'"), {
      code: 'EACCES',
    });
    expect(explain(elsewhere)).toBe(elsewhere);
  });
});
