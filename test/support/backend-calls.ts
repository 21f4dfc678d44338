import type { Backend } from '../../electron/backend';
import type {
  AppErrorCode,
  AppErrorData,
  AppErrorDetails,
  ChannelName,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo } from '../fake-halo';

/** Invokes a channel and returns its value, failing the test with the error message otherwise. */
export async function invoke<C extends ChannelName>(
  backend: Backend,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Invokes a channel that must fail, and returns its error. */
export async function invokeFails<C extends ChannelName>(
  backend: Backend,
  channel: C,
  request: RequestOf<C>,
): Promise<AppErrorData> {
  const result = await backend.invoke(channel, request);
  if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
  return result.error;
}

/**
 * The configuration a technician would save for the fake Halo: on-premise (the fake listens on
 * 127.0.0.1:port), the fake's Client ID, and its secret unless the test wants a wrong one.
 */
export function fakeHaloConfiguration(
  fake: FakeHalo,
  clientSecret: string = FAKE_CLIENT_SECRET,
): RequestOf<'config:save'>['configuration'] {
  return {
    resourceServer: fake.host,
    clientId: FAKE_CLIENT_ID,
    tenant: '',
    authServer: '',
    isOnPremise: true,
    caCertificatePem: '',
    clientSecret,
  };
}

/** Creates an instance configured against the fake Halo (see `fakeHaloConfiguration`) through the real channels. */
export async function configuredInstance(
  backend: Backend,
  fake: FakeHalo,
  name: string,
  clientSecret: string = FAKE_CLIENT_SECRET,
): Promise<string> {
  const created = await invoke(backend, 'instances:create', { name });
  await invoke(backend, 'config:save', {
    instanceId: created.id,
    configuration: fakeHaloConfiguration(fake, clientSecret),
  });
  return created.id;
}

/** The error's details, after checking its code (which narrows them to that code's fields). */
export function detailsOf<C extends AppErrorCode>(error: AppErrorData, code: C): AppErrorDetails<C> {
  if (error.code !== code) throw new Error(`expected a ${code} error, got ${error.code}: ${error.message}`);
  return error.details as AppErrorDetails<C>;
}
