import type { Backend } from '../../electron/backend';
import { buildApi } from '../../electron/preload/build-api';
import type { HaloSetupApi } from '../../shared/api';

/**
 * `window.api` wired straight to a real backend, built by the same function the preload uses, so
 * component tests exercise the real contract, store and handlers; only the Electron IPC hop is skipped.
 */
export function apiForBackend(backend: Backend): HaloSetupApi {
  const unsubscribers = new Map<unknown, () => void>();
  return buildApi({
    invoke: (channel, request) => backend.invoke(channel as never, request),
    on: (_channel, listener) => {
      unsubscribers.set(
        listener,
        backend.subscribe((event) => listener({}, event)),
      );
    },
    removeListener: (_channel, listener) => {
      unsubscribers.get(listener)?.();
      unsubscribers.delete(listener);
    },
  });
}
