import { isMainThread, parentPort } from 'node:worker_threads';
import { MappingAbortedError } from '../mapping/abort';
import { suggestMappings } from '../mapping/suggest';
import type {
  AbortFlag,
  HaloClientInput,
  OrganizationInput,
  SuggestOptions,
  SuggestResult,
} from '../mapping/types';

/**
 * Worker entry: runs `suggestMappings` off the main thread, so matching 20,000 names never freezes the
 * Electron main process.
 *
 * Cancellation: the run is synchronous, so a message cannot reach the worker while it computes. The
 * caller therefore passes a SharedArrayBuffer; writing 1 into it (`Atomics.store`) aborts the run at
 * its next check. A `cancel` message sets the same flag (for a request still queued), and terminating
 * the worker always works.
 */

export type WorkerSuggestOptions = Omit<SuggestOptions, 'signal'>;

export type SuggestWorkerRequest =
  | {
      type: 'suggest';
      requestId: number;
      organizations: OrganizationInput[];
      clients: HaloClientInput[];
      options?: WorkerSuggestOptions;
      /** Int32 flag at index 0: 0 = run, 1 = abort. */
      abortBuffer?: SharedArrayBuffer;
    }
  | { type: 'cancel'; requestId: number };

export type SuggestWorkerResponse =
  | { type: 'result'; requestId: number; result: SuggestResult }
  | { type: 'aborted'; requestId: number }
  | { type: 'error'; requestId: number; message: string };

/** Reads the shared abort flag on every check, so a store from another thread is seen at once. */
export function sharedAbortFlag(buffer: SharedArrayBuffer): AbortFlag {
  const cells = new Int32Array(buffer);
  return {
    get aborted() {
      return Atomics.load(cells, 0) === 1;
    },
  };
}

export function raiseSharedAbortFlag(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer), 0, 1);
}

/** Handles one request; separated from the worker plumbing so it can be tested directly. */
export function createSuggestHandler(post: (response: SuggestWorkerResponse) => void) {
  const abortBuffers = new Map<number, SharedArrayBuffer>();
  return (request: SuggestWorkerRequest): void => {
    if (request.type === 'cancel') {
      const buffer = abortBuffers.get(request.requestId);
      if (buffer !== undefined) raiseSharedAbortFlag(buffer);
      return;
    }
    const buffer = request.abortBuffer ?? new SharedArrayBuffer(4);
    abortBuffers.set(request.requestId, buffer);
    try {
      const result = suggestMappings(request.organizations, request.clients, {
        ...request.options,
        signal: sharedAbortFlag(buffer),
      });
      post({ type: 'result', requestId: request.requestId, result });
    } catch (error) {
      if (error instanceof MappingAbortedError) post({ type: 'aborted', requestId: request.requestId });
      else
        post({
          type: 'error',
          requestId: request.requestId,
          message: error instanceof Error ? error.message : String(error),
        });
    } finally {
      abortBuffers.delete(request.requestId);
    }
  };
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  const handle = createSuggestHandler((response) => port.postMessage(response));
  port.on('message', (request: SuggestWorkerRequest) => handle(request));
}
