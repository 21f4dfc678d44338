import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openStore, StoreError } from '../../../electron/store';
import { openDatabase } from '../../../electron/store/database';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/store/migrations';
import { makeTempDir } from '../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const fileOf = (dir: string) => path.join(dir, DATABASE_FILE_NAME);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates halo-setup.db with WAL, foreign keys and the latest schema', () => {
    const db = openDatabase(temp.dir);
    expect(existsSync(fileOf(temp.dir))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['configurations', 'instances', 'validation_results']));
    db.close();
  });

  it('upgrades an older database, running the pending steps only', () => {
    const old = new Database(fileOf(temp.dir));
    migrations[0]?.up(old);
    old.prepare("INSERT INTO instances VALUES ('a', 'Kept', 't', 't')").run();
    old.pragma('user_version = 1');
    old.close();

    const db = openDatabase(temp.dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM instances').all()).toEqual([{ name: 'Kept' }]);
    db.close();
  });

  it('logs one line per migration step it applies, by version and name, after the upgrade commits', () => {
    const old = new Database(fileOf(temp.dir));
    migrations[0]?.up(old);
    old.pragma('user_version = 1');
    old.close();

    const lines: string[] = [];
    openDatabase(temp.dir, { log: (line) => lines.push(line) }).close();
    expect(lines.map((line) => line.replace(/ \(\d+ ms\)$/, ''))).toEqual(
      migrations.slice(1).map((step) => `migration ${step.version} applied: ${step.name}`),
    );
    const reopened: string[] = [];
    openDatabase(temp.dir, { log: (line) => reopened.push(line) }).close();
    expect(reopened).toEqual([]);
  });

  it('numbers its migrations 1..N in order, each with a name', () => {
    expect(migrations.map((step) => step.version)).toEqual(migrations.map((_, at) => at + 1));
    for (const step of migrations) expect(step.name.length).toBeGreaterThan(3);
  });

  it('applies all pending migrations in one transaction: a failing step leaves the database as it was', () => {
    const old = new Database(fileOf(temp.dir));
    migrations[0]?.up(old);
    // A stray table makes migration 2 fail halfway through the upgrade.
    old.exec('CREATE TABLE validation_results (x INTEGER)');
    old.pragma('user_version = 1');
    old.close();

    expect(() => openDatabase(temp.dir)).toThrow(StoreError);
    const check = new Database(fileOf(temp.dir));
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    const columns = check.prepare('PRAGMA table_info(validation_results)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).toEqual(['x']);
    check.close();
  });

  it('refuses a database written by a newer app and leaves the file byte-for-byte untouched', () => {
    const newer = new Database(fileOf(temp.dir));
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = sha256(fileOf(temp.dir));

    let error: unknown;
    try {
      openDatabase(temp.dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('database-too-new');
    expect((error as StoreError).message).toMatch(/newer version of Halo Setup/);
    expect((error as StoreError).message).toMatch(/left untouched/);
    expect(sha256(fileOf(temp.dir))).toBe(before);
    expect(existsSync(`${fileOf(temp.dir)}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database with a message saying what to do', () => {
    const store = openStore(temp.dir);
    store.close();
    // Overwrite with garbage.
    fs.rmSync(`${fileOf(temp.dir)}-wal`, { force: true });
    fs.rmSync(`${fileOf(temp.dir)}-shm`, { force: true });
    fs.writeFileSync(
      fileOf(temp.dir),
      'this is not a database, it is a text file that is long enough'.repeat(20),
    );
    expect(() => openDatabase(temp.dir)).toThrow(
      /is damaged \(SQLITE_NOTADB.*could not open it.*Restore the last good backup, or move the file aside/,
    );
  });
});

describe('store repositories', () => {
  it('deleting an instance removes its configuration and validation result (foreign keys cascade)', () => {
    const store = openStore(temp.dir);
    store.instances.insert('i1', 'Production', '2026-01-01T00:00:00.000Z');
    store.configurations.upsert({
      instanceId: 'i1',
      resourceServer: 'acme.halopsa.com',
      clientId: '8f4c2a1e-1111-2222-3333-444455556666',
      tenant: 'acme',
      authServer: '',
      isOnPremise: false,
      caCertificatePem: '',
      hasClientSecret: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    store.db
      .prepare("INSERT INTO validation_results VALUES ('i1', 'ok', '2026-01-01T00:00:00.000Z', '{}')")
      .run();
    expect(store.instances.delete('i1')).toBe(true);
    expect(store.configurations.get('i1')).toBeNull();
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM validation_results').get()).toEqual({ n: 0 });
    store.close();
  });

  it('keeps instance names unique regardless of case', () => {
    const store = openStore(temp.dir);
    store.instances.insert('i1', 'Production', 'now');
    expect(() => store.instances.insert('i2', 'PRODUCTION', 'now')).toThrow(/UNIQUE/);
    expect(store.instances.findIdByName('production')).toBe('i1');
    store.close();
  });

  it('rolls back a multi-row change that fails halfway', () => {
    const store = openStore(temp.dir);
    expect(() =>
      store.transaction(() => {
        store.instances.insert('i1', 'One', 'now');
        store.instances.insert('i2', 'one', 'now'); // violates the unique name index
      }),
    ).toThrow();
    expect(store.instances.list()).toEqual([]);
    store.close();
  });
});
