/**
 * Benchmark: the mapping backend through the real composition root (createBackend on a temp dir, the
 * fake Halo over loopback), on this machine:
 *
 *   npx tsx bench/mapping-backend.bench.ts
 *
 * - Refresh Options of 10,000 Halo clients (0 ms and 20 ms latency per request): Halo requests, wall time;
 * - upsert of 20,000 clients into the options cache (one transaction; first fill, then every row changed);
 * - Save Mappings of ~10,000 rows (the edit that fills the draft, the diff, the save, a full mappings:get);
 * - Suggest through the worker for 10,000 organizations against 10,000 clients (round trip, incl. writing);
 * - CSV import of 50,000 organizations (parse, validate, merge in one transaction), then again unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Backend, createBackend, createMemorySecretStore } from '../electron/backend/index';
import { openStore } from '../electron/store/index';
import type { ChannelName, RequestOf, ResponseOf } from '../shared/ipc';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, startFakeHalo } from '../test/fake-halo/index';

interface Figure {
  operation: string;
  rows: string;
  requests: string;
  wallMs: number;
  note: string;
}

const figures: Figure[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'halo-setup-bench-'));
  dirs.push(dir);
  return dir;
}

function openBackend(dataDir: string): Backend {
  return createBackend({
    dataDir,
    secrets: createMemorySecretStore(),
    haloClientOptions: { protocol: 'http', proxy: {} },
  });
}

async function call<C extends ChannelName>(
  backend: Backend,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function instanceFor(backend: Backend, host: string, name: string): Promise<string> {
  const created = await call(backend, 'instances:create', { name });
  await call(backend, 'config:save', {
    instanceId: created.id,
    configuration: {
      resourceServer: host,
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

async function benchRefresh(latencyMs: number): Promise<void> {
  const fake = await startFakeHalo({ clients: 10_000, inactiveShare: 0.05, latencyMs });
  const backend = openBackend(tempDir());
  try {
    const instanceId = await instanceFor(backend, fake.host, 'Bench');
    fake.resetStats();
    const { value, ms } = await timed(() => call(backend, 'options:refresh', { instanceId }));
    if (value.clients.total !== 10_000) throw new Error(`read ${value.clients.total} clients`);
    figures.push({
      operation: `Refresh Options, 10,000 clients, ${latencyMs} ms latency`,
      rows: String(value.clients.total),
      requests: String(fake.stats.requests),
      wallMs: ms,
      note: `${fake.stats.rateLimited} x 429; Microsoft tenants read in the same pages: ${value.microsoftTenants.clients} clients have one`,
    });
    fake.resetStats();
    const again = await timed(() => call(backend, 'options:refresh', { instanceId }));
    figures.push({
      operation: `  again (reconcile: all unchanged), ${latencyMs} ms`,
      rows: String(again.value.clients.unchanged),
      requests: String(fake.stats.requests),
      wallMs: again.ms,
      note: 'token reused',
    });
  } finally {
    backend.close();
    await fake.stop();
  }
}

function benchCacheUpsert(): void {
  const store = openStore(tempDir());
  try {
    const instanceId = '00000000-0000-4000-8000-000000000001';
    store.instances.insert(instanceId, 'Bench', new Date().toISOString());
    const clients = (suffix: string) =>
      Array.from({ length: 20_000 }, (_, index) => ({
        id: 100 + index,
        name: `Client ${index} ${suffix}`,
        toplevelId: 1,
        toplevelName: 'Customers',
        inactive: index % 20 === 0,
        mainSiteName: 'Main',
        website: `https://client${index}.example`,
        ref: null,
        accountsId: null,
        tenants: [],
      }));
    for (const [label, rows] of [
      ['upsert 20,000 clients into an empty cache', clients('a')],
      ['upsert 20,000 clients, every row changed', clients('b')],
    ] as const) {
      const started = performance.now();
      store.transaction(() => store.haloOptions.replace(instanceId, rows, [], new Date().toISOString()));
      figures.push({
        operation: label,
        rows: '20000',
        requests: '-',
        wallMs: performance.now() - started,
        note: 'one transaction',
      });
    }
    const read = performance.now();
    const back = store.haloOptions.clients(instanceId);
    figures.push({
      operation: 'read the 20,000-client cache',
      rows: String(back.length),
      requests: '-',
      wallMs: performance.now() - read,
      note: '',
    });
  } finally {
    store.close();
  }
}

async function benchSaveAndSuggest(): Promise<void> {
  const fake = await startFakeHalo({ clients: 10_000, inactiveShare: 0.05 });
  const backend = openBackend(tempDir());
  try {
    const instanceId = await instanceFor(backend, fake.host, 'Bench');
    await call(backend, 'options:refresh', { instanceId });
    const clients = fake.clients();
    // Our organizations: the client names with the legal form or case changed, as a technician's list would have them.
    const names = new Map<string, string>();
    for (const client of clients) {
      const variant = client.name.replace(/\s+(Ltd|LLC|Inc|GmbH|LLP|PLC)\.?$/i, '').toUpperCase();
      names.set(variant.normalize('NFC').toLowerCase(), variant);
    }
    const csv = ['name', ...[...names.values()].map((name) => `"${name.replaceAll('"', '""')}"`)].join('\n');
    await call(backend, 'organizations:import', { format: 'csv', content: csv });
    const suggest = await timed(() => call(backend, 'mappings:suggest', { instanceId }));
    figures.push({
      operation: `Suggest ${names.size} orgs x 10,000 clients (worker)`,
      rows: String(suggest.value.counts.considered),
      requests: '-',
      wallMs: suggest.ms,
      note: `${suggest.value.counts.suggested} suggested, matcher ${suggest.value.counts.durationMs.toFixed(0)} ms`,
    });
    const organizations = (await call(backend, 'organizations:list', {})).organizations;
    const edits = organizations.map((organization, index) => ({
      organizationId: organization.id,
      action: 'set' as const,
      clientId: clients[index % clients.length]?.id ?? 1,
    }));
    const edit = await timed(() =>
      call(backend, 'mappings:edit', { instanceId, edits, label: 'Map 10,000' }),
    );
    figures.push({
      operation: 'mappings:edit, ~10,000 rows (one undo step)',
      rows: String(edits.length),
      requests: '-',
      wallMs: edit.ms,
      note: '',
    });
    const diff = await timed(() => call(backend, 'mappings:diff', { instanceId }));
    figures.push({
      operation: 'mappings:diff, ~10,000 rows',
      rows: String(diff.value.added.length),
      requests: '-',
      wallMs: diff.ms,
      note: '',
    });
    const save = await timed(() => call(backend, 'mappings:save', { instanceId }));
    figures.push({
      operation: 'Save Mappings, ~10,000 rows',
      rows: String(save.value.added),
      requests: '-',
      wallMs: save.ms,
      note: 'one transaction',
    });
    const shifted = organizations.map((organization, index) => ({
      organizationId: organization.id,
      action: 'set' as const,
      clientId: clients[(index + 1) % clients.length]?.id ?? 1,
    }));
    await call(backend, 'mappings:edit', { instanceId, edits: shifted });
    const resave = await timed(() => call(backend, 'mappings:save', { instanceId }));
    figures.push({
      operation: 'Save Mappings, ~10,000 rows changed',
      rows: String(resave.value.changed),
      requests: '-',
      wallMs: resave.ms,
      note: 'one transaction',
    });
    const undo = await timed(() => call(backend, 'mappings:undo', { instanceId }));
    figures.push({
      operation: 'mappings:undo of a ~10,000-row step',
      rows: String(undo.value.rows.length),
      requests: '-',
      wallMs: undo.ms,
      note: '',
    });
    const get = await timed(() => call(backend, 'mappings:get', { instanceId }));
    figures.push({
      operation: 'mappings:get, ~10,000 rows with statuses',
      rows: String(get.value.rows.length),
      requests: '-',
      wallMs: get.ms,
      note: '',
    });
  } finally {
    backend.close();
    await fake.stop();
  }
}

async function benchCsvImport(): Promise<void> {
  const backend = openBackend(tempDir());
  try {
    const lines = ['name,domain,external id'];
    for (let index = 0; index < 50_000; index++) {
      lines.push(`"Organization ${index}, ""Branch"" Ltd",org${index}.example,EXT-${index}`);
    }
    const content = `\uFEFF${lines.join('\r\n')}`;
    const first = await timed(() => call(backend, 'organizations:import', { format: 'csv', content }));
    figures.push({
      operation: 'CSV import, 50,000 organizations',
      rows: String(first.value.added),
      requests: '-',
      wallMs: first.ms,
      note: `${(content.length / 1_000_000).toFixed(1)} MB, one transaction`,
    });
    const second = await timed(() => call(backend, 'organizations:import', { format: 'csv', content }));
    figures.push({
      operation: 'CSV import again (all unchanged)',
      rows: String(second.value.unchanged),
      requests: '-',
      wallMs: second.ms,
      note: '',
    });
  } finally {
    backend.close();
  }
}

function table(rows: Figure[]): string {
  const header = ['operation', 'rows', 'Halo requests', 'wall time', 'note'];
  const body = rows.map((row) => [
    row.operation,
    row.rows,
    row.requests,
    `${row.wallMs.toFixed(0)} ms`,
    row.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(format)].join('\n');
}

try {
  await benchRefresh(0);
  await benchRefresh(20);
  benchCacheUpsert();
  await benchSaveAndSuggest();
  await benchCsvImport();
  console.log('Mapping backend (createBackend on a temp dir, fake Halo on 127.0.0.1)\n');
  console.log(table(figures));
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
