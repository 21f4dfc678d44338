import { createHaloClient } from '../electron/halo/index';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, startFakeHalo } from '../test/fake-halo/index';

const fake = await startFakeHalo({ clients: 10000, inactiveShare: 0, latencyMs: 0, rateLimit: false });
const c = createHaloClient(
  {
    resourceServer: fake.host,
    clientId: FAKE_CLIENT_ID,
    tenant: '',
    authServer: '',
    isOnPremise: false,
    caCertificatePem: '',
  },
  { clientSecret: FAKE_CLIENT_SECRET, protocol: 'http', proxy: {} },
);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await c.listClients();
  console.log((performance.now() - t).toFixed(0), 'ms');
}
c.close();
await fake.stop();
