import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupBeforeMigration, integrityOf } from './backups';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { LOCK_WAIT_MS, StoreError, startupFaultMessage, startupStoreError } from './storage-error';

export type SqliteDatabase = Database.Database;

export const DATABASE_FILE_NAME = 'halo-setup.db';

export { StoreError } from './storage-error';

export interface OpenDatabaseOptions {
  /** The clock that names the backup taken before a migration. */
  now?: () => Date;
  /** Receives one line per migration step applied ("migration 6 applied: Microsoft tenants"). */
  log?: (line: string) => void;
}

/**
 * Opens (or creates) `halo-setup.db` in `dataDir` and brings its schema up to date.
 *
 * Order matters: the schema version is read before anything writes to the file, so a database made by a
 * newer app is refused with the file left byte-for-byte untouched (switching to WAL would already write).
 * An existing database is checked with `integrity_check` first, so a damaged one is refused (and the
 * restore of a backup offered) before the app writes anything into it.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  let db: SqliteDatabase;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
  } catch (error) {
    throw (
      startupStoreError(error, file) ??
      new StoreError(
        'database-unreadable',
        `Could not open the database at ${file}: ${(error as Error).message}. Check that the folder is writable.`,
        { file },
      )
    );
  }
  try {
    // First, so that every step below (the WAL switch, the migration) waits for another program's lock.
    db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
    const version = readUserVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new StoreError(
        'database-too-new',
        `This database (${file}) was written by a newer version of Halo Setup (schema ${version}; this app understands up to ${LATEST_SCHEMA_VERSION}). Install the newer version again; the file was left untouched.`,
        { file, version, supported: LATEST_SCHEMA_VERSION },
      );
    }
    if (version > 0) refuseDamaged(db, file);
    switchToWal(db);
    db.pragma('foreign_keys = ON');
    // WAL + NORMAL is durable across application crashes (only an OS crash can lose the last commit).
    db.pragma('synchronous = NORMAL');
    migrate(
      db,
      version,
      () => backupBeforeMigration(db, dataDir, (options.now ?? (() => new Date()))()),
      options.log ?? (() => {}),
    );
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw (
      startupStoreError(error, file) ??
      new StoreError(
        'database-unreadable',
        `The database at ${file} could not be read: ${(error as Error).message}. Move the file aside to start afresh, or restore it from a backup.`,
        { file },
      )
    );
  }
}

function readUserVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Switches to WAL, waiting (as the busy timeout would) while another connection holds the file: SQLite
 * answers a journal-mode change that meets a lock with SQLITE_BUSY at once, without its busy handler, so
 * a second copy starting while the first upgrades a rollback-journal database would otherwise fail.
 */
function switchToWal(db: SqliteDatabase): void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() >= deadline) throw error;
      // A synchronous pause: opening the database is synchronous, and this is what busy_timeout does too.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

function refuseDamaged(db: SqliteDatabase, file: string): void {
  const integrity = integrityOf(db);
  if (integrity === 'ok') return;
  const cause = `integrity_check: ${integrity}`;
  throw new StoreError('database-corrupt', startupFaultMessage('corrupt', file, cause), {
    file,
    fault: 'corrupt',
    cause,
    integrityCheck: integrity,
  });
}

/**
 * Runs every pending migration in one transaction: either all of them apply, or none. An existing
 * database is backed up first. The transaction begins IMMEDIATE, taking the write lock before it reads
 * the version again: a second copy of the app that opened the same file at the same moment waits for the
 * first one's migration and then finds nothing left to do, instead of running the same steps twice.
 */
function migrate(db: SqliteDatabase, from: number, backup: () => void, log: (line: string) => void): void {
  if (from === LATEST_SCHEMA_VERSION) return;
  if (from > 0) backup();
  const applied = db
    .transaction(() => {
      const lines: string[] = [];
      const current = readUserVersion(db);
      for (let version = current + 1; version <= LATEST_SCHEMA_VERSION; version++) {
        const step = migrations[version - 1];
        if (step?.version !== version) throw new Error(`Migration ${version} is missing or out of order`);
        const started = performance.now();
        step.up(db);
        lines.push(
          `migration ${version} applied: ${step.name} (${Math.round(performance.now() - started)} ms)`,
        );
      }
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
      return lines;
    })
    .immediate();
  // Logged after the commit: a step that ran but was rolled back with a later one never applied.
  for (const line of applied) log(line);
}
