import { createConfigurationsRepository } from './configurations';
import { openDatabase, type SqliteDatabase } from './database';
import { createHaloOptionsRepository } from './halo-options';
import { createInstancesRepository } from './instances';
import { createMappingsRepository } from './mappings';
import { createOrganizationsRepository } from './organizations';
import { createValidationResultsRepository } from './validation-results';
import { createWizardRepository } from './wizard';

export type { StoredConfiguration } from './configurations';
export { DATABASE_FILE_NAME, StoreError } from './database';
export type { CachedClient, CachedOptionsMeta } from './halo-options';
export type { InstanceRow } from './instances';
export type { Decision, DecisionRow, MappingState, SavedElsewhere } from './mappings';

/** The SQLite store: one database file, one repository per table family. */
export function openStore(dataDir: string) {
  const db: SqliteDatabase = openDatabase(dataDir);
  return {
    db,
    instances: createInstancesRepository(db),
    configurations: createConfigurationsRepository(db),
    validationResults: createValidationResultsRepository(db),
    organizations: createOrganizationsRepository(db),
    haloOptions: createHaloOptionsRepository(db),
    mappings: createMappingsRepository(db),
    wizard: createWizardRepository(db),
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
