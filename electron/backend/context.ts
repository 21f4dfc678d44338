import type { BackendEvent } from '../../shared/ipc';
import type { SecretStore } from '../secrets';
import type { Store } from '../store';
import type { HaloClientCache } from './halo-clients';
import type { OperationRegistry } from './operations';
import type { RefreshTracker } from './refresh-tracker';
import type { SuggestRunner } from './suggest-runner';

/** What every handler gets: the store, the secrets, the clock and a way to push events. */
export interface BackendContext {
  store: Store;
  secrets: SecretStore;
  now(): Date;
  newId(): string;
  emit(event: BackendEvent): void;
  appInfo: { name: string; version: string; platform: string; databasePath: string };
  /** One Halo client per instance, so tokens are reused until they near expiry. */
  haloClients: HaloClientCache;
  /** Cancellable long-running work (Refresh Options, Suggest), one per instance and kind. */
  operations: OperationRegistry;
  /** Each instance's Refresh Options, kept past the call that started it (progress, outcome). */
  refreshes: RefreshTracker;
  /** Runs the organization matcher off the main thread. */
  suggestRunner: SuggestRunner;
  /** Opens an https page in the browser (Electron: the main process's link gate); null when there is none. */
  openExternal: ((url: string) => Promise<void>) | null;
  /** The main process's open-file dialog for the organizations source file; null where there is none. */
  chooseOrganizationFile: (() => Promise<string | null>) | null;
}
