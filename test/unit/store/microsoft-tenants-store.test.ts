import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store';
import { openDatabase } from '../../../electron/store/database';
import { migrations } from '../../../electron/store/migrations';
import { makeTempDir } from '../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const GUID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('migration 6: Microsoft tenants', () => {
  it('an organization kept from version 5 gains no tenant and no domains', () => {
    const old = new Database(`${temp.dir}/halo-setup.db`);
    for (const step of migrations.slice(0, 5)) step.up(old);
    old.prepare("INSERT INTO organizations VALUES ('o1', 'Acme', 'acme.com', NULL, 't', 't')").run();
    old.pragma('user_version = 5');
    old.close();
    const db = openDatabase(temp.dir);
    expect(db.prepare('SELECT microsoft_tenant_id, domains_json FROM organizations').get()).toEqual({
      microsoft_tenant_id: null,
      domains_json: '[]',
    });
    const strict = db
      .prepare("SELECT strict FROM pragma_table_list WHERE name = 'halo_client_tenants'")
      .get();
    expect(strict).toEqual({ strict: 1 });
    db.close();
  });
});

describe('halo options cache: tenants per client', () => {
  it('stores tenants with their clients, replaces them on the next refresh, and drops them with the client', () => {
    const store = openStore(temp.dir);
    try {
      const now = new Date().toISOString();
      const instanceId = 'i1';
      store.instances.insert(instanceId, 'Prod', now);
      const client = (
        id: number,
        tenants: { tenantId: string; name: string | null; domain: string | null }[],
      ) => ({
        id,
        name: `Client ${id}`,
        toplevelId: null,
        toplevelName: null,
        inactive: false,
        mainSiteName: null,
        website: null,
        ref: null,
        accountsId: null,
        tenants,
      });
      const tenant = { tenantId: GUID, name: 'Acme', domain: 'acme.onmicrosoft.com' };
      store.transaction(() =>
        store.haloOptions.replace(instanceId, [client(1, [tenant]), client(2, [])], [], now),
      );
      expect(store.haloOptions.clients(instanceId).map((c) => c.tenants)).toEqual([[tenant], []]);
      // Next refresh: the tenant moved to client 2, client 1 is gone.
      store.transaction(() => store.haloOptions.replace(instanceId, [client(2, [tenant])], [], now));
      expect(store.haloOptions.clients(instanceId).map((c) => [c.id, c.tenants])).toEqual([[2, [tenant]]]);
      // A tenant id that is no GUID-length text never enters the table.
      expect(() =>
        store.transaction(() =>
          store.haloOptions.replace(
            instanceId,
            [client(3, [{ tenantId: 'x', name: null, domain: null }])],
            [],
            now,
          ),
        ),
      ).toThrow();
      expect(store.haloOptions.clients(instanceId).map((c) => c.id)).toEqual([2]);
      // Deleting the instance takes its tenants with it.
      store.instances.delete(instanceId);
      expect(store.db.prepare('SELECT count(*) AS n FROM halo_client_tenants').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });
});
