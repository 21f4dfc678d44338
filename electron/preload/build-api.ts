import { type HaloSetupApi, splitChannel } from '../../shared/api';
import { BACKEND_EVENT_CHANNEL, channelNames } from '../../shared/channel-names';
import type { BackendEvent } from '../../shared/ipc';

/** The slice of ipcRenderer the preload uses; typed narrowly so tests can pass a fake. */
export interface PreloadIpc {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * Builds `window.api` from the channel list: one named function per channel, and `onEvent`, whose
 * callback gets the payload only (the IPC event object, with its `sender`, never reaches the page).
 */
export function buildApi(ipc: PreloadIpc): HaloSetupApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = splitChannel(channel);
    api[domain] ??= {};
    const domainApi = api[domain];
    domainApi[verb] = (request: unknown) => ipc.invoke(channel, request ?? {});
  }
  const onEvent = (listener: (event: BackendEvent) => void) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload as BackendEvent);
    ipc.on(BACKEND_EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(BACKEND_EVENT_CHANNEL, forward);
    };
  };
  // Frozen so page scripts cannot swap a function for their own.
  for (const domainApi of Object.values(api)) Object.freeze(domainApi);
  return Object.freeze({ ...api, onEvent }) as unknown as HaloSetupApi;
}
