import { z } from 'zod';
import type { HaloClientRecord, HaloClientTenant } from '../../shared/mapping-contract';
import type { SqliteDatabase } from './database';
import { type BadRowReporter, parseStoredJson } from './stored-json';

/** `halo_options.top_levels_json`: Halo's top levels as the last refresh read them. */
const topLevelsSchema = z.array(z.object({ id: z.number().int(), name: z.string() }));

interface RawClient {
  client_id: number;
  name: string;
  toplevel_id: number | null;
  toplevel_name: string | null;
  inactive: number;
  main_site_name: string | null;
  website: string | null;
  ref: string | null;
  accountsid: string | null;
}

interface RawOptions {
  generation: number;
  fetched_at: string;
  client_count: number;
  top_levels_json: string;
}

interface RawTenant {
  client_id: number;
  tenant_id: string;
  tenant_name: string | null;
  tenant_domain: string | null;
}

/** One Microsoft tenant Halo holds for a client (its AreaAzureTenant record). */
/** A cached Halo client is the app's one Halo client record (shared/mapping-contract.ts). */
export type CachedClient = HaloClientRecord;
export type CachedTenant = HaloClientTenant;

export interface CachedOptionsMeta {
  generation: number;
  fetchedAt: string;
  clientCount: number;
  topLevels: { id: number; name: string }[];
}

function toCachedClient(raw: RawClient, tenants: CachedTenant[]): CachedClient {
  return {
    id: raw.client_id,
    name: raw.name,
    toplevelId: raw.toplevel_id,
    toplevelName: raw.toplevel_name,
    inactive: raw.inactive === 1,
    mainSiteName: raw.main_site_name,
    website: raw.website,
    ref: raw.ref,
    accountsId: raw.accountsid,
    tenants,
  };
}

function tenantsByClient(rows: readonly RawTenant[]): Map<number, CachedTenant[]> {
  const byClient = new Map<number, CachedTenant[]>();
  for (const row of rows) {
    const list = byClient.get(row.client_id) ?? [];
    list.push({ tenantId: row.tenant_id, name: row.tenant_name, domain: row.tenant_domain });
    byClient.set(row.client_id, list);
  }
  return byClient;
}

/**
 * `halo_options` + `halo_clients`: the Halo clients of one instance as the last successful refresh read
 * them, with the time of that read. `replace` upserts every client with a new generation and deletes the
 * rows of older generations, so the cache is always one whole read: call it inside one transaction.
 */
export function createHaloOptionsRepository(db: SqliteDatabase, report: BadRowReporter) {
  const metaStatement = db.prepare<[string], RawOptions>('SELECT * FROM halo_options WHERE instance_id = ?');
  const clientsStatement = db.prepare<[string], RawClient>(
    'SELECT * FROM halo_clients WHERE instance_id = ? ORDER BY name COLLATE NOCASE, client_id',
  );
  const upsertClient = db.prepare(`
    INSERT INTO halo_clients (instance_id, client_id, name, toplevel_id, toplevel_name, inactive, main_site_name,
                              website, ref, accountsid, generation)
    VALUES (@instanceId, @id, @name, @toplevelId, @toplevelName, @inactive, @mainSiteName,
            @website, @ref, @accountsId, @generation)
    ON CONFLICT (instance_id, client_id) DO UPDATE SET
      name = excluded.name, toplevel_id = excluded.toplevel_id, toplevel_name = excluded.toplevel_name,
      inactive = excluded.inactive, main_site_name = excluded.main_site_name, website = excluded.website,
      ref = excluded.ref, accountsid = excluded.accountsid, generation = excluded.generation`);
  const deleteOlder = db.prepare('DELETE FROM halo_clients WHERE instance_id = ? AND generation <> ?');
  const tenantsStatement = db.prepare<[string], RawTenant>(
    'SELECT client_id, tenant_id, tenant_name, tenant_domain FROM halo_client_tenants WHERE instance_id = ? ORDER BY client_id, tenant_id',
  );
  const deleteTenants = db.prepare('DELETE FROM halo_client_tenants WHERE instance_id = ?');
  const insertTenant = db.prepare(`
    INSERT INTO halo_client_tenants (instance_id, client_id, tenant_id, tenant_name, tenant_domain)
    VALUES (@instanceId, @clientId, @tenantId, @name, @domain)
    ON CONFLICT DO NOTHING`);
  const upsertMeta = db.prepare(`
    INSERT INTO halo_options (instance_id, generation, fetched_at, client_count, top_levels_json)
    VALUES (@instanceId, @generation, @fetchedAt, @clientCount, @topLevelsJson)
    ON CONFLICT (instance_id) DO UPDATE SET generation = excluded.generation, fetched_at = excluded.fetched_at,
      client_count = excluded.client_count, top_levels_json = excluded.top_levels_json`);

  return {
    meta(instanceId: string): CachedOptionsMeta | null {
      const raw = metaStatement.get(instanceId);
      if (!raw) return null;
      return {
        generation: raw.generation,
        fetchedAt: raw.fetched_at,
        clientCount: raw.client_count,
        topLevels:
          parseStoredJson(
            topLevelsSchema,
            raw.top_levels_json,
            `The cached top levels of instance ${instanceId}`,
            report,
          ) ?? [],
      };
    },
    clients(instanceId: string): CachedClient[] {
      const tenants = tenantsByClient(tenantsStatement.all(instanceId));
      return clientsStatement
        .all(instanceId)
        .map((raw) => toCachedClient(raw, tenants.get(raw.client_id) ?? []));
    },
    /** Replaces the cache of one instance. Must run inside a transaction (the caller's). Returns the generation. */
    replace(
      instanceId: string,
      clients: readonly CachedClient[],
      topLevels: readonly { id: number; name: string }[],
      fetchedAt: string,
    ): number {
      if (!db.inTransaction) throw new Error('halo options must be replaced inside a transaction');
      const generation = (metaStatement.get(instanceId)?.generation ?? 0) + 1;
      deleteTenants.run(instanceId);
      for (const { tenants, ...client } of clients) {
        upsertClient.run({ ...client, instanceId, inactive: client.inactive ? 1 : 0, generation });
        for (const tenant of tenants ?? []) insertTenant.run({ ...tenant, instanceId, clientId: client.id });
      }
      deleteOlder.run(instanceId, generation);
      upsertMeta.run({
        instanceId,
        generation,
        fetchedAt,
        clientCount: clients.length,
        topLevelsJson: JSON.stringify(topLevels),
      });
      return generation;
    },
  };
}

export type HaloOptionsRepository = ReturnType<typeof createHaloOptionsRepository>;
