import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { haloPageUrl } from '../../../electron/backend/handlers/links';
import { createExternalLinkGate } from '../../../electron/main/external-links';
import { createOpenInHalo } from '../../../electron/main/open-in-halo';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, startFakeHalo } from '../../fake-halo';
import { fakeHaloConfiguration, invoke, invokeFails } from '../../support/backend-calls';
import { makeTempDir } from '../../support/temp-dir';
import { LOCAL_FAKE_HALO, testBackend } from '../../support/test-backend';

/**
 * "Open in Halo" goes through one gate: the backend builds an https URL on the instance's saved host
 * (never from the renderer's text), and the main process checks it again before shell.openExternal.
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function backendWith(openExternal?: (url: string) => Promise<void>): Backend {
  const temp = makeTempDir('halo-setup-links-');
  const backend = testBackend(temp.dir, {
    // For the on-premise cases: the fake Halo listens on plain http at 127.0.0.1.
    haloClientOptions: LOCAL_FAKE_HALO,
    ...(openExternal ? { openExternal } : {}),
  });
  cleanups.push(() => {
    backend.close();
    temp.cleanup();
  });
  return backend;
}

async function instanceOn(backend: Backend, host: string | null, isOnPremise = false): Promise<string> {
  const created = await backend.invoke('instances:create', { name: `Instance ${Math.random()}` });
  if (!created.ok) throw new Error(created.error.message);
  if (host !== null) {
    const saved = await backend.invoke('config:save', {
      instanceId: created.value.id,
      configuration: {
        resourceServer: host,
        clientId: FAKE_CLIENT_ID,
        tenant: isOnPremise ? '' : 'acme',
        authServer: '',
        isOnPremise,
        caCertificatePem: '',
        clientSecret: FAKE_CLIENT_SECRET,
      },
    });
    if (!saved.ok) throw new Error(saved.error.message);
  }
  return created.value.id;
}

describe('haloPageUrl', () => {
  it('builds https URLs on the host, with the fixed page paths', () => {
    expect(haloPageUrl('acme.halopsa.com', 'applications')).toBe(
      'https://acme.halopsa.com/config/integrations/api/applications',
    );
    expect(haloPageUrl('support.example.com:8443', 'halo-api')).toBe(
      'https://support.example.com:8443/config/integrations/api',
    );
    expect(haloPageUrl('Acme.HaloPSA.com', 'home')).toBe('https://acme.halopsa.com/');
    expect(haloPageUrl('acme.halopsa.com:443', 'configuration')).toBe('https://acme.halopsa.com/config');
  });

  it('refuses anything that is not a plain host', () => {
    for (const host of [
      '',
      'evil.example/acme.halopsa.com',
      'user@acme.halopsa.com',
      'acme.halopsa.com#x',
      'acme.halopsa.com?x',
      'a b',
      'acme.halopsa.com\\x',
      'acme.halopsa.com:99999',
    ]) {
      expect(haloPageUrl(host, 'home'), host).toBeNull();
    }
  });
});

describe('links:openInHalo', () => {
  it('opens the page on the instance’s own host through the injected opener', async () => {
    const opened: string[] = [];
    const backend = backendWith(async (url) => {
      opened.push(url);
    });
    const id = await instanceOn(backend, 'https://Acme.HaloPSA.com/api');
    const result = await backend.invoke('links:openInHalo', { instanceId: id, target: 'applications' });
    expect(result).toEqual({
      ok: true,
      value: { url: 'https://acme.halopsa.com/config/integrations/api/applications' },
    });
    expect(opened).toEqual(['https://acme.halopsa.com/config/integrations/api/applications']);
  });

  it('refuses when the host is not known yet, when nothing can open links, and for unknown targets', async () => {
    const opened: string[] = [];
    const backend = backendWith(async (url) => {
      opened.push(url);
    });
    const unconfigured = await instanceOn(backend, null);
    const refused = await backend.invoke('links:openInHalo', { instanceId: unconfigured, target: 'home' });
    expect(refused.ok ? null : refused.error.code).toBe('invalid-configuration');
    expect(refused.ok ? '' : refused.error.message).toContain('Resource Server Hostname');

    const id = await instanceOn(backend, 'acme.halopsa.com');
    const made = await backend.invoke('links:openInHalo', { instanceId: id, target: 'javascript:alert(1)' });
    expect(made.ok ? null : made.error.code).toBe('invalid-request');
    const url = await backend.invoke('links:openInHalo', {
      instanceId: id,
      target: 'home',
      url: 'https://x',
    });
    expect(url.ok ? null : url.error.code).toBe('invalid-request');
    expect(opened).toEqual([]);

    const without = backendWith();
    const other = await instanceOn(without, 'acme.halopsa.com');
    const none = await without.invoke('links:openInHalo', { instanceId: other, target: 'home' });
    expect(none.ok ? null : none.error.code).toBe('internal');
  });

  it('reports a refusal of the main-process gate as an error', async () => {
    const backend = backendWith(async () => {
      throw new Error('Refused to open https://acme.halopsa.com/: not a configured Halo host.');
    });
    const id = await instanceOn(backend, 'acme.halopsa.com');
    const result = await backend.invoke('links:openInHalo', { instanceId: id, target: 'home' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toContain('Refused to open');
  });
});

describe('links:openInHalo on a host outside Halo’s cloud', () => {
  const unconfirmed =
    'Validate the connection first: Halo Setup opens only a Halo it has confirmed for this instance.';

  it('opens only after a successful validation proved that exact host', async () => {
    const fake = await startFakeHalo({ clients: 3 });
    cleanups.push(() => void fake.stop());
    const opened: string[] = [];
    const backend = backendWith(async (url) => {
      opened.push(url);
    });
    const { id } = await invoke(backend, 'instances:create', { name: 'On-prem' });
    const save = (configuration: ReturnType<typeof fakeHaloConfiguration>) =>
      invoke(backend, 'config:save', { instanceId: id, configuration });

    // Saved, never validated: refused, with what to do.
    await save(fakeHaloConfiguration(fake));
    const before = await invokeFails(backend, 'links:openInHalo', { instanceId: id, target: 'applications' });
    expect(before.message).toBe(unconfirmed);

    // A failed validation (wrong secret) proves nothing.
    await save(fakeHaloConfiguration(fake, `${FAKE_CLIENT_SECRET.slice(0, -4)}xxxx`));
    expect((await invoke(backend, 'config:validate', { instanceId: id })).status).toBe('failed');
    expect((await invokeFails(backend, 'links:openInHalo', { instanceId: id, target: 'home' })).message).toBe(
      unconfirmed,
    );
    expect(opened).toEqual([]);

    // A successful one does: the page opens on that host.
    await save(fakeHaloConfiguration(fake));
    expect((await invoke(backend, 'config:validate', { instanceId: id })).status).not.toBe('failed');
    const result = await invoke(backend, 'links:openInHalo', { instanceId: id, target: 'applications' });
    expect(result.url).toBe(`https://${fake.host}/config/integrations/api/applications`);
    expect(opened).toEqual([result.url]);

    // The host changed since: the old validation proves nothing about the new one.
    const [hostname, port] = fake.host.split(':');
    await save({ ...fakeHaloConfiguration(fake), resourceServer: `${hostname}:${Number(port) + 1}` });
    expect((await invokeFails(backend, 'links:openInHalo', { instanceId: id, target: 'home' })).message).toBe(
      unconfirmed,
    );
    expect(opened).toHaveLength(1);
  });

  it('a Halo-hosted host opens before any validation (the setup guide needs it)', async () => {
    const opened: string[] = [];
    const backend = backendWith(async (url) => {
      opened.push(url);
    });
    for (const host of ['acme.haloitsm.com', 'acme.haloservicedesk.com', 'acme.halocrm.io']) {
      const id = await instanceOn(backend, host);
      await invoke(backend, 'links:openInHalo', { instanceId: id, target: 'home' });
    }
    expect(opened).toEqual([
      'https://acme.haloitsm.com/',
      'https://acme.haloservicedesk.com/',
      'https://acme.halocrm.io/',
    ]);
    // A look-alike outside those domains is not Halo-hosted: it waits for a validation.
    const lookalike = await instanceOn(backend, 'acme.halopsa.com.example.net', true);
    expect(
      (await invokeFails(backend, 'links:openInHalo', { instanceId: lookalike, target: 'home' })).message,
    ).toBe(unconfirmed);
  });
});

describe('the main-process half (createOpenInHalo)', () => {
  function opener(hosts: string[]) {
    const shellOpened: string[] = [];
    const gate = createExternalLinkGate(async (url) => {
      shellOpened.push(url);
    });
    return { open: createOpenInHalo(gate, async () => hosts), shellOpened, gate };
  }

  it('opens https pages on a configured instance host only', async () => {
    const { open, shellOpened } = opener(['acme.halopsa.com', 'support.example.com:8443']);
    await open('https://acme.halopsa.com/config/integrations/api');
    await open('https://support.example.com:8443/config');
    expect(shellOpened).toEqual([
      'https://acme.halopsa.com/config/integrations/api',
      'https://support.example.com:8443/config',
    ]);
  });

  it('refuses other hosts, http, credentials and garbage, and opens nothing', async () => {
    const { open, shellOpened } = opener(['acme.halopsa.com']);
    await expect(open('https://evil.example/config')).rejects.toThrow(/not a configured Halo host/);
    await expect(open('http://acme.halopsa.com/config')).rejects.toThrow(/only https/);
    await expect(open('https://user:pw@acme.halopsa.com/')).rejects.toThrow(/only https/);
    await expect(open('not a url')).rejects.toThrow(/not a URL/);
    await expect(open('https://support.example.com:8443/')).rejects.toThrow(/not a configured/);
    expect(shellOpened).toEqual([]);
  });

  it('does not leave the host allowed in the gate once its instance is gone', async () => {
    const hosts = ['acme.halopsa.com'];
    const { open, gate } = opener(hosts);
    await open('https://acme.halopsa.com/config');
    hosts.length = 0; // the instance was deleted
    expect(gate.isAllowed('https://acme.halopsa.com/config')).toBe(false);
    await expect(open('https://acme.halopsa.com/config')).rejects.toThrow(/not a configured Halo host/);
  });
});
