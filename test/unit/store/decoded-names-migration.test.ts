import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { migrations } from '../../../electron/store/migrations';
import { makeTempDir } from '../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** A database at schema 6 holding Halo names as the app cached them before it decoded them. */
function encodedDatabaseAtVersion6(): void {
  const old = new Database(`${temp.dir}/halo-setup.db`);
  for (const step of migrations.slice(0, 6)) step.up(old);
  old.exec(`
    INSERT INTO instances VALUES ('i1', 'Production', 't', 't');
    INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('o1', 'Baker & Co', 't', 't');
    INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('o2', 'Smith Ltd', 't', 't');
    INSERT INTO halo_options VALUES ('i1', 1, 't', 2, '[{"id":3,"name":"Sales &amp; Service"}]');
    INSERT INTO halo_clients VALUES ('i1', 14, 'Baker &amp; Co', 3, 'Sales &amp; Service', 0, NULL, NULL, NULL, NULL, 1);
    INSERT INTO halo_clients VALUES ('i1', 15, 'O&#39;Brien &amp;amp; Sons', NULL, NULL, 0, NULL, NULL, NULL, NULL, 1);
    INSERT INTO mappings_saved VALUES ('i1', 'o1', 'mapped', 14, 'Baker &amp; Co', 'exact', 1, 't');
    INSERT INTO mapping_suggestions VALUES ('i1', 'o1',
      '{"clientId":14,"clientName":"Baker &amp; Co","reason":"exact name ''Baker &amp; Co''","score":1}');
    INSERT INTO mapping_suggestions VALUES ('i1', 'o2', 'not json &amp;');
    INSERT INTO mapping_history VALUES ('i1', 1, 'Accept Baker & Co',
      '[{"o":"o1","d":[{"state":"unmapped"},{"state":"mapped","clientId":14,"clientName":"Baker &amp; Co"}]}]', 't');
  `);
  old.pragma('user_version = 6');
  old.close();
}

describe('migration 7: Halo names cached before the backend decoded them', () => {
  it('decodes every stored copy of a Halo name, in text and JSON columns alike', () => {
    encodedDatabaseAtVersion6();
    const db = openDatabase(temp.dir);
    expect(
      db.prepare('SELECT client_id, name, toplevel_name FROM halo_clients ORDER BY client_id').all(),
    ).toEqual([
      { client_id: 14, name: 'Baker & Co', toplevel_name: 'Sales & Service' },
      { client_id: 15, name: "O'Brien & Sons", toplevel_name: null },
    ]);
    expect(db.prepare('SELECT top_levels_json FROM halo_options').pluck().get()).toBe(
      '[{"id":3,"name":"Sales & Service"}]',
    );
    // The saved snapshot still equals the client's name, so the mapping does not read as renamed.
    expect(db.prepare('SELECT client_name FROM mappings_saved').pluck().get()).toBe('Baker & Co');
    const suggestion = JSON.parse(
      db
        .prepare("SELECT suggestion_json FROM mapping_suggestions WHERE organization_id = 'o1'")
        .pluck()
        .get() as string,
    );
    expect(suggestion).toEqual({
      clientId: 14,
      clientName: 'Baker & Co',
      reason: "exact name 'Baker & Co'",
      score: 1,
    });
    const history = db.prepare('SELECT changes_json FROM mapping_history').pluck().get() as string;
    expect(JSON.parse(history)[0].d[1].clientName).toBe('Baker & Co');
    db.close();
  });

  it('leaves a stored value that is not JSON as it was, for its reader to report, and still opens', () => {
    encodedDatabaseAtVersion6();
    const db = openDatabase(temp.dir);
    expect(
      db
        .prepare("SELECT suggestion_json FROM mapping_suggestions WHERE organization_id = 'o2'")
        .pluck()
        .get(),
    ).toBe('not json &amp;');
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    db.close();
  });
});
