import {
  type Backend,
  createBackend,
  createMemorySecretStore,
  type SecretStore,
} from '../../../electron/backend';
import type { SuggestRunner } from '../../../electron/backend/suggest-runner';
import type { ChannelName, IpcResult, RequestOf, ResponseOf } from '../../../shared/ipc';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo } from '../../fake-halo';

export interface TestBackendOptions {
  dataDir: string;
  secrets?: SecretStore;
  now?: () => Date;
  suggestRunner?: SuggestRunner;
  /** What the open-file dialog answers for organizations:linkSource (null: the user cancelled). */
  chooseOrganizationFile?: () => Promise<string | null>;
}

export function openBackend(options: TestBackendOptions): Backend {
  return createBackend({
    dataDir: options.dataDir,
    secrets: options.secrets ?? createMemorySecretStore(),
    validateResponses: true,
    // Tests run against the fake on 127.0.0.1; a generous pacer so nothing waits unless a test asks.
    haloClientOptions: { protocol: 'http', proxy: {}, pacer: { limit: 100_000, windowMs: 1000 } },
    ...(options.now ? { now: options.now } : {}),
    ...(options.suggestRunner ? { suggestRunner: options.suggestRunner } : {}),
    ...(options.chooseOrganizationFile ? { chooseOrganizationFile: options.chooseOrganizationFile } : {}),
  });
}

/** Invokes a channel and returns its value, failing the test with the error message otherwise. */
export async function call<C extends ChannelName>(
  backend: Backend,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Invokes a channel expected to fail; returns the error. */
export async function callFails<C extends ChannelName>(
  backend: Backend,
  channel: C,
  request: RequestOf<C>,
): Promise<Extract<IpcResult<unknown>, { ok: false }>['error']> {
  const result = await backend.invoke(channel, request);
  if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
  return result.error;
}

/** Creates an instance configured against the fake Halo. */
export async function configuredInstance(backend: Backend, fake: FakeHalo, name: string): Promise<string> {
  const created = await call(backend, 'instances:create', { name });
  await call(backend, 'config:save', {
    instanceId: created.id,
    configuration: {
      resourceServer: fake.host,
      clientId: FAKE_CLIENT_ID,
      tenant: '',
      authServer: '',
      isOnPremise: true,
      caCertificatePem: '',
      clientSecret: FAKE_CLIENT_SECRET,
    },
  });
  return created.id;
}

/** A CSV of our organizations named exactly like the given Halo clients (plus extras with no counterpart). */
export function organizationsCsv(names: readonly string[]): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return ['name', ...names.map(quote)].join('\r\n');
}
