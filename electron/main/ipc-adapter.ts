import type { IpcMain } from 'electron';
import { BACKEND_EVENT_CHANNEL, channelNames } from '../../shared/channel-names';
import type { BackendEvent, IpcResult } from '../../shared/ipc';
import type { Backend } from '../backend';
import type { IpcSenderInfo, TrustedSenders } from './trusted-senders';

/**
 * The one bridge between ipcMain and the backend: a handler per contract channel, each refusing
 * messages from anything but the app's own window before the backend sees them.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: Pick<Backend, 'invoke'>,
  senders: Pick<TrustedSenders, 'isTrusted'>,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<IpcResult<unknown>> => {
      if (!senders.isTrusted(event as unknown as IpcSenderInfo)) {
        return {
          ok: false,
          error: {
            code: 'untrusted-sender',
            message: 'Refused a request that did not come from the Halo Setup window.',
            details: { channel },
          },
        };
      }
      return backend.invoke(channel, request);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Pushes backend events to one window; events never carry secrets. */
export function forwardBackendEvents(
  backend: Pick<Backend, 'subscribe'>,
  send: (channel: string, event: BackendEvent) => void,
): () => void {
  return backend.subscribe((event) => send(BACKEND_EVENT_CHANNEL, event));
}
