import {
  type Backend,
  type BackendOptions,
  createBackend,
  createMemorySecretStore,
} from '../../electron/backend';

/** Halo client options for the fake Halo on 127.0.0.1: plain http, no proxy, a pacer that never waits. */
export const LOCAL_FAKE_HALO = {
  protocol: 'http',
  proxy: {},
  pacer: { limit: 100_000, windowMs: 1000 },
} as const satisfies BackendOptions['haloClientOptions'];

/**
 * The backend as every test builds it: the real store in `dataDir`, in-memory secrets (the keychain
 * tests pass the real one), and every response and error held to the IPC contract. `options` adds or
 * replaces anything else (a Halo client setup, a clock, a logger, a suggest runner).
 */
export function testBackend(
  dataDir: string,
  options: Partial<Omit<BackendOptions, 'dataDir'>> = {},
): Backend {
  return createBackend({
    dataDir,
    secrets: createMemorySecretStore(),
    validateResponses: true,
    ...options,
  });
}
