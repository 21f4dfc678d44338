import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { BackendEvent } from '../../../shared/ipc';
import { FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../../fake-halo';
import { configuredInstance } from '../../support/backend-calls';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

let fake: FakeHalo;
let backend: Backend;
const temp = makeTempDir();

beforeAll(async () => {
  fake = await startFakeHalo({ clients: 412 });
  backend = testBackend(temp.dir, { haloClientOptions: { protocol: 'http' } });
});
afterAll(async () => {
  backend.close();
  await fake.stop();
  temp.cleanup();
});
beforeEach(() => fake.resetStats());

/** An instance configured against the fake, with the given secret (the right one or not). */
const configured = (name: string, clientSecret: string) =>
  configuredInstance(backend, fake, name, clientSecret);

describe('config:validate against the fake Halo', () => {
  it('reports each step with evidence, streams progress, and keeps the result for the instance list', async () => {
    const id = await configured('Production', FAKE_CLIENT_SECRET);
    const events: BackendEvent[] = [];
    const unsubscribe = backend.subscribe((event) => events.push(event));
    const result = await backend.invoke('config:validate', { instanceId: id });
    unsubscribe();
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.status).toBe('ok');
    expect(result.value.steps.map((s) => [s.id, s.status])).toEqual([
      ['token', 'ok'],
      ['agent', 'ok'],
      ['customers', 'ok'],
    ]);
    expect(result.value.steps[1]?.evidence).toMatch(/Rewst API/);
    const active = fake.clients().filter((client) => !client.inactive).length;
    expect(result.value.steps[2]?.evidence).toContain(`${active} customers`);
    expect(result.value.facts.customerCount).toBe(active);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((e) => e.type === 'validation:progress' && e.instanceId === id)).toBe(true);

    const listed = await backend.invoke('instances:list', {});
    const summary = listed.ok ? listed.value.instances.find((i) => i.id === id) : undefined;
    expect(summary?.lastValidation?.status).toBe('ok');
    expect(summary?.lastValidation?.summary).toMatch(/Rewst API/);
  });

  it('asks for a fresh token on every validation, since proving the credentials is the point', async () => {
    const id = await configured('Fresh token', FAKE_CLIENT_SECRET);
    fake.resetStats();
    await backend.invoke('config:validate', { instanceId: id });
    await backend.invoke('config:validate', { instanceId: id });
    expect(fake.stats.tokenRequests).toBe(2);
  });

  it('a wrong secret fails at the token step with invalid-client and the Client ID hint, and later steps are skipped', async () => {
    const id = await configured('Wrong secret', 'this-is-not-the-right-secret-0000');
    const result = await backend.invoke('config:validate', { instanceId: id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.status).toBe('failed');
    const [token, agent, customers] = result.value.steps;
    expect(token?.status).toBe('failed');
    expect(token?.error?.code).toBe('invalid-client');
    expect(agent?.status).toBe('skipped');
    expect(customers?.status).toBe('skipped');
    expect(result.value.warnings.map((w) => w.code)).toContain('client-id-may-have-changed');
    expect(JSON.stringify(result.value)).not.toContain('this-is-not-the-right-secret-0000');

    const listed = await backend.invoke('instances:list', {});
    const summary = listed.ok ? listed.value.instances.find((i) => i.id === id) : undefined;
    expect(summary?.lastValidation?.status).toBe('failed');
  });

  it('Halo being down gives a classified failure, not a crash, and keeps the previous configuration', async () => {
    const id = await configured('Down', FAKE_CLIENT_SECRET);
    fake.injectFault('/', { kind: 'status', status: 503 }, 20);
    const result = await backend.invoke('config:validate', { instanceId: id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.status).toBe('failed');
    const failed = result.value.steps.find((s) => s.status === 'failed');
    expect(failed?.error?.code).toBe('server-error');
    expect(failed?.error?.nextStep.length).toBeGreaterThan(10);
    const config = await backend.invoke('config:get', { instanceId: id });
    expect(config.ok && config.value.configuration?.resourceServer).toBe(fake.host);
  });
});
