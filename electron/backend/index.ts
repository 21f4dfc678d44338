import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  type BackendEvent,
  type ChannelName,
  channels,
  type IpcResult,
  type ResponseOf,
} from '../../shared/ipc';
import type { HaloClientOptions } from '../halo';
import type { SecretStore } from '../secrets';
import { DATABASE_FILE_NAME, openStore } from '../store';
import { requestValidationError, toAppErrorData } from './app-error';
import type { BackendContext } from './context';
import { createHaloClientCache } from './halo-clients';
import { type Handler, handlers } from './handlers';
import { createOperationRegistry } from './operations';
import { createWorkerSuggestRunner, type SuggestRunner } from './suggest-runner';

export type { SecretStore } from '../secrets';
export { createKeytarSecretStore, createMemorySecretStore, KeychainUnavailableError } from '../secrets';
export { AppError } from './app-error';

export interface BackendOptions {
  /** Folder for halo-setup.db (Electron: app.getPath('userData')). */
  dataDir: string;
  secrets: SecretStore;
  appVersion?: string;
  now?: () => Date;
  /** Also check every response against the contract (tests turn this on). */
  validateResponses?: boolean;
  /** Extra options for every Halo client (tests: plain http to the fake, a custom lookup, a clock). */
  haloClientOptions?: Partial<Omit<HaloClientOptions, 'clientSecret'>>;
  /** How Suggest runs the matcher; default a worker thread. */
  suggestRunner?: SuggestRunner;
}

export interface Backend {
  /** Validates the request against the contract, runs the handler, returns the value or the error as data. */
  invoke<C extends ChannelName>(channel: C, request: unknown): Promise<IpcResult<ResponseOf<C>>>;
  /** Listens to backend events (progress). Returns the unsubscribe function. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
  close(): void;
}

/**
 * The one composition root: wires the SQLite store, the secret store and the Halo client to the IPC
 * handlers. The Electron main process, the tests and the end-to-end harness all use it the same way.
 */
export function createBackend(options: BackendOptions): Backend {
  const store = openStore(options.dataDir);
  const listeners = new Set<(event: BackendEvent) => void>();
  const context: BackendContext = {
    store,
    secrets: options.secrets,
    now: options.now ?? (() => new Date()),
    newId: randomUUID,
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    appInfo: {
      name: 'Halo Setup',
      version: options.appVersion ?? '0.0.0-dev',
      platform: process.platform,
      databasePath: path.join(options.dataDir, DATABASE_FILE_NAME),
    },
    haloClients: createHaloClientCache(options.haloClientOptions ?? {}),
    operations: createOperationRegistry(),
    suggestRunner: options.suggestRunner ?? createWorkerSuggestRunner(),
  };
  let closed = false;

  async function invoke<C extends ChannelName>(
    channel: C,
    request: unknown,
  ): Promise<IpcResult<ResponseOf<C>>> {
    try {
      if (closed) throw new Error('the backend is closed');
      const contract = channels[channel];
      if (!contract) throw new Error(`unknown channel ${String(channel)}`);
      const parsed = contract.request.safeParse(request ?? {});
      if (!parsed.success)
        return { ok: false, error: toAppErrorData(requestValidationError(channel, parsed.error)) };
      const handler = handlers[channel] as Handler<C>;
      const value = await handler(context, parsed.data as Parameters<Handler<C>>[1]);
      if (options.validateResponses) contract.response.parse(value);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toAppErrorData(error) };
    }
  }

  return {
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      context.operations.cancelAll();
      void context.suggestRunner.close();
      store.close();
    },
  };
}

export { DEMO_INSTANCE_NAME, type DemoHalo, demoHaloFromEnvironment, seedDemoSandbox } from './demo-sandbox';
