/**
 * Prints how fast the fake starts and serves, so a slow fake is not mistaken for a slow client:
 *
 *   npx tsx test/fake-halo/bench.ts
 *
 * Figures only; nothing is asserted. Every request goes to 127.0.0.1 and the run is bounded.
 */
import { z } from 'zod';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, startFakeHalo } from './index';

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(52)} ${(performance.now() - started).toFixed(1).padStart(8)} ms`);
  return result;
}

async function main(): Promise<void> {
  const small = await timed('start, 300 clients, HTTP', () => startFakeHalo());
  await small.stop();
  const tlsFirst = await timed('start, 300 clients, HTTPS (first: CA + keys)', () =>
    startFakeHalo({ tls: true }),
  );
  await tlsFirst.stop();
  const tlsAgain = await timed('start, 300 clients, HTTPS (CA cached)', () => startFakeHalo({ tls: true }));
  await tlsAgain.stop();

  const big = await timed('start, 20,000 clients, HTTP', () =>
    startFakeHalo({ clients: 20_000, rateLimit: false }),
  );
  try {
    const tokenResponse = await fetch(`${big.url}/auth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: FAKE_CLIENT_ID,
        client_secret: FAKE_CLIENT_SECRET,
        scope: 'all',
      }),
    });
    const { access_token: token } = z.object({ access_token: z.string() }).parse(await tokenResponse.json());
    const headers = { Authorization: `Bearer ${token}` };
    const rows = await timed('page through 20,000 clients (100/page, sequential)', async () => {
      let total = 0;
      for (let pageNo = 1; pageNo <= 1_000; pageNo += 1) {
        const response = await fetch(`${big.url}/api/Client?pageinate=true&page_size=100&page_no=${pageNo}`, {
          headers,
        });
        const page = z.object({ clients: z.array(z.unknown()) }).parse(await response.json());
        total += page.clients.length;
        if (page.clients.length < 100) break;
      }
      return total;
    });
    console.log(
      `  rows received: ${rows}, distinct ids served: ${Object.keys(big.stats.clientIdsServed).length}`,
    );
    await timed('one unpaged GET of all 20,000 clients', async () => {
      const response = await fetch(`${big.url}/api/Client`, { headers });
      await response.arrayBuffer();
    });
  } finally {
    await big.stop();
  }
}

await main();
