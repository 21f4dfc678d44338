import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createMemorySecretStore, type SecretStore } from '../../../electron/backend';
import { KeychainUnavailableError } from '../../../electron/secrets';
import type { ChannelName, IpcResult, ResponseOf } from '../../../shared/ipc';
import { detailsOf } from '../../support/backend-calls';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

const SECRET = 'hX9-Very$ecret-Value-7c1d2e3f4a5b6c7d8e9f';
const goodConfiguration = {
  resourceServer: ' https://Acme.HaloPSA.com/api/ ',
  clientId: '{8F4C2A1E-1111-2222-3333-444455556666}',
  tenant: 'acme',
  authServer: '',
  isOnPremise: false,
  caCertificatePem: '',
  clientSecret: SECRET,
};

let temp: ReturnType<typeof makeTempDir>;
let secrets: ReturnType<typeof createMemorySecretStore>;
let backend: Backend;
const responses: unknown[] = [];

async function ok<C extends ChannelName>(channel: C, request: unknown): Promise<ResponseOf<C>> {
  const result = await backend.invoke(channel, request);
  responses.push(result);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}
async function fails<C extends ChannelName>(channel: C, request: unknown) {
  const result: IpcResult<ResponseOf<C>> = await backend.invoke(channel, request);
  responses.push(result);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

beforeEach(() => {
  temp = makeTempDir();
  secrets = createMemorySecretStore();
  backend = testBackend(temp.dir, { secrets });
  responses.length = 0;
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('instances', () => {
  it('creates, lists, renames and deletes instances', async () => {
    const production = await ok('instances:create', { name: 'Production' });
    const sandbox = await ok('instances:create', { name: '  Sandbox  ' });
    expect(sandbox.name).toBe('Sandbox');
    expect((await ok('instances:list', {})).instances.map((i) => i.name)).toEqual(['Production', 'Sandbox']);

    const renamed = await ok('instances:rename', { id: production.id, name: 'Production (EU)' });
    expect(renamed.name).toBe('Production (EU)');

    const deleted = await ok('instances:delete', { id: sandbox.id });
    expect(deleted).toEqual({ id: sandbox.id, name: 'Sandbox', removedSecret: false });
    expect((await ok('instances:list', {})).instances.map((i) => i.name)).toEqual(['Production (EU)']);
  });

  it('refuses a duplicate name, whatever its case', async () => {
    await ok('instances:create', { name: 'Production' });
    const error = await fails('instances:create', { name: 'PRODUCTION' });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/exists already/);
  });

  it('allows renaming an instance to a new case of its own name', async () => {
    const instance = await ok('instances:create', { name: 'production' });
    expect((await ok('instances:rename', { id: instance.id, name: 'Production' })).name).toBe('Production');
  });

  it('answers not-found for an instance that does not exist', async () => {
    const error = await fails('instances:rename', { id: '6f1e8f7a-3b7c-4c1e-9d55-0a4c2b9e1f00', name: 'X' });
    expect(error.code).toBe('not-found');
  });

  it.each([
    ['an empty name', 'instances:create', { name: '   ' }],
    ['a missing name', 'instances:create', {}],
    ['an extra field', 'instances:create', { name: 'X', admin: true }],
    ['an id that is not a UUID', 'instances:delete', { id: '1; DROP TABLE instances; --' }],
    ['a number instead of an object', 'instances:list', 42],
    ['a name far too long', 'instances:create', { name: 'x'.repeat(500) }],
  ] as const)('rejects %s with invalid-request and changes nothing', async (_label, channel, request) => {
    const error = await fails(channel as ChannelName, request);
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/refused/);
    expect((await ok('instances:list', {})).instances).toEqual([]);
  });
});

describe('configuration', () => {
  it('normalises and saves a configuration, with the secret in the secret store only', async () => {
    const instance = await ok('instances:create', { name: 'Production' });
    const saved = await ok('config:save', { instanceId: instance.id, configuration: goodConfiguration });
    expect(saved.configuration).toMatchObject({
      resourceServer: 'acme.halopsa.com',
      clientId: '8f4c2a1e-1111-2222-3333-444455556666',
      tenant: 'acme',
      hasClientSecret: true,
    });
    expect(await secrets.get(instance.id)).toBe(SECRET);
    expect(JSON.stringify(saved)).not.toContain(SECRET);

    const loaded = await ok('config:get', { instanceId: instance.id });
    expect(loaded.configuration).toEqual(saved.configuration);
    const listed = (await ok('instances:list', {})).instances[0];
    expect(listed).toMatchObject({ resourceServer: 'acme.halopsa.com', hasClientSecret: true });
  });

  it('keeps the stored secret when the form sends none (same hosts), and replaces it when it sends a new one', async () => {
    const instance = await ok('instances:create', { name: 'Production' });
    await ok('config:save', { instanceId: instance.id, configuration: goodConfiguration });
    const { clientSecret: _omitted, ...withoutSecret } = goodConfiguration;
    // A change of host, tenant, on-premise or CA forgets the secret (secret-binding.test.ts); the
    // Client ID is not one of them.
    const kept = await ok('config:save', {
      instanceId: instance.id,
      configuration: { ...withoutSecret, clientId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
    });
    expect(kept.configuration.hasClientSecret).toBe(true);
    expect(await secrets.get(instance.id)).toBe(SECRET);

    await ok('config:save', {
      instanceId: instance.id,
      configuration: { ...goodConfiguration, clientSecret: 'a-new-secret-of-enough-length' },
    });
    expect(await secrets.get(instance.id)).toBe('a-new-secret-of-enough-length');
  });

  it('refuses bad input with field errors and saves nothing', async () => {
    const instance = await ok('instances:create', { name: 'Production' });
    const error = await fails('config:save', {
      instanceId: instance.id,
      configuration: { ...goodConfiguration, resourceServer: 'acme halopsa com', clientId: 'not-a-guid' },
    });
    const fields = detailsOf(error, 'invalid-configuration').fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(['clientId', 'resourceServer']);
    expect((await ok('config:get', { instanceId: instance.id })).configuration).toBeNull();
    expect(await secrets.get(instance.id)).toBeNull();
  });

  it('saves nothing when the keychain is unavailable, and says so', async () => {
    backend.close();
    const lockedKeychain: SecretStore = {
      description: 'locked',
      get: async () => {
        throw new KeychainUnavailableError('No Secret Service keychain is running. Install gnome-keyring.');
      },
      set: async () => {
        throw new KeychainUnavailableError('No Secret Service keychain is running. Install gnome-keyring.');
      },
      delete: async () => {
        throw new KeychainUnavailableError('No Secret Service keychain is running. Install gnome-keyring.');
      },
    };
    backend = testBackend(temp.dir, { secrets: lockedKeychain });
    const instance = await ok('instances:create', { name: 'Production' });
    const error = await fails('config:save', { instanceId: instance.id, configuration: goodConfiguration });
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toMatch(/gnome-keyring/);
    expect((await ok('config:get', { instanceId: instance.id })).configuration).toBeNull();
    // Deleting is refused too, rather than leaving an orphaned secret behind.
    expect((await fails('instances:delete', { id: instance.id })).code).toBe('keychain-unavailable');
    expect((await ok('instances:list', {})).instances).toHaveLength(1);
  });

  it('deleting an instance deletes its configuration and its keychain secret', async () => {
    const instance = await ok('instances:create', { name: 'Production' });
    await ok('config:save', { instanceId: instance.id, configuration: goodConfiguration });
    const deleted = await ok('instances:delete', { id: instance.id });
    expect(deleted.removedSecret).toBe(true);
    expect(await secrets.get(instance.id)).toBeNull();
    expect(secrets.size).toBe(0);
  });

  it('a first save without a secret asks for it, and validation without one does not call Halo', async () => {
    const instance = await ok('instances:create', { name: 'Production' });
    const { clientSecret: _omitted, ...withoutSecret } = goodConfiguration;
    const saveError = await fails('config:save', { instanceId: instance.id, configuration: withoutSecret });
    expect(Object.keys(detailsOf(saveError, 'invalid-configuration').fields ?? {})).toEqual(['clientSecret']);
    const error = await fails('config:validate', { instanceId: instance.id });
    expect(error.code).toBe('invalid-configuration');
    expect(error.message).toMatch(/save a configuration/i);
  });
});

describe('persistence and secrecy', () => {
  it('a new backend on the same dataDir sees everything', async () => {
    const instance = await ok('instances:create', { name: 'Production' });
    await ok('config:save', { instanceId: instance.id, configuration: goodConfiguration });
    backend.close();
    backend = testBackend(temp.dir, { secrets });
    const loaded = await ok('config:get', { instanceId: instance.id });
    expect(loaded.configuration?.resourceServer).toBe('acme.halopsa.com');
    expect(loaded.configuration?.hasClientSecret).toBe(true);
  });

  it('the secret appears in no file under dataDir and in no response', async () => {
    const names = ['Production', 'Sandbox', 'Customer-B'];
    for (const name of names) {
      const instance = await ok('instances:create', { name });
      await ok('config:save', {
        instanceId: instance.id,
        configuration: { ...goodConfiguration, clientSecret: `${SECRET}-${name}` },
      });
      await ok('config:get', { instanceId: instance.id });
      await fails('config:save', {
        instanceId: instance.id,
        configuration: { ...goodConfiguration, clientId: 'bad', clientSecret: `${SECRET}-${name}` },
      });
    }
    await ok('instances:list', {});
    await ok('app:info', {});
    backend.close(); // flush the WAL into the database file too

    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(temp.dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(SECRET)), file).toBe(false);
      expect(bytes.includes(Buffer.from(SECRET, 'utf16le')), file).toBe(false);
    }
    expect(JSON.stringify(responses)).not.toContain(SECRET);
    backend = testBackend(temp.dir, { secrets });
  });

  it('app:info names the database file and the secret store', async () => {
    const info = await ok('app:info', {});
    expect(info.databasePath).toBe(path.join(temp.dir, 'halo-setup.db'));
    expect(info.secretStore).toBe('in-memory (tests only)');
  });
});
