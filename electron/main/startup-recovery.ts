import path from 'node:path';
import { type BackupFile, DATABASE_FILE_NAME, lastGoodBackup, restoreBackup, StoreError } from '../store';

/** The two dialogs start-up recovery needs; main passes Electron's, tests record what was asked. */
export interface RecoveryDialogs {
  /** Shows why the app cannot start. */
  showError(title: string, message: string): void;
  /** Offers to restore `backup`; true when the technician chose to restore it. */
  offerRestore(message: string, backup: BackupFile): Promise<boolean>;
}

export type RecoveryOutcome = 'retry' | 'quit';

const TITLE = 'Halo Setup could not start';

/**
 * What to do when the backend cannot start. A damaged database is the one case the app can mend: it
 * offers the newest backup that passes `integrity_check`, moves the damaged file aside (kept, never
 * deleted) and asks main to start again. Every other cause (disk full, read-only, locked, a newer
 * schema) is shown with its own next step, and the app quits.
 */
export async function recoverFromStartupFailure(
  error: unknown,
  dataDir: string,
  dialogs: RecoveryDialogs,
  now: () => Date = () => new Date(),
): Promise<RecoveryOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof StoreError) || error.code !== 'database-corrupt') {
    dialogs.showError(TITLE, message);
    return 'quit';
  }
  const backup = lastGoodBackup(dataDir);
  if (!backup) {
    dialogs.showError(
      TITLE,
      `${message}\n\nNo backup that passes SQLite's integrity check was found in ${path.join(dataDir, 'backups')}. Move the damaged file aside to start afresh.`,
    );
    return 'quit';
  }
  const restore = await dialogs.offerRestore(
    `${message}\n\nThe last good backup was taken ${backup.takenAt.toLocaleString()} (${backup.reason === 'daily' ? 'daily backup' : 'before an upgrade'}). Restoring it brings back everything saved up to then; the damaged file is kept beside it.`,
    backup,
  );
  if (!restore) return 'quit';
  try {
    restoreBackup(dataDir, DATABASE_FILE_NAME, backup, now());
  } catch (failed) {
    dialogs.showError(
      TITLE,
      `The backup could not be restored: ${(failed as Error).message}. Nothing was deleted; the backup is still at ${backup.file}.`,
    );
    return 'quit';
  }
  return 'retry';
}
