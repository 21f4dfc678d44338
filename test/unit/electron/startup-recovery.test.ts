import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RecoveryDialogs, recoverFromStartupFailure } from '../../../electron/main/startup-recovery';
import { DATABASE_FILE_NAME, listBackups, openStore, StoreError } from '../../../electron/store';
import { takeDailyBackup } from '../../../electron/store/backups';
import { damageDatabasePages } from '../../support/damage-database';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

// Start-up with a database that cannot open: the damaged one is offered its last good backup; every
// other cause is shown as it is and the app quits.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function recordingDialogs(restore: boolean) {
  const shown: { errors: string[]; offers: string[] } = { errors: [], offers: [] };
  const dialogs: RecoveryDialogs = {
    showError: (title, message) => shown.errors.push(`${title}: ${message}`),
    offerRestore: async (message) => {
      shown.offers.push(message);
      return restore;
    },
  };
  return { shown, dialogs };
}

/** What starting the backend throws now (null when it starts). */
function startupError(dataDir: string): unknown {
  try {
    testBackend(dataDir).close();
    return null;
  } catch (error) {
    return error;
  }
}

async function damagedWithBackup(): Promise<void> {
  const store = openStore(temp.dir);
  store.instances.insert('i1', 'Production', 'now');
  await takeDailyBackup(store.db, temp.dir, new Date('2026-12-01T09:00:00.000Z'));
  store.instances.insert('i2', 'Made after the backup', 'now');
  store.close();
  damageDatabasePages(path.join(temp.dir, DATABASE_FILE_NAME));
}

describe('recoverFromStartupFailure', () => {
  it('a damaged database: offers the last good backup, restores it, keeps the damaged file, starts again', async () => {
    await damagedWithBackup();
    const error = startupError(temp.dir);
    expect((error as StoreError).code).toBe('database-corrupt');
    const { shown, dialogs } = recordingDialogs(true);

    expect(await recoverFromStartupFailure(error, temp.dir, dialogs)).toBe('retry');
    expect(shown.offers).toHaveLength(1);
    expect(shown.offers[0]).toMatch(/is damaged.*last good backup was taken/s);
    expect(startupError(temp.dir)).toBeNull();
    const store = openStore(temp.dir);
    expect(store.instances.list().map((row) => row.name)).toEqual(['Production']);
    store.close();
    const aside = (await import('node:fs'))
      .readdirSync(temp.dir)
      .filter((name) => name.startsWith(`${DATABASE_FILE_NAME}.damaged-`));
    expect(aside).toHaveLength(1);
    expect(listBackups(temp.dir)).toHaveLength(1);
  });

  it('a damaged database, the technician declines: nothing is touched and the app quits', async () => {
    await damagedWithBackup();
    const { dialogs } = recordingDialogs(false);
    expect(await recoverFromStartupFailure(startupError(temp.dir), temp.dir, dialogs)).toBe('quit');
    expect((startupError(temp.dir) as StoreError).code).toBe('database-corrupt');
  });

  it('a damaged database without any good backup says so and quits', async () => {
    const store = openStore(temp.dir);
    store.instances.insert('i1', 'Production', 'now');
    store.close();
    damageDatabasePages(path.join(temp.dir, DATABASE_FILE_NAME));
    const { shown, dialogs } = recordingDialogs(true);
    expect(await recoverFromStartupFailure(startupError(temp.dir), temp.dir, dialogs)).toBe('quit');
    expect(shown.offers).toEqual([]);
    expect(shown.errors[0]).toMatch(/No backup that passes SQLite's integrity check/);
    expect(existsSync(path.join(temp.dir, DATABASE_FILE_NAME))).toBe(true);
  });

  it('any other cause is shown as it is, and the app quits', async () => {
    const { shown, dialogs } = recordingDialogs(true);
    const error = new StoreError('database-locked', 'The Halo Setup database is locked by another program.');
    expect(await recoverFromStartupFailure(error, temp.dir, dialogs)).toBe('quit');
    expect(shown.errors).toEqual([
      'Halo Setup could not start: The Halo Setup database is locked by another program.',
    ]);
  });
});
