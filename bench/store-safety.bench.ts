/**
 * Benchmark: what the storage safety nets cost at start-up and once a day, on a large database (3
 * instances × 10,000 cached Halo clients, 50,000 organizations), on this machine:
 *
 *   npx tsx bench/store-safety.bench.ts
 *
 * - opening the database, which runs `integrity_check` on an existing file (and the check on its own);
 * - the daily backup (SQLite's online backup API) and the pre-migration backup (`VACUUM INTO`).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backupBeforeMigration, integrityOf, takeDailyBackup } from '../electron/store/backups';
import { DATABASE_FILE_NAME, openDatabase } from '../electron/store/database';
import { openStore } from '../electron/store/index';

const INSTANCES = 3;
const CLIENTS = 10_000;
const ORGANIZATIONS = 50_000;

function fill(dataDir: string): void {
  const store = openStore(dataDir);
  store.transaction(() => {
    for (let index = 0; index < ORGANIZATIONS; index++) {
      store.organizations.insert(
        {
          id: `org-${index}`,
          name: `Organization ${index} Ltd`,
          domain: `org${index}.example`,
          externalId: `${index}`,
        },
        'now',
      );
    }
    for (let instance = 0; instance < INSTANCES; instance++) {
      const id = `instance-${instance}`;
      store.instances.insert(id, `Instance ${instance}`, 'now');
      const clients = Array.from({ length: CLIENTS }, (_, index) => ({
        id: index + 1,
        name: `Client ${index} Corporation`,
        toplevelId: 1,
        toplevelName: 'Customers',
        inactive: index % 10 === 0,
        mainSiteName: 'Main',
        website: `https://client${index}.example`,
        ref: null,
        accountsId: null,
        tenants: [],
      }));
      store.haloOptions.replace(id, clients, [{ id: 1, name: 'Customers' }], 'now');
    }
  });
  store.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'halo-setup-bench-'));
  try {
    fill(dataDir);
    const sizeMb = statSync(path.join(dataDir, DATABASE_FILE_NAME)).size / 1024 / 1024;
    const opens: number[] = [];
    const checks: number[] = [];
    const daily: number[] = [];
    const vacuum: number[] = [];
    for (let round = 0; round < 5; round++) {
      let started = performance.now();
      const db = openDatabase(dataDir);
      opens.push(performance.now() - started);
      started = performance.now();
      if (integrityOf(db) !== 'ok') throw new Error('the benchmark database is damaged');
      checks.push(performance.now() - started);
      started = performance.now();
      await takeDailyBackup(db, dataDir, new Date(Date.UTC(2026, 0, 1 + round)));
      daily.push(performance.now() - started);
      started = performance.now();
      backupBeforeMigration(db, dataDir, new Date(Date.UTC(2026, 1, 1 + round)));
      vacuum.push(performance.now() - started);
      db.close();
    }
    console.table([
      {
        operation: 'open (incl. integrity_check)',
        sizeMb: sizeMb.toFixed(1),
        medianMs: Math.round(median(opens)),
      },
      { operation: 'integrity_check alone', sizeMb: sizeMb.toFixed(1), medianMs: Math.round(median(checks)) },
      {
        operation: 'daily backup (backup API)',
        sizeMb: sizeMb.toFixed(1),
        medianMs: Math.round(median(daily)),
      },
      {
        operation: 'pre-migration backup (VACUUM INTO)',
        sizeMb: sizeMb.toFixed(1),
        medianMs: Math.round(median(vacuum)),
      },
    ]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
