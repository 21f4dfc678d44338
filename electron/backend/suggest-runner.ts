import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type HaloClientInput,
  MappingAbortedError,
  type OrganizationInput,
  type SuggestResult,
  suggestMappings,
} from '../mapping';
import type { WorkerSuggestOptions } from '../suggest-worker/suggest-worker';
import { createSuggestWorkerClient, type SuggestWorkerClient } from '../suggest-worker/suggest-worker-client';

/** Runs the matcher; rejects with `MappingAbortedError` when `signal` aborts. */
export interface SuggestRunner {
  run(
    organizations: OrganizationInput[],
    clients: HaloClientInput[],
    options: WorkerSuggestOptions,
    signal: AbortSignal,
  ): Promise<SuggestResult>;
  /** Where it runs, for diagnostics and tests: 'worker' or 'in-process'. */
  readonly mode: 'worker' | 'in-process';
  close(): Promise<void>;
}

/**
 * Where the worker entry is. From source (tests, tsx, the demo) this module is a .ts file and the worker
 * is electron/suggest-worker/suggest-worker.ts, loaded through tsx. In a bundle the build must emit
 * `suggest-worker.js` beside the main bundle; when it is not there we fall back to running in-process.
 */
function workerEntry(): { url: URL; execArgv: string[] } | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return { url: new URL('../suggest-worker/suggest-worker.ts', here), execArgv: ['--import', 'tsx'] };
  }
  const built = new URL('./suggest-worker.js', here);
  return existsSync(fileURLToPath(built)) ? { url: built, execArgv: [] } : null;
}

/**
 * The matcher off the main thread: one worker, started on first use and kept for the next run (start-up
 * costs more than a 5,000 x 5,000 match). Cancelling raises the worker's shared abort flag; the worker
 * stays usable afterwards.
 */
export function createWorkerSuggestRunner(): SuggestRunner {
  const entry = workerEntry();
  if (entry === null) return createInProcessSuggestRunner();
  let worker: Worker | null = null;
  let client: SuggestWorkerClient | null = null;
  const ensure = (): SuggestWorkerClient => {
    if (client) return client;
    worker = new Worker(entry.url, { execArgv: entry.execArgv });
    worker.unref();
    // A crashed worker is replaced on the next run.
    worker.on('exit', () => {
      worker = null;
      client = null;
    });
    client = createSuggestWorkerClient(worker);
    return client;
  };
  return {
    mode: 'worker',
    run: (organizations, clients, options, signal) =>
      ensure().suggest(organizations, clients, options, signal),
    async close() {
      const current = worker;
      worker = null;
      client = null;
      if (current) await current.terminate();
    },
  };
}

/** Same contract on the calling thread (fallback, and for tests that want no worker). */
export function createInProcessSuggestRunner(): SuggestRunner {
  return {
    mode: 'in-process',
    async run(organizations, clients, options, signal) {
      await Promise.resolve();
      if (signal.aborted) throw new MappingAbortedError();
      return suggestMappings(organizations, clients, { ...options, signal });
    },
    async close() {},
  };
}
