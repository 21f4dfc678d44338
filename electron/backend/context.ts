import type { BackendEvent } from '../../shared/ipc';
import type { HaloClientOptions } from '../halo';
import type { SecretStore } from '../secrets';
import type { Store } from '../store';

/** What every handler gets: the store, the secrets, the clock and a way to push events. */
export interface BackendContext {
  store: Store;
  secrets: SecretStore;
  now(): Date;
  newId(): string;
  emit(event: BackendEvent): void;
  appInfo: { name: string; version: string; platform: string; databasePath: string };
  /** Extra options for every Halo client the backend creates (tests: protocol 'http', a lookup, ...). */
  haloClientOptions: Partial<Omit<HaloClientOptions, 'clientSecret'>>;
}
