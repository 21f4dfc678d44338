import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { appErrorSchema } from '../../shared/app-errors';
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
import { dailyBackupDue, takeDailyBackup } from '../store/backups';
import { AppError, requestValidationError, toAppErrorData } from './app-error';
import type { BackendContext } from './context';
import { collectDiagnosticsSnapshot, type DiagnosticsSnapshot } from './diagnostics-snapshot';
import { createHaloClientCache } from './halo-clients';
import { type Handler, handlers } from './handlers';
import { type Logger, silentLogger } from './logger';
import { createOperationRegistry } from './operations';
import { createRefreshTracker } from './refresh-tracker';
import { createWorkerSuggestRunner, type SuggestRunner } from './suggest-runner';

export type { SecretStore } from '../secrets';
export { createKeytarSecretStore, createMemorySecretStore, KeychainUnavailableError } from '../secrets';
export { AppError } from './app-error';
export type { DiagnosticsSnapshot } from './diagnostics-snapshot';
export { type LogFields, type Logger, silentLogger } from './logger';

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
  /** Where the backend logs channel names, durations and error codes (never payloads); default silent. */
  logger?: Logger;
  /**
   * Opens a Halo page in the browser. `links:openInHalo` builds the URL (https, the instance's own host)
   * and calls this; Electron passes its external-link gate, tests a recorder. Without it, nothing opens.
   */
  openExternal?: (url: string) => Promise<void>;
  /** Shows an open-file dialog for the organizations source file (Electron: dialog.showOpenDialog). */
  chooseOrganizationFile?: () => Promise<string | null>;
}

export interface Backend {
  /** Validates the request against the contract, runs the handler, returns the value or the error as data. */
  invoke<C extends ChannelName>(channel: C, request: unknown): Promise<IpcResult<ResponseOf<C>>>;
  /** Listens to backend events (progress). Returns the unsubscribe function. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
  /** For Help > Export Diagnostics: app, instances, configurations (no secrets), last validations. */
  diagnostics(): DiagnosticsSnapshot;
  close(): void;
}

/**
 * The one composition root: wires the SQLite store, the secret store and the Halo client to the IPC
 * handlers. The Electron main process, the tests and the end-to-end harness all use it the same way.
 */
export function createBackend(options: BackendOptions): Backend {
  const logger = options.logger ?? silentLogger;
  const store = openStore(options.dataDir, {
    log: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
  });
  const listeners = new Set<(event: BackendEvent) => void>();
  const now = options.now ?? (() => new Date());
  const refreshes = createRefreshTracker(now);
  const context: BackendContext = {
    store,
    secrets: options.secrets,
    now,
    newId: randomUUID,
    emit(event) {
      refreshes.observe(event);
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
    refreshes,
    suggestRunner: options.suggestRunner ?? createWorkerSuggestRunner(),
    openExternal: options.openExternal ?? null,
    chooseOrganizationFile: options.chooseOrganizationFile ?? null,
  };
  let closed = false;
  // The daily backup: checked at start and every few hours while the app stays open.
  const backupCheck = setInterval(() => void dailyBackup(), BACKUP_CHECK_INTERVAL_MS);
  backupCheck.unref();
  void dailyBackup();

  async function dailyBackup(): Promise<void> {
    const now = context.now();
    // An empty database (a first start, most tests) has nothing worth a backup.
    if (closed || store.instances.list().length === 0 || !dailyBackupDue(options.dataDir, now)) return;
    try {
      const backup = await takeDailyBackup(store.db, options.dataDir, now);
      logger.info('database backed up', { file: path.basename(backup.file) });
    } catch (error) {
      // Closing the app mid-backup cuts it short on purpose; anything else is worth a line in the log.
      if (!closed) logger.warn(`database backup failed: ${(error as Error).message}`, {});
    }
  }

  async function invoke<C extends ChannelName>(
    channel: C,
    request: unknown,
  ): Promise<IpcResult<ResponseOf<C>>> {
    const started = performance.now();
    const result = await run(channel, request);
    logInvocation(logger, String(channel), performance.now() - started, result);
    return result;
  }

  async function run<C extends ChannelName>(channel: C, request: unknown): Promise<IpcResult<ResponseOf<C>>> {
    try {
      if (closed) throw new Error('the backend is closed');
      // Own keys only: "__proto__" or "constructor" must not find Object.prototype's members.
      if (typeof channel !== 'string' || !Object.hasOwn(channels, channel)) {
        throw new AppError('invalid-request', 'The request named a channel Halo Setup does not have.', {
          channel: String(channel).slice(0, 100),
        });
      }
      const contract = channels[channel];
      const parsed = contract.request.safeParse(request ?? {});
      if (!parsed.success)
        return { ok: false, error: toAppErrorData(requestValidationError(channel, parsed.error)) };
      const handler = handlers[channel] as Handler<C>;
      const value = await handler(context, parsed.data as Parameters<Handler<C>>[1]);
      if (options.validateResponses) contract.response.parse(value);
      return { ok: true, value };
    } catch (error) {
      const data = toAppErrorData(store.explainError(error));
      // Tests hold every error to the contract too: its details must be the ones its code declares.
      if (options.validateResponses) appErrorSchema.parse(data);
      return { ok: false, error: data };
    }
  }

  return {
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    diagnostics: () => collectDiagnosticsSnapshot(context),
    close() {
      if (closed) return;
      closed = true;
      clearInterval(backupCheck);
      listeners.clear();
      context.operations.cancelAll();
      void context.suggestRunner.close();
      store.close();
    },
  };
}

const BACKUP_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** One line per invocation: the channel, how long it took and, on failure, the error code. */
function logInvocation(logger: Logger, channel: string, ms: number, result: IpcResult<unknown>): void {
  const fields = { channel: channel.slice(0, 100), ms: Math.round(ms) };
  if (result.ok) logger.info(`ipc ${fields.channel} ok`, fields);
  else if (result.error.code === 'internal')
    logger.error(`ipc ${fields.channel} failed: ${result.error.message}`, { ...fields, code: 'internal' });
  else logger.warn(`ipc ${fields.channel} failed`, { ...fields, code: result.error.code });
}
