/**
 * Benchmark: reading 10,000 clients from the fake Halo with 20 ms latency per request.
 *
 *   npx tsx bench/halo-paging.bench.ts
 *
 * 1. Halo's real budget (300 requests per 5 minutes) on both sides: nothing to pace, so this is the
 *    floor: 1 authinfo + 1 token + 100 pages.
 * 2. The budget scaled down to 60 requests per 2 s on both sides, so the pacer has to wait: it should
 *    keep the server from ever answering 429.
 * 3. The same server limit with the pacer effectively off, to show what pacing saves: 429s and
 *    backoff instead.
 */
import { createHaloClient, type HaloRequestInfo, type PacerBudget } from '../electron/halo/index';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, startFakeHalo } from '../test/fake-halo/index';

interface Scenario {
  name: string;
  serverLimit: { limit: number; windowMs: number };
  pacer: PacerBudget;
}

interface Figures {
  scenario: string;
  rows: number;
  requests: number;
  tooManyRequests: number;
  pacingWaits: number;
  wallMs: number;
}

const CLIENTS = 10_000;
const LATENCY_MS = 20;

async function run(scenario: Scenario): Promise<Figures> {
  const fake = await startFakeHalo({
    clients: CLIENTS,
    inactiveShare: 0,
    latencyMs: LATENCY_MS,
    rateLimit: scenario.serverLimit,
  });
  const requests: HaloRequestInfo[] = [];
  let pacingWaits = 0;
  const client = createHaloClient(
    {
      resourceServer: fake.host,
      clientId: FAKE_CLIENT_ID,
      tenant: '',
      authServer: '',
      isOnPremise: false,
      caCertificatePem: '',
    },
    {
      clientSecret: FAKE_CLIENT_SECRET,
      protocol: 'http',
      proxy: {},
      pacer: scenario.pacer,
      maxRateLimitRetries: 20,
      onRequest: (info) => requests.push(info),
    },
  );
  try {
    const started = performance.now();
    const rows = await client.listClients({
      onProgress: (progress) => {
        if (progress.waitingMs !== undefined) pacingWaits += 1;
      },
    });
    const wallMs = performance.now() - started;
    if (rows.length !== CLIENTS) throw new Error(`expected ${CLIENTS} rows, got ${rows.length}`);
    return {
      scenario: scenario.name,
      rows: rows.length,
      requests: requests.length,
      tooManyRequests: requests.filter((r) => r.status === 429).length,
      pacingWaits,
      wallMs,
    };
  } finally {
    client.close();
    await fake.stop();
  }
}

function table(rows: Figures[]): string {
  const header = ['scenario', 'rows', 'requests', '429s', 'waits', 'wall time'];
  const body = rows.map((r) => [
    r.scenario,
    String(r.rows),
    String(r.requests),
    String(r.tooManyRequests),
    String(r.pacingWaits),
    `${(r.wallMs / 1000).toFixed(2)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(format)].join('\n');
}

const scenarios: Scenario[] = [
  {
    name: 'Halo budget 300/5 min, pacer 300/5 min',
    serverLimit: { limit: 300, windowMs: 300_000 },
    pacer: { limit: 300, windowMs: 300_000 },
  },
  {
    name: 'server 60/2 s, pacer 60/2 s',
    serverLimit: { limit: 60, windowMs: 2_000 },
    pacer: { limit: 60, windowMs: 2_000 },
  },
  {
    name: 'server 60/2 s, pacer off (backoff only)',
    serverLimit: { limit: 60, windowMs: 2_000 },
    pacer: { limit: 1_000_000, windowMs: 2_000 },
  },
];

const results: Figures[] = [];
for (const scenario of scenarios) results.push(await run(scenario));
console.log(`Reading ${CLIENTS} clients from the fake Halo, ${LATENCY_MS} ms latency per request\n`);
console.log(table(results));
