import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createSuggestWorkerClient } from '../../electron/suggest-worker/suggest-worker-client';

// The packaged app runs Suggest Values in out/main/suggest-worker.js, started from beside the main bundle.
// This proves the build emits it and that it runs on its own (no tsx, no source files).
describe('built suggest worker', () => {
  it('is emitted beside the main bundle and answers a suggestion request', async () => {
    const file = path.resolve('out/main/suggest-worker.js');
    expect(existsSync(file)).toBe(true);
    const worker = new Worker(file);
    try {
      const client = createSuggestWorkerClient(worker);
      const result = await client.suggest(
        [{ id: 'org-1', name: 'Acme Plumbing Ltd' }],
        [
          { id: 12, name: 'ACME Plumbing Limited' },
          { id: 13, name: 'Northgate Pharmacy' },
        ],
        {},
      );
      expect(result.suggestions[0]?.clientId).toBe(12);
    } finally {
      await worker.terminate();
    }
  });
});
