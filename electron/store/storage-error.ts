import Database from 'better-sqlite3';

/**
 * What went wrong with the database file, in the terms a technician can act on. SQLite's result codes
 * (and the file-system errors of Node, for the folder) say it precisely; everything else is `null`, an
 * error of the app itself rather than of the disk.
 */
export type StorageFault = 'disk-full' | 'read-only' | 'locked' | 'corrupt' | 'disk-error';

const BY_SQLITE_CODE: readonly [prefix: string, fault: StorageFault][] = [
  ['SQLITE_FULL', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_CANTOPEN', 'read-only'],
  ['SQLITE_PERM', 'read-only'],
  ['SQLITE_AUTH', 'read-only'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_IOERR', 'disk-error'],
];

/** Node's errno codes for the data folder itself (creating it, writing a backup into it). */
const BY_ERRNO: Readonly<Record<string, StorageFault>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EBUSY: 'locked',
  EIO: 'disk-error',
};

export function classifyStorageError(error: unknown): StorageFault | null {
  if (error instanceof Database.SqliteError) {
    // Extended codes refine the primary one (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, ...).
    const match = BY_SQLITE_CODE.find(
      ([prefix]) => error.code === prefix || error.code.startsWith(`${prefix}_`),
    );
    // SQLite turns a full disk met while writing the WAL or a temp file into an I/O error with ENOSPC.
    if (match?.[1] === 'disk-error' && /disk is full|no space/i.test(error.message)) return 'disk-full';
    return match?.[1] ?? null;
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return BY_ERRNO[error.code] ?? null;
  }
  return null;
}

/** The technical words of the cause (SQLite's code and text), kept for diagnostics and the message. */
export function storageCause(error: unknown): string {
  if (error instanceof Database.SqliteError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** What StoreError's code says; the same words cross IPC as the error code. */
export type StoreErrorCode =
  | 'database-too-new'
  | 'database-unreadable'
  | 'disk-full'
  | 'database-read-only'
  | 'database-locked'
  | 'database-corrupt'
  | 'disk-error';

const CODE_OF_FAULT: Record<StorageFault, StoreErrorCode> = {
  'disk-full': 'disk-full',
  'read-only': 'database-read-only',
  locked: 'database-locked',
  corrupt: 'database-corrupt',
  'disk-error': 'disk-error',
};

/** A database problem the user must act on, with a message that says what happened and what to do. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * A storage fault met while the app runs, as a StoreError naming the cause and the next step; any other
 * error is returned as it is. `integrity` is asked only for a corrupt database (it reads the whole file).
 */
export function explainRuntimeError(error: unknown, file: string, integrity: () => string): unknown {
  // Only SQLite's own errors: an EACCES from reading the linked organization file is not the database's.
  if (!(error instanceof Database.SqliteError)) return error;
  const fault = classifyStorageError(error);
  if (!fault) return error;
  const cause = storageCause(error);
  const details: Record<string, string> = { file, fault, cause };
  if (fault === 'corrupt') details.integrityCheck = integrity();
  return new StoreError(CODE_OF_FAULT[fault], runtimeFaultMessage(fault, file, cause), details);
}

/** A storage fault met while opening the database, as a StoreError; null when it is no storage fault. */
export function startupStoreError(
  error: unknown,
  file: string,
  extra: Record<string, string> = {},
): StoreError | null {
  const fault = classifyStorageError(error);
  if (!fault) return null;
  const cause = storageCause(error);
  return new StoreError(CODE_OF_FAULT[fault], startupFaultMessage(fault, file, cause), {
    file,
    fault,
    cause,
    ...extra,
  });
}

/** How long a write waits for another program's lock before it gives up (the connection's busy timeout). */
export const LOCK_WAIT_MS = 5000;

interface FaultWording {
  /** What happened, said of the file. */
  what: (file: string) => string;
  /** What the technician does about it. */
  next: string;
}

const WORDING: Record<StorageFault, FaultWording> = {
  'disk-full': {
    what: (file) => `The disk that holds the Halo Setup database (${file}) is full`,
    next: 'Free some space on that disk, then try again.',
  },
  'read-only': {
    what: (file) =>
      `The Halo Setup database (${file}) cannot be written: the file or its folder is read-only, or the disk is mounted read-only`,
    next: 'Make the file and its folder writable for your user (check their permissions, and that the disk or network share is not read-only), then try again.',
  },
  locked: {
    what: (file) =>
      `The Halo Setup database (${file}) is locked by another program (another copy of Halo Setup, a backup or sync tool, or a database viewer); Halo Setup waited ${LOCK_WAIT_MS / 1000} seconds for it`,
    next: 'Close the other program (or wait for the backup or sync to finish), then try again.',
  },
  corrupt: {
    what: (file) => `The Halo Setup database (${file}) is damaged`,
    next: 'Quit Halo Setup and start it again: it checks the file and offers to restore the last good backup.',
  },
  'disk-error': {
    what: (file) => `The disk failed while Halo Setup read or wrote its database (${file})`,
    next: 'Check the disk (or the network share, or that a removable drive is still plugged in), then try again.',
  },
};

/**
 * The message for a fault met while the app runs: a change was refused, and everything saved before is
 * kept (SQLite rolled the transaction back whole).
 */
export function runtimeFaultMessage(fault: StorageFault, file: string, cause: string): string {
  const wording = WORDING[fault];
  const kept =
    fault === 'corrupt'
      ? 'This change was not saved.'
      : 'This change was not saved; everything saved before is kept.';
  return `${wording.what(file)} (${cause}). ${kept} ${wording.next}`;
}

/** The message for a fault met while opening the database at start-up. */
export function startupFaultMessage(fault: StorageFault, file: string, cause: string): string {
  const wording = WORDING[fault];
  const next =
    fault === 'corrupt'
      ? 'Restore the last good backup, or move the file aside to start afresh.'
      : wording.next.replace('then try again', 'then start Halo Setup again');
  return `${wording.what(file)} (${cause}), so Halo Setup could not open it. The file was left as it is. ${next}`;
}
