import Database from 'better-sqlite3';
import { migrations } from '../../electron/store/migrations';

/**
 * The SQL that migrations `from`+1 .. latest run, as one script, for a test that must replay an upgrade in
 * another process (which cannot call `up`). Each step runs on a scratch in-memory database, after the
 * steps before it, and every script it executes is recorded. A step that transforms rows in code (7,
 * decoding stored names) runs no script, so it is not replayed: on a database without such rows it
 * has nothing to do anyway.
 */
export function upgradeSql(from: number): string {
  const scratch = new Database(':memory:');
  const recorded: string[] = [];
  const exec = scratch.exec.bind(scratch);
  let recording = false;
  scratch.exec = (sql: string) => {
    if (recording) recorded.push(sql);
    return exec(sql);
  };
  try {
    for (const step of migrations) {
      recording = step.version > from;
      step.up(scratch);
    }
  } finally {
    scratch.close();
  }
  return recorded.join(';\n');
}
