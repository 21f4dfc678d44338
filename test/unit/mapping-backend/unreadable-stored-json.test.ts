import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { DATABASE_FILE_NAME } from '../../../electron/store';
import { type FakeHalo, fakeClientRow, startFakeHalo } from '../../fake-halo';
import { makeTempDir } from '../../support/temp-dir';
import { LOCAL_FAKE_HALO, testBackend } from '../../support/test-backend';
import { call, callFails, configuredInstance } from './helpers';

/**
 * Every JSON column is parsed with its schema on read. A value another version, a bug or a hand edit
 * left in another shape is reported in the log and read as none; the user is told where it matters.
 */
const temp = makeTempDir();
let fake: FakeHalo;
let backend: Backend;
let dataDir: string;
let warnings: string[];
let run = 0;

beforeAll(async () => {
  fake = await startFakeHalo({
    clients: [fakeClientRow(31, 'Acme Ltd'), fakeClientRow(33, 'Initech')],
  });
});
afterEach(() => backend.close());
afterAll(async () => {
  await fake.stop();
  temp.cleanup();
});

function openBackend(): Backend {
  run += 1;
  dataDir = path.join(temp.dir, `data-${run}`);
  warnings = [];
  backend = testBackend(dataDir, {
    haloClientOptions: LOCAL_FAKE_HALO,
    logger: { info() {}, warn: (line) => warnings.push(line), error() {} },
  });
  return backend;
}

/** Writes to the backend's database file from a second connection, as another program (or version) would. */
function damage(sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    expect(db.prepare(sql).run(...params).changes).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

async function setUp() {
  openBackend();
  const instanceId = await configuredInstance(backend, fake, `Prod ${run}`);
  await call(backend, 'options:refresh', { instanceId });
  const acme = (await call(backend, 'organizations:upsert', { name: 'Acme', domain: 'acme.example' })).id;
  const initech = (await call(backend, 'organizations:upsert', { name: 'Initech', domain: null })).id;
  return { instanceId, acme, initech };
}

describe('stored JSON that does not match its schema', () => {
  it('an unreadable undo step is stepped over with a clear error; the steps before it still undo', async () => {
    const { instanceId, acme, initech } = await setUp();
    const edit = (organizationId: string, label: string) =>
      call(backend, 'mappings:edit', { instanceId, label, edits: [{ organizationId, action: 'exclude' }] });
    await edit(acme, 'Exclude Acme');
    await edit(initech, 'Exclude Initech');
    damage("UPDATE mapping_history SET changes_json = '[{\"o\":1}]' WHERE label = 'Exclude Initech'");

    const error = await callFails(backend, 'mappings:undo', { instanceId });
    expect(error.code).toBe('database');
    expect(error.message).toContain('“Exclude Initech” was stored in a form this version cannot read');
    expect(error.message).toContain('Undo again');
    expect(warnings.join('\n')).toMatch(/Undo step 2 \("Exclude Initech"\) .* does not match its schema/);

    const rows = (await call(backend, 'mappings:get', { instanceId })).rows;
    const draftState = (list: typeof rows, id: string) =>
      list.find((row) => row.organization.id === id)?.draft.state;
    expect(draftState(rows, initech)).toBe('excluded'); // the skipped step changed nothing
    expect(draftState(rows, acme)).toBe('excluded');
    const undone = await call(backend, 'mappings:undo', { instanceId });
    expect(draftState(undone.rows, acme)).toBe('unmapped');
    expect(undone.summary.undoLabel).toBeNull();
  });

  it('an unreadable suggestion, validation, domain list, top-level list or guide check reads as none and is reported', async () => {
    const { instanceId, acme, initech } = await setUp();
    await call(backend, 'config:validate', { instanceId });
    await call(backend, 'wizard:check', { instanceId });
    expect((await call(backend, 'wizard:get', { instanceId })).checks.length).toBeGreaterThan(0);
    await call(backend, 'mappings:suggest', { instanceId });
    const suggested = (await call(backend, 'mappings:get', { instanceId })).rows;
    expect(suggested.filter((row) => row.suggestion !== null)).toHaveLength(2);
    damage('UPDATE organizations SET domains_json = ? WHERE id = ?', '["acme.example"]', acme);
    const readable = (await call(backend, 'mappings:get', { instanceId })).rows;
    expect(readable.find((row) => row.organization.id === acme)?.organization.domains).toEqual([
      'acme.example',
    ]);
    expect((await call(backend, 'options:get', { instanceId })).topLevels.length).toBeGreaterThan(0);

    damage(
      'UPDATE mapping_suggestions SET suggestion_json = ? WHERE organization_id = ?',
      '{"clientId":"31"}',
      acme,
    );
    damage("UPDATE validation_results SET result_json = 'not json' WHERE instance_id = ?", instanceId);
    // The column's CHECK keeps it a JSON array; an array of numbers still is not a list of domains.
    damage("UPDATE organizations SET domains_json = '[1]' WHERE id = ?", acme);
    damage("UPDATE halo_options SET top_levels_json = '5' WHERE instance_id = ?", instanceId);
    damage('UPDATE wizard_checks SET checks_json = ? WHERE instance_id = ?', '[{"id":1}]', instanceId);

    const rows = (await call(backend, 'mappings:get', { instanceId })).rows;
    expect(rows.find((row) => row.organization.id === acme)?.suggestion).toBeNull();
    expect(rows.find((row) => row.organization.id === initech)?.suggestion?.clientId).toBe(33);
    expect(rows.find((row) => row.organization.id === acme)?.organization.domains).toEqual([]);

    const [instance] = (await call(backend, 'instances:list', {})).instances;
    expect(instance?.lastValidation?.summary).toBe(
      'The last validation was stored in a form this version cannot read. Validate again to see it.',
    );
    const options = await call(backend, 'options:get', { instanceId });
    expect(options.topLevels).toEqual([]);
    expect((await call(backend, 'wizard:get', { instanceId })).checks).toEqual([]);

    const log = warnings.join('\n');
    expect(log).toContain(
      `The suggestion stored for organization ${acme} (instance ${instanceId}) does not match`,
    );
    expect(log).toContain(`The last validation of instance ${instanceId} is not JSON`);
    expect(log).toContain(`The domains of organization ${acme} does not match its schema`);
    expect(log).toContain(`The cached top levels of instance ${instanceId} does not match its schema`);
    expect(log).toContain(`The setup guide's checks of instance ${instanceId} does not match its schema`);
    // A new validation replaces the unreadable one.
    await call(backend, 'config:validate', { instanceId });
    const [again] = (await call(backend, 'instances:list', {})).instances;
    expect(again?.lastValidation?.summary).not.toContain('cannot read');
  });
});
