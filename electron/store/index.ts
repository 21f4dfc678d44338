import { createConfigurationsRepository } from './configurations';
import { openDatabase, type SqliteDatabase } from './database';
import { createInstancesRepository } from './instances';
import { createValidationResultsRepository } from './validation-results';

export type { StoredConfiguration } from './configurations';
export { DATABASE_FILE_NAME, StoreError } from './database';
export type { InstanceRow } from './instances';

/** The SQLite store: one database file, one repository per table family. */
export function openStore(dataDir: string) {
  const db: SqliteDatabase = openDatabase(dataDir);
  return {
    db,
    instances: createInstancesRepository(db),
    configurations: createConfigurationsRepository(db),
    validationResults: createValidationResultsRepository(db),
    /** Runs `work` in one transaction: every multi-row change goes through here. */
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof openStore>;
