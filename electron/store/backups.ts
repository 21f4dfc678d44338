import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Automatic copies of halo-setup.db in `<dataDir>/backups`, so "restore the last good backup" is real:
 * one before every schema migration and one a day while the app is used, the newest few kept. Each is a
 * complete, consistent SQLite database taken by SQLite itself (never a file copy of a database in use,
 * which can catch a half-written page or miss the WAL).
 */

export const BACKUP_FOLDER = 'backups';
/** How many backups are kept; older ones are removed after each new one. */
export const BACKUPS_KEPT = 5;
/** A daily backup is due when the newest backup is older than this. */
export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'before-migration' | 'daily';

export interface BackupFile {
  file: string;
  takenAt: Date;
  reason: BackupReason;
}

// halo-setup-20261202T130800123Z-daily.db: the name sorts by time and says why it was taken.
const BACKUP_NAME = /^halo-setup-(\d{8}T\d{9}Z)-(before-migration|daily)\.db$/;

export function backupFolder(dataDir: string): string {
  return path.join(dataDir, BACKUP_FOLDER);
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(text: string): Date {
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}.${text.slice(15, 18)}Z`;
  return new Date(iso);
}

/** The backups in `dataDir`, newest first. Files that are not ours (or half-written ones) are ignored. */
export function listBackups(dataDir: string): BackupFile[] {
  const folder = backupFolder(dataDir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .flatMap((name) => {
      const match = BACKUP_NAME.exec(name);
      if (!match?.[1] || !match[2]) return [];
      return [
        { file: path.join(folder, name), takenAt: parseStamp(match[1]), reason: match[2] as BackupReason },
      ];
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

function backupTarget(dataDir: string, reason: BackupReason, at: Date): string {
  const folder = backupFolder(dataDir);
  mkdirSync(folder, { recursive: true });
  return path.join(folder, `halo-setup-${stamp(at)}-${reason}.db`);
}

/** Removes all but the newest `keep` backups. */
export function pruneBackups(dataDir: string, keep = BACKUPS_KEPT): void {
  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.file, { force: true });
}

/**
 * Takes a backup before a migration changes the schema. Synchronous because opening the database is:
 * `VACUUM INTO` writes a consistent copy of the whole database (WAL included) in one statement.
 */
export function backupBeforeMigration(db: Database.Database, dataDir: string, at: Date): BackupFile {
  const file = backupTarget(dataDir, 'before-migration', at);
  db.prepare('VACUUM INTO ?').run(file);
  pruneBackups(dataDir);
  return { file, takenAt: at, reason: 'before-migration' };
}

/** Whether a daily backup is due: none yet, or the newest is older than a day. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir)[0];
  return !newest || now.getTime() - newest.takenAt.getTime() >= DAILY_BACKUP_INTERVAL_MS;
}

/**
 * Takes the daily backup with SQLite's online backup API, which copies the live database page by page
 * between other work. It is written under a temporary name and renamed when complete, so a backup cut
 * short (the app closed, the disk filled) is never offered for restore.
 */
export async function takeDailyBackup(db: Database.Database, dataDir: string, at: Date): Promise<BackupFile> {
  const file = backupTarget(dataDir, 'daily', at);
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  pruneBackups(dataDir);
  return { file, takenAt: at, reason: 'daily' };
}

/** Runs SQLite's `integrity_check` on a database file: 'ok', or the first problems it names. */
export function integrityCheck(file: string): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return integrityOf(db);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/** `integrity_check` on an open connection: 'ok', or its first few findings joined. */
export function integrityOf(db: Database.Database): string {
  const rows = db.pragma('integrity_check(5)') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join('; ');
}

/** The newest backup that passes `integrity_check`, or null when there is none. */
export function lastGoodBackup(dataDir: string): BackupFile | null {
  return listBackups(dataDir).find((backup) => integrityCheck(backup.file) === 'ok') ?? null;
}

/**
 * Puts `backup` in place of the damaged database. The damaged file (with its WAL and shared-memory files)
 * is moved aside, never deleted, so nothing is lost even if the backup turns out to be the wrong one.
 */
export function restoreBackup(
  dataDir: string,
  databaseFileName: string,
  backup: BackupFile,
  at: Date,
): { movedAside: string } {
  const file = path.join(dataDir, databaseFileName);
  const movedAside = `${file}.damaged-${stamp(at)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${movedAside}${suffix}`);
  }
  copyFileSync(backup.file, file);
  return { movedAside };
}
