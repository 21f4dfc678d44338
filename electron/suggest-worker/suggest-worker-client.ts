import { MappingAbortedError } from '../mapping/abort';
import type { HaloClientInput, OrganizationInput, SuggestResult } from '../mapping/types';
import type { SuggestWorkerRequest, SuggestWorkerResponse, WorkerSuggestOptions } from './suggest-worker';

/** The part of `node:worker_threads` Worker this needs (the caller creates the worker: paths are theirs). */
export interface WorkerLike {
  postMessage(message: SuggestWorkerRequest): void;
  on(event: 'message', listener: (message: SuggestWorkerResponse) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'message', listener: (message: SuggestWorkerResponse) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  terminate(): Promise<number>;
}

export interface SuggestWorkerClient {
  /** Resolves with the result, or rejects with `MappingAbortedError` once `signal` aborts. */
  suggest(
    organizations: OrganizationInput[],
    clients: HaloClientInput[],
    options?: WorkerSuggestOptions,
    signal?: AbortSignal,
  ): Promise<SuggestResult>;
  terminate(): Promise<void>;
}

/** Talks to a worker running `suggest-worker.ts`: one request id and one shared abort flag per call. */
export function createSuggestWorkerClient(worker: WorkerLike): SuggestWorkerClient {
  let nextRequestId = 1;
  return {
    suggest(organizations, clients, options, signal) {
      const requestId = nextRequestId++;
      const abortBuffer = new SharedArrayBuffer(4);
      return new Promise<SuggestResult>((resolve, reject) => {
        const abort = (): void => {
          Atomics.store(new Int32Array(abortBuffer), 0, 1);
          worker.postMessage({ type: 'cancel', requestId });
        };
        const cleanUp = (): void => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          signal?.removeEventListener('abort', abort);
        };
        const onMessage = (message: SuggestWorkerResponse): void => {
          if (message.requestId !== requestId) return;
          cleanUp();
          if (message.type === 'result') resolve(message.result);
          else if (message.type === 'aborted') reject(new MappingAbortedError());
          else reject(new Error(message.message));
        };
        const onError = (error: Error): void => {
          cleanUp();
          reject(error);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        if (signal?.aborted === true) Atomics.store(new Int32Array(abortBuffer), 0, 1);
        else signal?.addEventListener('abort', abort, { once: true });
        worker.postMessage({ type: 'suggest', requestId, organizations, clients, options, abortBuffer });
      });
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
