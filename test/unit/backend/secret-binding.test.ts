import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, createMemorySecretStore } from '../../../electron/backend';
import type { SecretStore } from '../../../electron/secrets';
import { REENTER_SECRET_MESSAGE } from '../../../shared/configuration-rules';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../../fake-halo';
import { invoke, invokeFails } from '../../support/backend-calls';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

// Two Halos over real TLS, each with its own generated CA. The configuration trusts both CAs, so a
// host change alone would be enough for the old code to post the stored secret to the second one.
let first: FakeHalo;
let second: FakeHalo;
let secrets: SecretStore;
let backend: Backend;
const temp = makeTempDir();

beforeAll(async () => {
  [first, second] = await Promise.all([
    startFakeHalo({ clients: 5, tls: true }),
    startFakeHalo({ clients: 5, tls: true }),
  ]);
  secrets = createMemorySecretStore();
  backend = testBackend(temp.dir, { secrets });
});
afterAll(async () => {
  backend.close();
  await Promise.all([first.stop(), second.stop()]);
  temp.cleanup();
});

const bothCas = () => `${first.caPem ?? ''}\n${second.caPem ?? ''}`;
const onHost = (fake: FakeHalo, extra: { clientSecret?: string; caCertificatePem?: string } = {}) => ({
  resourceServer: fake.host,
  clientId: FAKE_CLIENT_ID,
  tenant: '',
  authServer: '',
  isOnPremise: true,
  caCertificatePem: extra.caCertificatePem ?? bothCas(),
  ...(extra.clientSecret === undefined ? {} : { clientSecret: extra.clientSecret }),
});

async function instanceValidatedOnFirst(name: string): Promise<string> {
  const { id } = await invoke(backend, 'instances:create', { name });
  await invoke(backend, 'config:save', {
    instanceId: id,
    configuration: onHost(first, { clientSecret: FAKE_CLIENT_SECRET }),
  });
  const validated = await invoke(backend, 'config:validate', { instanceId: id });
  expect(validated.status).toBe('ok');
  return id;
}

describe('the stored secret never follows a new host', () => {
  it('a host change without a secret forgets it: the save says re-enter, validation refuses, the new host hears nothing', async () => {
    const id = await instanceValidatedOnFirst('Moves host');
    second.resetStats();

    const saved = await invoke(backend, 'config:save', { instanceId: id, configuration: onHost(second) });
    expect(saved.configuration.hasClientSecret).toBe(false);
    expect(saved.notes.clientSecret).toBe(REENTER_SECRET_MESSAGE);
    expect(await secrets.get(id)).toBeNull();

    const refused = await invokeFails(backend, 'config:validate', { instanceId: id });
    expect(refused.code).toBe('invalid-configuration');
    expect(refused.message).toMatch(/No client secret is stored/);
    // Not one request reached the second host, so it cannot have seen the secret in any form.
    expect(second.stats.requests).toBe(0);
  });

  it('a CA change forgets it too, while a save that changes only the Client ID keeps it', async () => {
    const id = await instanceValidatedOnFirst('Tenant change');
    const sameHost = await invoke(backend, 'config:save', {
      instanceId: id,
      configuration: { ...onHost(first), clientId: `${FAKE_CLIENT_ID.slice(0, -1)}0` },
    });
    expect(sameHost.configuration.hasClientSecret).toBe(true);
    expect(sameHost.notes.clientSecret).toBeUndefined();

    const newCa = await invoke(backend, 'config:save', {
      instanceId: id,
      configuration: onHost(first, { caCertificatePem: first.caPem ?? '' }),
    });
    expect(newCa.configuration.hasClientSecret).toBe(false);
    expect(await secrets.get(id)).toBeNull();
  });

  it('re-entering the secret in the same save moves it with the host, and validation there succeeds', async () => {
    const id = await instanceValidatedOnFirst('Moves with secret');
    second.resetStats();
    const saved = await invoke(backend, 'config:save', {
      instanceId: id,
      configuration: onHost(second, { clientSecret: FAKE_CLIENT_SECRET }),
    });
    expect(saved.configuration.hasClientSecret).toBe(true);
    expect(saved.notes.clientSecret).toBeUndefined();
    const validated = await invoke(backend, 'config:validate', { instanceId: id });
    expect(validated.status).toBe('ok');
    expect(second.stats.tokenRequests).toBe(1);
  });
});
