import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_INSTANCE_NAME,
  demoHaloFromEnvironment,
  seedDemoSandbox,
} from '../../../electron/main/demo-sandbox';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../../fake-halo';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

let fake: FakeHalo;
const temp = makeTempDir();
beforeAll(async () => {
  fake = await startFakeHalo({ clients: 300, tls: true });
});
afterAll(async () => {
  await fake.stop();
  temp.cleanup();
});

describe('demo sandbox', () => {
  it('configures a labelled instance against the fake over HTTPS with its private CA, and it validates', async () => {
    const backend = testBackend(temp.dir);
    const demo = {
      host: fake.host,
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
      caPem: fake.caPem,
    };
    const id = await seedDemoSandbox(backend, demo);
    // Seeding again (the next `npm run demo`) refreshes the same instance rather than adding one.
    expect(await seedDemoSandbox(backend, demo)).toBe(id);

    const listed = await backend.invoke('instances:list', {});
    expect(listed.ok && listed.value.instances.map((i) => i.name)).toEqual([DEMO_INSTANCE_NAME]);

    const validated = await backend.invoke('config:validate', { instanceId: id });
    if (!validated.ok) throw new Error(validated.error.message);
    expect(validated.value.status).toBe('ok');
    expect(validated.value.steps.map((step) => step.status)).toEqual(['ok', 'ok', 'ok']);
    expect(validated.value.facts.customerCount).toBeGreaterThan(250);
    backend.close();
  });

  it('reads the launcher settings from the environment, refusing incomplete ones', () => {
    expect(demoHaloFromEnvironment(undefined)).toBeNull();
    expect(
      demoHaloFromEnvironment(JSON.stringify({ host: 'localhost:1', clientId: 'a', clientSecret: 'b' })),
    ).toEqual({
      host: 'localhost:1',
      clientId: 'a',
      clientSecret: 'b',
      caPem: null,
    });
    expect(() => demoHaloFromEnvironment(JSON.stringify({ host: 'x' }))).toThrow(/npm run demo/);
  });
});
