import path from 'node:path';
import { integrityOf } from './backups';
import { createConfigurationsRepository } from './configurations';
import { DATABASE_FILE_NAME, type OpenDatabaseOptions, openDatabase, type SqliteDatabase } from './database';
import { createHaloOptionsRepository } from './halo-options';
import { createInstancesRepository } from './instances';
import { createMappingsRepository } from './mappings';
import { createOrganizationsRepository } from './organizations';
import { explainRuntimeError } from './storage-error';
import type { BadRowReporter } from './stored-json';
import { createValidationResultsRepository } from './validation-results';
import { createWizardRepository } from './wizard';

export type { BackupFile } from './backups';
export { lastGoodBackup, listBackups, restoreBackup } from './backups';
export type { StoredConfiguration } from './configurations';
export { DATABASE_FILE_NAME, StoreError } from './database';
export type { CachedClient, CachedOptionsMeta, CachedTenant } from './halo-options';
export type { InstanceRow } from './instances';
export type { Decision, DecisionRow, MappingState, RowChange, SavedElsewhere } from './mappings';
export type { StoreErrorCode } from './storage-error';

export interface OpenStoreOptions extends OpenDatabaseOptions {
  /** Receives one line per stored JSON value that does not match its schema (read as none). */
  warn?: BadRowReporter;
}

/** The SQLite store: one database file, one repository per table family. */
export function openStore(dataDir: string, options: OpenStoreOptions = {}) {
  const db: SqliteDatabase = openDatabase(dataDir, options);
  // A JSON column that does not match its schema is logged and read as "none" (see stored-json.ts).
  const report = options.warn ?? (() => {});
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  return {
    db,
    instances: createInstancesRepository(db),
    configurations: createConfigurationsRepository(db),
    validationResults: createValidationResultsRepository(db, report),
    organizations: createOrganizationsRepository(db, report),
    haloOptions: createHaloOptionsRepository(db, report),
    mappings: createMappingsRepository(db, report),
    wizard: createWizardRepository(db, report),
    /**
     * Runs `work` in one transaction: every multi-row change goes through here. It begins IMMEDIATE, taking
     * the write lock first, so a lock held by another program is waited for (the busy timeout) rather than
     * met halfway, when a DEFERRED transaction that has read cannot wait and fails at once with SQLITE_BUSY.
     */
    transaction<T>(work: () => T): T {
      return db.transaction(work).immediate();
    },
    /** A storage fault (disk full, read-only, locked, corrupt) as a StoreError that says what to do. */
    explainError(error: unknown): unknown {
      return explainRuntimeError(error, file, () => {
        try {
          return db.open ? integrityOf(db) : 'not checked: the database is closed';
        } catch (failed) {
          return `integrity_check could not run: ${(failed as Error).message}`;
        }
      });
    },
    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof openStore>;
