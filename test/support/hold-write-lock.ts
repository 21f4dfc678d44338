import { spawn } from 'node:child_process';

/**
 * Holds the database's write lock from another process (another program, as far as the app can tell):
 * resolves once the lock is held; the process runs `sql` inside its transaction, then commits and exits
 * after `ms`. `begin` 'IMMEDIATE' lets readers of a rollback-journal database read meanwhile (the state
 * before the commit); 'EXCLUSIVE' does not.
 */
export function holdWriteLock(
  file: string,
  ms: number,
  { sql = '', begin = 'EXCLUSIVE' }: { sql?: string; begin?: 'IMMEDIATE' | 'EXCLUSIVE' } = {},
): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN ' + process.argv[4]);
    db.exec(process.argv[3]);
    process.stdout.write('held\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms), sql, begin], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve({ done });
    });
    child.on('error', reject);
  });
}
