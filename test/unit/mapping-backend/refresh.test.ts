import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { BackendEvent } from '../../../shared/ipc';
import type { OptionsProgressEvent } from '../../../shared/mapping-contract';
import { type FakeHalo, fakeClientRow, startFakeHalo } from '../../fake-halo';
import { makeTempDir } from '../../support/temp-dir';
import { call, callFails, configuredInstance, detailsOf, openBackend } from './helpers';

const temp = makeTempDir();
let backend: Backend;
let fake: FakeHalo | null = null;
let run = 0;

const client = fakeClientRow;

/** What the (main-process) open-file dialog answers when a test links the organizations file. */
let dialogAnswer: string | null = null;

beforeEach(() => {
  run += 1;
  backend = openBackend({
    dataDir: path.join(temp.dir, `data-${run}`),
    chooseOrganizationFile: async () => dialogAnswer,
  });
});
afterEach(async () => {
  backend.close();
  await fake?.stop();
  fake = null;
});
afterAll(() => temp.cleanup());

function progressEvents(events: BackendEvent[]): OptionsProgressEvent[] {
  return events.filter((event): event is OptionsProgressEvent => event.type === 'options:progress');
}

describe('options:refresh', () => {
  it('reads every client, active and inactive, with top levels; reports pages; caches with its time', async () => {
    fake = await startFakeHalo({ clients: 412, inactiveShare: 0.1 });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    const events: BackendEvent[] = [];
    backend.subscribe((event) => events.push(event));
    const result = await call(backend, 'options:refresh', { instanceId });
    expect(result.clients).toMatchObject({ total: 412, new: 412, gone: 0 });
    expect(result.topLevels).toBe(3);
    expect(result.requests).toBeGreaterThanOrEqual(6); // 5 pages of 100 + top levels
    const options = await call(backend, 'options:get', { instanceId });
    const inactive = fake.clients().filter((row) => row.inactive).length;
    expect(inactive).toBeGreaterThan(10);
    expect(options.clients).toHaveLength(412);
    expect(options.clients.filter((row) => row.inactive)).toHaveLength(inactive);
    expect(options.topLevels.map((level) => level.name)).toEqual(['Customers', 'Prospects', 'Internal']);
    expect(options.cache?.clientCount).toBe(412);
    expect(options.cache?.generation).toBe(1);
    expect(options.refreshing).toBe(false);
    const progress = progressEvents(events);
    const pages = progress.filter((event) => event.phase === 'clients').map((event) => event.page);
    expect(pages).toEqual([1, 2, 3, 4, 5]);
    expect(progress.find((event) => event.phase === 'clients')?.pagesEstimated).toBe(5);
    expect(progress.at(-1)?.phase).toBe('done');
    // Refreshing again changes nothing but the time and generation.
    const again = await call(backend, 'options:refresh', { instanceId });
    expect(again.clients).toMatchObject({ total: 412, new: 0, unchanged: 412 });
    expect(again.cache.generation).toBe(2);
  });

  it('counts the client rows Halo sent that cannot be read, caches the rest, and reads string ids', async () => {
    fake = await startFakeHalo({ clients: [client(11, 'Acme Ltd')] });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    const rows = [
      { ...client(11, 'Acme Ltd'), id: '11' },
      { ...client(12, 'Globex'), toplevel_id: -1 },
      { ...client(13, 'Initech'), id: 'thirteen' },
    ];
    fake.injectFault('/api/client', {
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ page_no: 1, page_size: 100, record_count: 3, clients: rows }),
    });
    const result = await call(backend, 'options:refresh', { instanceId });
    expect(result.unreadableClients).toBe(1);
    const options = await call(backend, 'options:get', { instanceId });
    expect(options.clients.map((row) => [row.id, row.toplevelId])).toEqual([
      [11, 1],
      [12, null],
    ]);
  });

  it('cleans Halo client names (invisible, control, too long) before caching them, and counts them', async () => {
    const long = 'L'.repeat(300);
    fake = await startFakeHalo({
      clients: [
        client(11, 'Acme Ltd'),
        client(12, 'Glo\u200Bbex\u202E'),
        client(13, 'Init\u0007ech\r\nNorth'),
        client(14, long),
      ],
    });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    const result = await call(backend, 'options:refresh', { instanceId });
    expect(result.cleanedNames).toBe(3);
    const names = (await call(backend, 'options:get', { instanceId })).clients.map((row) => [
      row.id,
      row.name,
    ]);
    expect(Object.fromEntries(names)).toEqual({
      11: 'Acme Ltd',
      12: 'Globex',
      13: 'Initech North',
      14: `${'L'.repeat(254)}…`,
    });
    // The same names from Halo next time are not "renamed": the cache holds the cleaned form.
    const again = await call(backend, 'options:refresh', { instanceId });
    expect(again.clients).toMatchObject({ renamed: 0, unchanged: 4 });
    expect(again.cleanedNames).toBe(3);
  });

  it('reconciles by id: renamed, went inactive and gone mark mapped rows Stale and keep the snapshot', async () => {
    fake = await startFakeHalo({
      clients: [
        client(11, 'Acme Ltd'),
        client(12, 'Globex'),
        client(13, 'Initech'),
        client(14, 'Hooli'),
        client(15, 'Umbrella'),
      ],
    });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    await call(backend, 'options:refresh', { instanceId });
    const orgs = [];
    for (const name of ['Acme', 'Globex Org', 'Initech Org', 'Hooli Org']) {
      orgs.push(await call(backend, 'organizations:upsert', { name }));
    }
    const [acme, globex, initech, hooli] = orgs.map((org) => org.id) as [string, string, string, string];
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: acme, action: 'set', clientId: 11 },
        { organizationId: globex, action: 'set', clientId: 12 },
        { organizationId: initech, action: 'set', clientId: 13 },
        { organizationId: hooli, action: 'set', clientId: 14 },
      ],
    });
    await call(backend, 'mappings:save', { instanceId });

    fake.setClients([
      client(11, 'Acme Holdings Ltd'),
      client(12, 'Globex', { inactive: true }),
      client(14, 'Hooli'),
      client(15, 'Umbrella'),
      client(16, 'Newco'),
    ]);
    const result = await call(backend, 'options:refresh', { instanceId });
    expect(result.clients).toEqual({
      total: 5,
      new: 1,
      renamed: 1,
      wentInactive: 1,
      reactivated: 0,
      gone: 1,
      unchanged: 2,
    });
    expect(result.staleMappings).toBe(3);

    const view = await call(backend, 'mappings:get', { instanceId });
    const row = (id: string) => view.rows.find((r) => r.organization.id === id);
    expect(row(acme)).toMatchObject({
      status: 'stale',
      staleReason: 'renamed',
      saved: { clientId: 11, clientName: 'Acme Ltd' },
    });
    expect(row(globex)).toMatchObject({ status: 'stale', staleReason: 'inactive' });
    expect(row(initech)).toMatchObject({
      status: 'stale',
      staleReason: 'gone',
      client: null,
      draft: { state: 'mapped', clientId: 13, clientName: 'Initech' },
    });
    expect(row(initech)?.problem).toMatch(/no longer has client 13/);
    expect(row(hooli)?.status).toBe('mapped');
    expect(view.summary.counts).toMatchObject({ stale: 3, mapped: 1 });
    expect(view.summary.saved.count).toBe(4);

    // Accepting the rename takes the new name as the snapshot; after saving the row is Mapped again.
    const accepted = await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: acme, action: 'accept' }],
    });
    expect(accepted.rows[0]).toMatchObject({ status: 'changed', draft: { clientName: 'Acme Holdings Ltd' } });
    await call(backend, 'mappings:save', { instanceId });
    const after = await call(backend, 'mappings:get', { instanceId });
    expect(after.rows.find((r) => r.organization.id === acme)?.status).toBe('mapped');
    expect(after.rows.find((r) => r.organization.id === initech)?.status).toBe('stale');
  });

  it('a refresh that fails midway leaves the previous cache whole', async () => {
    fake = await startFakeHalo({ clients: 350, latencyMs: 5 });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    const first = await call(backend, 'options:refresh', { instanceId });
    const before = await call(backend, 'options:get', { instanceId });
    fake.setClients(fake.clients().map((row) => ({ ...row, name: `${row.name} (renamed)` })));
    const unsubscribe = backend.subscribe((event) => {
      if (event.type === 'options:progress' && event.phase === 'clients' && event.page === 2) {
        fake?.injectFault('/api/client', { kind: 'status', status: 500 });
      }
    });
    const error = await callFails(backend, 'options:refresh', { instanceId });
    unsubscribe();
    expect(detailsOf(error, 'halo').halo.code).toBe('server-error');
    const after = await call(backend, 'options:get', { instanceId });
    expect(after).toEqual(before);
    expect(after.cache?.generation).toBe(first.cache.generation);
    expect(after.clients.some((row) => row.name.endsWith('(renamed)'))).toBe(false);
  });

  it('a cancelled refresh stops, says so, and leaves the previous cache whole', async () => {
    fake = await startFakeHalo({ clients: 500, latencyMs: 20 });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    await call(backend, 'options:refresh', { instanceId });
    const before = await call(backend, 'options:get', { instanceId });
    let cancelled: Promise<unknown> | null = null;
    const unsubscribe = backend.subscribe((event) => {
      if (event.type === 'options:progress' && event.phase === 'clients' && event.page === 1 && !cancelled) {
        cancelled = backend.invoke('options:cancel', { instanceId });
      }
    });
    fake.setClients(before.clients.map((row) => client(row.id, `${row.name} v2`)));
    const refreshing = backend.invoke('options:refresh', { instanceId });
    const error = await refreshing;
    unsubscribe();
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    if (error.ok) throw new Error('expected the refresh to be cancelled');
    expect(detailsOf(error.error, 'cancelled').operation).toBe('refresh');
    expect(error.error.message).toMatch(/cancelled/);
    expect(await call(backend, 'options:get', { instanceId })).toEqual(before);
    expect(await call(backend, 'options:cancel', { instanceId })).toEqual({ cancelled: false });
  });

  it('counts down a rate-limit wait in progress events', async () => {
    fake = await startFakeHalo({
      clients: 250,
      rateLimit: { limit: 4, windowMs: 2000, sendRetryAfter: true },
    });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    const events: BackendEvent[] = [];
    backend.subscribe((event) => events.push(event));
    const result = await call(backend, 'options:refresh', { instanceId });
    expect(result.clients.total).toBe(250);
    const waits = progressEvents(events).filter((event) => event.waitingSeconds !== null);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits.map((event) => event.waitingSeconds ?? 0))).toBeGreaterThanOrEqual(1);
    expect(fake.stats.rateLimited).toBeGreaterThan(0);
  });

  it('says in its progress that a Retry-After longer than the cap was capped (Halo asked 300 s, we wait 120 s)', async () => {
    // A 300 s window: once the limit is used up, the fake's Retry-After is the window's remaining ~300 s.
    fake = await startFakeHalo({
      clients: 250,
      rateLimit: { limit: 4, windowMs: 300_000, sendRetryAfter: true },
    });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    let firstCapped: OptionsProgressEvent | null = null;
    let cancelled: Promise<unknown> | null = null;
    const unsubscribe = backend.subscribe((event) => {
      if (event.type !== 'options:progress' || event.cappedWait === undefined || firstCapped) return;
      firstCapped = event;
      // No test waits two minutes: the first capped wait is announced before it starts, so cancel it.
      cancelled = backend.invoke('options:cancel', { instanceId });
    });
    const refreshed = await backend.invoke('options:refresh', { instanceId });
    unsubscribe();
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(refreshed.ok).toBe(false);
    expect(fake.stats.rateLimited).toBeGreaterThan(0);
    const announced = firstCapped as OptionsProgressEvent | null;
    expect(announced?.cappedWait?.requestedSeconds).toBeGreaterThan(120);
    expect(announced?.cappedWait?.requestedSeconds).toBeLessThanOrEqual(300);
    expect(announced?.cappedWait?.waitSeconds).toBe(120);
    expect(announced?.waitingSeconds).toBe(120);
  });

  it('re-reads the linked organization file in the same refresh; a broken file fails it and changes nothing', async () => {
    fake = await startFakeHalo({ clients: 20 });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    const file = path.join(temp.dir, `linked-${run}.csv`);
    writeFileSync(file, 'name\nFirst Org\n');
    dialogAnswer = file;
    await call(backend, 'organizations:linkSource', { action: 'choose' });
    writeFileSync(file, 'name\nFirst Org\nSecond Org\n');
    const result = await call(backend, 'options:refresh', { instanceId });
    expect(result.organizations).toMatchObject({ added: 1, unchanged: 1, headerDetected: true });
    const listed = await call(backend, 'organizations:list', {});
    expect(listed.organizations.map((o) => o.name)).toEqual(['First Org', 'Second Org']);
    expect(listed.source?.lastReadAt).not.toBeNull();

    writeFileSync(file, 'name\nThird Org\n"broken\n');
    const before = await call(backend, 'options:get', { instanceId });
    fake.resetStats();
    const error = await callFails(backend, 'options:refresh', { instanceId });
    expect(detailsOf(error, 'invalid-file').problems).toEqual([
      { line: 3, reason: expect.stringMatching(/never closed/) },
    ]);
    expect(fake.stats.apiRequests).toBe(0);
    expect(await call(backend, 'options:get', { instanceId })).toEqual(before);
    expect((await call(backend, 'organizations:list', {})).organizations).toHaveLength(2);
  });

  it('refuses a second refresh of the same instance while one runs', async () => {
    fake = await startFakeHalo({ clients: 300, latencyMs: 20 });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    const first = backend.invoke('options:refresh', { instanceId });
    const second = await backend.invoke('options:refresh', { instanceId });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.code).toBe('conflict');
    expect((await call(backend, 'options:get', { instanceId })).refreshing).toBe(true);
    expect((await first).ok).toBe(true);
  });
});

describe('offline', () => {
  it('with Halo unreachable, the screen works from the cache, reports its age, and refresh fails clearly', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    backend.close();
    backend = openBackend({ dataDir: path.join(temp.dir, `data-${run}`), now: () => now });
    fake = await startFakeHalo({ clients: [client(21, 'Acme Ltd'), client(22, 'Globex')] });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    await call(backend, 'options:refresh', { instanceId });
    const acme = await call(backend, 'organizations:upsert', { name: 'Acme' });
    const globex = await call(backend, 'organizations:upsert', { name: 'Globex' });
    await fake.stop();
    fake = null;
    now = new Date('2026-03-01T12:30:00Z');

    const view = await call(backend, 'mappings:get', { instanceId });
    expect(view.summary.options).toMatchObject({
      clientCount: 2,
      ageSeconds: 9000,
      fetchedAt: '2026-03-01T10:00:00.000Z',
    });
    const edited = await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: acme.id, action: 'set', clientId: 21 },
        { organizationId: globex.id, action: 'exclude' },
      ],
    });
    expect(edited.rows.map((row) => row.status)).toEqual(['changed', 'changed']);
    expect(edited.rows[0]?.draft).toMatchObject({ clientName: 'Acme Ltd' });
    const saved = await call(backend, 'mappings:save', { instanceId });
    expect(saved).toMatchObject({ added: 2, generation: 1 });
    const suggested = await call(backend, 'mappings:suggest', { instanceId });
    expect(suggested.counts.considered).toBe(0);

    const error = await callFails(backend, 'options:refresh', { instanceId });
    expect(detailsOf(error, 'halo').halo.code).toBe('refused');
    expect((await call(backend, 'options:get', { instanceId })).cache?.clientCount).toBe(2);
  });
});
