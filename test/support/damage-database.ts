import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Overwrites pages 2 and 3 of a closed SQLite file with garbage. The header on page 1 stays, so the file
 * still opens and reads its schema version: only `integrity_check` (or a query that meets the pages)
 * finds the damage, as with a real bad sector or a sync tool that wrote half a file.
 */
export function damageDatabasePages(file: string): void {
  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(2 * pageSize, 0xab), 0, 2 * pageSize, pageSize);
  } finally {
    closeSync(fd);
  }
}
