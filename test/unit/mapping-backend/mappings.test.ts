import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { SuggestRunner } from '../../../electron/backend/suggest-runner';
import { MappingAbortedError } from '../../../electron/mapping';
import type { MappingRow } from '../../../shared/mapping-contract';
import { type FakeHalo, fakeClientRow, startFakeHalo } from '../../fake-halo';
import { makeTempDir } from '../../support/temp-dir';
import { call, callFails, configuredInstance, detailsOf, openBackend } from './helpers';

const temp = makeTempDir();
let fake: FakeHalo;
let backend: Backend;
let dataDir: string;
let run = 0;

const client = fakeClientRow;

beforeAll(async () => {
  fake = await startFakeHalo({
    clients: [
      client(31, 'Acme Ltd'),
      client(32, 'Globex Corporation'),
      client(33, 'Initech'),
      client(34, 'Hooli'),
      client(35, 'Umbrella Corp'),
      client(36, 'Wayne Enterprises'),
      // Like Halo, the fake serves the website only on GET /api/Client/37, never in list rows: the
      // refresh cannot see it, so the Skynet organization's domain finds no client.
      client(37, 'Cyberdyne Systems', { website: 'https://www.cyberdyne.example' }),
    ],
  });
});
beforeEach(() => {
  run += 1;
  dataDir = path.join(temp.dir, `data-${run}`);
  backend = openBackend({ dataDir });
});
afterEach(() => backend.close());
afterAll(async () => {
  await fake.stop();
  temp.cleanup();
});

interface Setup {
  instanceId: string;
  org: Record<string, string>;
}

/** An instance with refreshed options and our organizations. */
async function setUp(
  names = [
    'Acme',
    'Globex Corp',
    'Initech',
    'Umbrella Corp',
    'Stark Industries',
    'Wayne Enterprises',
    'Skynet',
  ],
): Promise<Setup> {
  const instanceId = await configuredInstance(backend, fake, `Prod ${run}`);
  await call(backend, 'options:refresh', { instanceId });
  const org: Record<string, string> = {};
  for (const name of names) {
    const domain = name === 'Skynet' ? 'cyberdyne.example' : null;
    org[name] = (await call(backend, 'organizations:upsert', { name, domain })).id;
  }
  return { instanceId, org };
}

function byName(rows: readonly MappingRow[], name: string): MappingRow {
  const row = rows.find((r) => r.organization.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

async function rows(instanceId: string): Promise<MappingRow[]> {
  return (await call(backend, 'mappings:get', { instanceId })).rows;
}

describe('mappings: statuses, suggest, accept, reject', () => {
  it('Suggest fills only empty, non-excluded rows, reports counts, and is one undo step', async () => {
    const { instanceId, org } = await setUp();
    const id = (name: string) => org[name] as string;
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: id('Wayne Enterprises'), action: 'set', clientId: 36 }],
    });
    await call(backend, 'mappings:save', { instanceId });
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: id('Initech'), action: 'set', clientId: 34 }, // a hand-made choice
        { organizationId: id('Umbrella Corp'), action: 'exclude' },
      ],
    });
    const result = await call(backend, 'mappings:suggest', { instanceId });
    expect(result.counts).toMatchObject({ considered: 4, skipped: 3, suggested: 2, domain: 0, none: 2 });
    expect(result.counts.exact + result.counts.normalised + result.counts.fuzzy).toBe(2);
    const all = await rows(instanceId);
    expect(byName(all, 'Acme')).toMatchObject({
      status: 'suggested',
      suggestion: { clientId: 31, clientName: 'Acme Ltd' },
    });
    expect(byName(all, 'Globex Corp').suggestion?.clientId).toBe(32);
    expect(byName(all, 'Skynet')).toMatchObject({ status: 'unmapped', suggestion: { clientId: null } });
    expect(byName(all, 'Stark Industries')).toMatchObject({
      status: 'unmapped',
      suggestion: { clientId: null },
    });
    expect(byName(all, 'Initech')).toMatchObject({
      status: 'changed',
      draft: { clientId: 34 },
      suggestion: null,
    });
    expect(byName(all, 'Umbrella Corp')).toMatchObject({
      status: 'changed',
      draft: { state: 'excluded' },
      suggestion: null,
    });
    expect(byName(all, 'Wayne Enterprises')).toMatchObject({ status: 'mapped', suggestion: null });

    const summary = (await call(backend, 'mappings:get', { instanceId })).summary;
    expect(summary.counts).toEqual({
      unmapped: 2,
      suggested: 2,
      mapped: 1,
      conflict: 0,
      stale: 0,
      excluded: 0,
      changed: 2,
    });
    expect(summary.undoLabel).toMatch(/^Suggest values \(2 suggestions\)/);

    const undone = await call(backend, 'mappings:undo', { instanceId });
    expect(undone.summary.counts.suggested).toBe(0);
    expect(undone.rows).toHaveLength(4);
    expect(undone.summary.undoLabel).toBe('Edit 2 rows');
    expect(undone.summary.redoLabel).toMatch(/^Suggest values/);
    const redone = await call(backend, 'mappings:redo', { instanceId });
    expect(redone.summary.counts.suggested).toBe(2);
    expect(redone.summary.canRedo).toBe(false);
  });

  it('a bulk accept is one undo step; a rejected pair is never suggested again', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp', 'Skynet', 'Stark Industries']);
    await call(backend, 'mappings:suggest', { instanceId });
    const suggested = (await rows(instanceId)).filter((row) => row.status === 'suggested');
    expect(suggested).toHaveLength(2);
    const accepted = await call(backend, 'mappings:edit', {
      instanceId,
      label: 'Accept 2 suggestions',
      edits: suggested.map((row) => ({ organizationId: row.organization.id, action: 'accept' as const })),
    });
    expect(accepted.rows.every((row) => row.status === 'changed' && row.draft.state === 'mapped')).toBe(true);
    expect(byName(accepted.rows, 'Acme').draft).toMatchObject({
      clientId: 31,
      clientName: 'Acme Ltd',
      signal: expect.any(String),
    });
    expect(accepted.summary).toMatchObject({
      changeCount: 2,
      unsavedChanges: true,
      undoLabel: 'Accept 2 suggestions',
    });
    const undone = await call(backend, 'mappings:undo', { instanceId });
    expect(undone.summary.counts).toMatchObject({ suggested: 2, changed: 0 });
    expect(undone.summary.unsavedChanges).toBe(false);
    await call(backend, 'mappings:redo', { instanceId });
    await call(backend, 'mappings:undo', { instanceId });

    // Reject Acme -> Acme Ltd; a new Suggest run must not offer that pair again.
    const acme = org.Acme as string;
    const rejected = await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: acme, action: 'reject' }],
    });
    expect(rejected.rows[0]).toMatchObject({ status: 'unmapped', suggestion: null });
    await call(backend, 'mappings:suggest', { instanceId });
    expect(byName(await rows(instanceId), 'Acme').suggestion?.clientId ?? null).not.toBe(31);
    // Undoing the reject and its later Suggest brings the suggestion back.
    await call(backend, 'mappings:undo', { instanceId });
    await call(backend, 'mappings:undo', { instanceId });
    expect(byName(await rows(instanceId), 'Acme').suggestion?.clientId).toBe(31);
  });

  it('several organizations may share one client; one organization has one client per instance', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Acme Europe']);
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: org.Acme as string, action: 'set', clientId: 31 },
        { organizationId: org['Acme Europe'] as string, action: 'set', clientId: 31 },
        { organizationId: org.Acme as string, action: 'set', clientId: 32 },
      ],
    });
    await call(backend, 'mappings:save', { instanceId });
    const all = await rows(instanceId);
    expect(byName(all, 'Acme').saved).toMatchObject({ clientId: 32 });
    expect(byName(all, 'Acme Europe').saved).toMatchObject({ clientId: 31 });
    expect(all.every((row) => row.status === 'mapped')).toBe(true);
  });
});

describe('mappings: draft, diff, save, discard', () => {
  it('diff shows added, changed and removed; save applies it in one transaction; the draft empties', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp', 'Initech', 'Hooli Org']);
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: org.Acme as string, action: 'set', clientId: 31 },
        { organizationId: org['Globex Corp'] as string, action: 'set', clientId: 32 },
        { organizationId: org.Initech as string, action: 'set', clientId: 33 },
      ],
    });
    expect(await call(backend, 'mappings:diff', { instanceId })).toMatchObject({ conflicts: 0 });
    const first = await call(backend, 'mappings:save', { instanceId });
    expect(first).toMatchObject({ generation: 1, added: 3, changed: 0, removed: 0 });
    expect(first.summary).toMatchObject({
      unsavedChanges: false,
      changeCount: 0,
      saved: { generation: 1, count: 3 },
    });

    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: org.Acme as string, action: 'set', clientId: 34 },
        { organizationId: org['Globex Corp'] as string, action: 'clear' },
        { organizationId: org['Hooli Org'] as string, action: 'exclude' },
        { organizationId: org.Initech as string, action: 'set', clientId: 33 }, // same as saved: no change
      ],
    });
    const diff = await call(backend, 'mappings:diff', { instanceId });
    expect(diff.added.map((e) => [e.organizationName, e.after.state])).toEqual([['Hooli Org', 'excluded']]);
    expect(diff.changed.map((e) => [e.organizationName, e.before, e.after])).toEqual([
      [
        'Acme',
        expect.objectContaining({ clientId: 31, clientName: 'Acme Ltd' }),
        expect.objectContaining({ clientId: 34, clientName: 'Hooli', signal: 'manual' }),
      ],
    ]);
    expect(diff.removed.map((e) => e.organizationName)).toEqual(['Globex Corp']);
    const saved = await call(backend, 'mappings:save', { instanceId });
    expect(saved).toMatchObject({ generation: 2, added: 1, changed: 1, removed: 1 });
    expect(saved.summary.saved.count).toBe(3);
    const all = await rows(instanceId);
    expect(all.map((row) => [row.organization.name, row.status])).toEqual([
      ['Acme', 'mapped'],
      ['Globex Corp', 'unmapped'],
      ['Hooli Org', 'excluded'],
      ['Initech', 'mapped'],
    ]);
    expect(await call(backend, 'mappings:diff', { instanceId })).toEqual({
      added: [],
      changed: [],
      removed: [],
      conflicts: 0,
    });
  });

  it('a draft mapping to a client Halo does not have is a Conflict, and Save refuses until it is resolved', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp']);
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: org.Acme as string, action: 'set', clientId: 999, clientName: 'Ghost Ltd' },
        { organizationId: org['Globex Corp'] as string, action: 'set', clientId: 32 },
      ],
    });
    const acme = byName(await rows(instanceId), 'Acme');
    expect(acme).toMatchObject({ status: 'conflict', changed: true, client: null });
    expect(acme.problem).toMatch(/no client 999/);
    expect((await call(backend, 'mappings:diff', { instanceId })).conflicts).toBe(1);
    const refused = await callFails(backend, 'mappings:save', { instanceId });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/Nothing was saved/);
    expect((await call(backend, 'mappings:get', { instanceId })).summary.saved).toMatchObject({
      generation: 0,
      count: 0,
    });
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: org.Acme as string, action: 'revert' }],
    });
    expect(await call(backend, 'mappings:save', { instanceId })).toMatchObject({ added: 1, generation: 1 });
  });

  it('discard puts the draft back to saved and is itself undoable', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp']);
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: org.Acme as string, action: 'set', clientId: 31 }],
    });
    await call(backend, 'mappings:save', { instanceId });
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: org.Acme as string, action: 'clear' },
        { organizationId: org['Globex Corp'] as string, action: 'exclude' },
      ],
    });
    const discarded = await call(backend, 'mappings:discard', { instanceId });
    expect(discarded.summary).toMatchObject({ unsavedChanges: false, undoLabel: 'Discard 2 changes' });
    expect(byName(discarded.rows, 'Acme').status).toBe('mapped');
    const undone = await call(backend, 'mappings:undo', { instanceId });
    expect(undone.summary.changeCount).toBe(2);
    expect(byName(undone.rows, 'Globex Corp').draft).toEqual({ state: 'excluded' });
  });

  it('the draft and its undo history survive a restart (a new backend on the same dataDir)', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp']);
    await call(backend, 'mappings:suggest', { instanceId });
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: org.Acme as string, action: 'accept' }],
    });
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: org['Globex Corp'] as string, action: 'exclude' }],
    });
    backend.close();
    backend = openBackend({ dataDir });
    const after = await call(backend, 'mappings:get', { instanceId });
    expect(after.summary).toMatchObject({
      unsavedChanges: true,
      changeCount: 2,
      canUndo: true,
      undoLabel: 'Exclude 1 row',
    });
    expect(byName(after.rows, 'Acme')).toMatchObject({ status: 'changed', draft: { clientId: 31 } });
    expect(after.summary.options?.clientCount).toBe(7);
    const undone = await call(backend, 'mappings:undo', { instanceId });
    expect(byName(undone.rows, 'Globex Corp').status).toBe('suggested');
    expect(await call(backend, 'mappings:save', { instanceId })).toMatchObject({ added: 1 });
    backend.close();
    backend = openBackend({ dataDir });
    expect(byName(await rows(instanceId), 'Acme')).toMatchObject({
      status: 'mapped',
      saved: { clientId: 31 },
    });
  });

  it('an edit naming an unknown organization changes nothing', async () => {
    const { instanceId, org } = await setUp(['Acme']);
    const error = await callFails(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: org.Acme as string, action: 'set', clientId: 31 },
        { organizationId: 'no-such-org', action: 'exclude' },
      ],
    });
    expect(error.code).toBe('not-found');
    expect((await call(backend, 'mappings:get', { instanceId })).summary).toMatchObject({
      unsavedChanges: false,
      canUndo: false,
    });
  });
});

describe('mappings: export and import, across instances', () => {
  it('exports saved mappings as CSV and JSON and imports them into another instance as one undo step', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp', 'Umbrella "Quoted", Org']);
    await call(backend, 'mappings:suggest', { instanceId });
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: org.Acme as string, action: 'accept' },
        { organizationId: org['Globex Corp'] as string, action: 'set', clientId: 32 },
        { organizationId: org['Umbrella "Quoted", Org'] as string, action: 'exclude' },
      ],
    });
    await call(backend, 'mappings:save', { instanceId });
    const csv = await call(backend, 'mappings:export', { instanceId, format: 'csv' });
    expect(csv.rows).toBe(3);
    expect(csv.fileName).toMatch(/^mappings-Prod-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.content.split('\r\n')[0]).toBe(
      '\uFEFForganization_id,organization_name,state,halo_client_id,halo_client_name,signal,score',
    );
    const json = await call(backend, 'mappings:export', { instanceId, format: 'json' });
    expect(JSON.parse(json.content)).toMatchObject({
      format: 'halo-setup-mappings',
      mappings: expect.any(Array),
    });

    const savedRows = (await rows(instanceId)).map((row) => [row.organization.name, row.saved]);
    for (const [format, content] of [
      ['csv', csv.content],
      ['json', json.content],
    ] as const) {
      const other = await configuredInstance(backend, fake, `Other ${format} ${run}`);
      await call(backend, 'options:refresh', { instanceId: other });
      const imported = await call(backend, 'mappings:import', { instanceId: other, format, content });
      expect(imported.imported).toBe(3);
      expect(imported.summary).toMatchObject({ changeCount: 3, undoLabel: 'Import 3 mappings' });
      await call(backend, 'mappings:save', { instanceId: other });
      expect((await rows(other)).map((row) => [row.organization.name, row.saved])).toEqual(savedRows);
      const undone = await call(backend, 'mappings:undo', { instanceId: other });
      expect(undone.summary.changeCount).toBe(3); // undo after save: the draft goes back, pending a save
    }
  });

  it('refuses a broken mapping file whole, with lines, and leaves the draft alone', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp']);
    const content =
      'organization_id,organization_name,state,halo_client_id,halo_client_name,signal,score\n' +
      `${org.Acme},Acme,mapped,31,Acme Ltd,exact,1\n` +
      ',Nobody Here,mapped,32,Globex,,\n' +
      `${org['Globex Corp']},Globex Corp,mapped,abc,Globex,,\n` +
      ',Globex Corp,mapped,32,,magic,\n' +
      ',Acme,mapped,32,,,2\n';
    const error = await callFails(backend, 'mappings:import', { instanceId, format: 'csv', content });
    const { problems } = detailsOf(error, 'invalid-file');
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6]);
    expect(problems[0]?.reason).toMatch(/not a positive whole number/);
    expect(problems[1]?.reason).toMatch(/unknown signal "magic"/);
    expect(problems[2]?.reason).toMatch(/score "2"/);
    const unknownOrg = await callFails(backend, 'mappings:import', {
      instanceId,
      format: 'csv',
      content: 'organization_name,halo_client_id\nNobody Here,31\n',
    });
    expect(detailsOf(unknownOrg, 'invalid-file').problems).toEqual([
      { line: 2, reason: 'no organization "Nobody Here" in the directory' },
    ]);
    expect((await call(backend, 'mappings:get', { instanceId })).summary).toMatchObject({
      unsavedChanges: false,
      canUndo: false,
    });
  });

  it('shows "also mapped in" another instance for saved mappings only', async () => {
    const { instanceId, org } = await setUp(['Acme', 'Globex Corp']);
    const second = await configuredInstance(backend, fake, `Second ${run}`);
    await call(backend, 'options:refresh', { instanceId: second });
    await call(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: org.Acme as string, action: 'set', clientId: 31 }],
    });
    await call(backend, 'mappings:edit', {
      instanceId: second,
      edits: [{ organizationId: org['Globex Corp'] as string, action: 'set', clientId: 32 }],
    });
    expect((await rows(second)).every((row) => row.alsoMappedIn.length === 0)).toBe(true);
    await call(backend, 'mappings:save', { instanceId });
    const inSecond = await rows(second);
    expect(byName(inSecond, 'Acme').alsoMappedIn).toEqual([
      { instanceId, instanceName: `Prod ${run}`, clientId: 31, clientName: 'Acme Ltd' },
    ]);
    expect(byName(inSecond, 'Globex Corp').alsoMappedIn).toEqual([]);
    expect(byName(await rows(instanceId), 'Acme').alsoMappedIn).toEqual([]);
  });
});

describe('mappings:suggest off the main thread', () => {
  it('Suggest can be cancelled: nothing changes and the error says so', async () => {
    backend.close();
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slowRunner: SuggestRunner = {
      mode: 'in-process',
      run: (_organizations, _clients, _options, signal) =>
        new Promise((_resolve, reject) => {
          started();
          signal.addEventListener('abort', () => reject(new MappingAbortedError()), { once: true });
        }),
      close: async () => {},
    };
    backend = openBackend({ dataDir, suggestRunner: slowRunner });
    const { instanceId } = await setUp(['Acme']);
    const suggesting = backend.invoke('mappings:suggest', { instanceId });
    await running;
    expect(await call(backend, 'mappings:cancelSuggest', { instanceId })).toEqual({ cancelled: true });
    const result = await suggesting;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(detailsOf(result.error, 'cancelled').operation).toBe('suggest');
    expect((await call(backend, 'mappings:get', { instanceId })).summary).toMatchObject({ canUndo: false });
    expect(await call(backend, 'mappings:cancelSuggest', { instanceId })).toEqual({ cancelled: false });
  });

  it('Suggest without a refresh says to refresh first', async () => {
    const instanceId = await configuredInstance(backend, fake, `Bare ${run}`);
    await call(backend, 'organizations:upsert', { name: 'Acme' });
    const error = await callFails(backend, 'mappings:suggest', { instanceId });
    expect(error.message).toMatch(/Refresh Options first/);
  });
});
