import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type SqliteDatabase = Database.Database;

export const DATABASE_FILE_NAME = 'halo-setup.db';

/** A database problem the user must act on, with a message that says what to do. */
export class StoreError extends Error {
  constructor(
    readonly code: 'database-too-new' | 'database-unreadable',
    message: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Opens (or creates) `halo-setup.db` in `dataDir` and brings its schema up to date.
 *
 * Order matters: the schema version is read before anything writes to the file, so a database made by a
 * newer app is refused with the file left byte-for-byte untouched (switching to WAL would already write).
 */
export function openDatabase(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  let db: SqliteDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    throw new StoreError(
      'database-unreadable',
      `Could not open the database at ${file}: ${(error as Error).message}. Check that the folder is writable.`,
      { file },
    );
  }
  try {
    const version = readUserVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new StoreError(
        'database-too-new',
        `This database (${file}) was written by a newer version of Halo Setup (schema ${version}; this app understands up to ${LATEST_SCHEMA_VERSION}). Install the newer version again; the file was left untouched.`,
        { file, version, supported: LATEST_SCHEMA_VERSION },
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL + NORMAL is durable across application crashes (only an OS crash can lose the last commit).
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      'database-unreadable',
      `The database at ${file} could not be read: ${(error as Error).message}. Move the file aside to start afresh, or restore it from a backup.`,
      { file },
    );
  }
}

function readUserVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every pending migration in one transaction: either all of them apply, or none. */
function migrate(db: SqliteDatabase, from: number): void {
  if (from === LATEST_SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let version = from + 1; version <= LATEST_SCHEMA_VERSION; version++) {
      const sql = migrations[version - 1];
      if (sql === undefined) throw new Error(`Missing migration ${version}`);
      db.exec(sql);
    }
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
  })();
}
