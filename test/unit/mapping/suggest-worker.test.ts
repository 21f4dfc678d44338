import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MappingAbortedError, suggestMappings } from '../../../electron/mapping/index';
import {
  createSuggestHandler,
  raiseSharedAbortFlag,
  type SuggestWorkerResponse,
} from '../../../electron/suggest-worker/suggest-worker';
import {
  createSuggestWorkerClient,
  type SuggestWorkerClient,
} from '../../../electron/suggest-worker/suggest-worker-client';
import { generateLabeledSet } from '../../fixtures/mapping/generate-labeled-set';

const workerFile = fileURLToPath(
  new URL('../../../electron/suggest-worker/suggest-worker.ts', import.meta.url),
);

describe('suggest worker message handler', () => {
  it('answers a request with the same result as a direct call', () => {
    const responses: SuggestWorkerResponse[] = [];
    const handle = createSuggestHandler((response) => responses.push(response));
    const organizations = [{ id: 'a', name: 'Acme Ltd' }];
    const clients = [{ id: 1, name: 'ACME Limited' }];
    handle({ type: 'suggest', requestId: 7, organizations, clients });
    expect(responses).toEqual([
      { type: 'result', requestId: 7, result: suggestMappings(organizations, clients) },
    ]);
  });

  it('answers "aborted" when the shared flag is raised', () => {
    const responses: SuggestWorkerResponse[] = [];
    const handle = createSuggestHandler((response) => responses.push(response));
    const abortBuffer = new SharedArrayBuffer(4);
    raiseSharedAbortFlag(abortBuffer);
    handle({
      type: 'suggest',
      requestId: 1,
      organizations: [{ id: 'a', name: 'x' }],
      clients: [],
      abortBuffer,
    });
    expect(responses).toEqual([{ type: 'aborted', requestId: 1 }]);
  });

  it('answers "error" for a broken request instead of crashing the worker', () => {
    const responses: SuggestWorkerResponse[] = [];
    const handle = createSuggestHandler((response) => responses.push(response));
    handle({ type: 'suggest', requestId: 2, organizations: null as never, clients: [] });
    expect(responses[0]?.type).toBe('error');
  });
});

/** A real worker thread running the TypeScript entry through tsx's loader, as a bundled build would. */
describe('suggest worker thread', () => {
  let worker: Worker;
  let client: SuggestWorkerClient;

  beforeAll(() => {
    worker = new Worker(workerFile, { execArgv: ['--import', 'tsx'] });
    client = createSuggestWorkerClient(worker);
  });

  afterAll(async () => {
    await client.terminate();
  });

  it('computes suggestions off the main thread, equal to an in-process run', async () => {
    const set = generateLabeledSet({ seed: 3, clients: 600, organizations: 500 });
    const result = await client.suggest(set.organizations, set.clients, {
      onlyOrganizationIds: new Set(['org-00001', 'org-00002']),
    });
    expect(result).toEqual(
      suggestMappings(set.organizations, set.clients, {
        onlyOrganizationIds: new Set(['org-00001', 'org-00002']),
      }),
    );
  });

  it('cancels a long run through the shared abort flag, and stays usable afterwards', async () => {
    const set = generateLabeledSet({ seed: 4, clients: 20_000, organizations: 20_000 });
    const controller = new AbortController();
    const running = client.suggest(set.organizations, set.clients, {}, controller.signal);
    // Cancel while the worker is receiving the lists or already matching: both must end in "aborted".
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(running).rejects.toBeInstanceOf(MappingAbortedError);
    expect(Date.now() - started).toBeLessThan(20_000);
    const small = await client.suggest([{ id: 'a', name: 'Acme' }], [{ id: 1, name: 'Acme Ltd' }]);
    expect(small.suggestions[0]?.clientId).toBe(1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.suggest([{ id: 'a', name: 'Acme' }], [], {}, controller.signal),
    ).rejects.toBeInstanceOf(MappingAbortedError);
  });
});
