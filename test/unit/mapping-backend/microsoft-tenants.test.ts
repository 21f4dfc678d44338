import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { MappingRow } from '../../../shared/mapping-contract';
import { type FakeAzureTenant, type FakeHalo, fakeClientRow, startFakeHalo } from '../../fake-halo';
import { makeTempDir } from '../../support/temp-dir';
import { call, callFails, configuredInstance, openBackend } from './helpers';

/**
 * The Microsoft-tenant signal end to end: the backend reads Halo's tenant records over real HTTP from
 * the fake Halo during Refresh Options, caches them in the real SQLite file, imports organizations with a
 * tenant column, and Suggest proposes by tenant, never by a tenant that sits on two clients.
 */

const temp = makeTempDir();
let backend: Backend;
let fake: FakeHalo | null = null;
let run = 0;

const NORTHWIND = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const CONTOSO_GROUP = 'b6a7c1d2-0e4f-4a5b-8c9d-112233445566';
const GAMMA = '0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9';

function tenant(id: number, clientId: number, tenantId: string, domain: string): FakeAzureTenant {
  return {
    id,
    details_id: 1,
    client_id: clientId,
    client_name: '',
    azure_tenant_id: tenantId,
    azure_tenant_name: domain.split('.')[0] ?? '',
    azure_tenant_domain: domain,
    details_name: 'Microsoft CSP',
    licence_import_type: 0,
    relationship_type: 0,
  };
}

const clients = () => [
  fakeClientRow(41, 'Northwind Traders', {
    azure_tenants: [tenant(1, 41, NORTHWIND.toUpperCase(), 'northwind.onmicrosoft.com')],
  }),
  fakeClientRow(42, 'Contoso Group Holdings', {
    azure_tenants: [tenant(2, 42, CONTOSO_GROUP, 'contosogroup.onmicrosoft.com')],
  }),
  fakeClientRow(43, 'Contoso Pharma', {
    azure_tenants: [tenant(3, 43, CONTOSO_GROUP, 'contosogroup.onmicrosoft.com')],
  }),
  fakeClientRow(44, 'Fabrikam Inc', {
    // Halo holds a record whose tenant id is no GUID: counted, the client is still read.
    azure_tenants: [tenant(4, 44, 'not set', '')],
  }),
  fakeClientRow(45, 'Gamma Delta Plc', {
    azure_tenants: [tenant(5, 45, GAMMA, 'gammadelta.onmicrosoft.com')],
  }),
  fakeClientRow(46, 'Tailspin Toys'),
];

beforeEach(() => {
  run += 1;
  backend = openBackend({ dataDir: path.join(temp.dir, `data-${run}`) });
});
afterEach(async () => {
  backend.close();
  await fake?.stop();
  fake = null;
});
afterAll(() => temp.cleanup());

function byName(rows: readonly MappingRow[], name: string): MappingRow {
  const row = rows.find((candidate) => candidate.organization.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

describe('Microsoft tenants: Refresh Options -> organizations -> Suggest', () => {
  it('reads tenants within the client pages, and Suggest proposes by tenant except a shared one', async () => {
    fake = await startFakeHalo({ clients: clients() });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    fake.resetStats();
    const refreshed = await call(backend, 'options:refresh', { instanceId });
    // The same budget as without tenants: one client page (6 rows) and the top levels, no per-client GET.
    expect(fake.stats.byPath['/api/client']).toBe(1);
    expect(Object.keys(fake.stats.byPath).filter((route) => /^\/api\/client\/\d+/.test(route))).toEqual([]);
    expect(refreshed.clients.total).toBe(6);
    expect(refreshed.microsoftTenants).toEqual({ clients: 4, unreadable: 1 });

    const imported = await call(backend, 'organizations:import', {
      format: 'csv',
      content: [
        'Organization,Microsoft Tenant ID,Domains',
        // Nothing alike in the name: only the tenant can find Northwind Traders.
        `NW Trading Company,{${NORTHWIND.toUpperCase()}},`,
        // A tenant on two clients proves neither.
        `Contoso,${CONTOSO_GROUP},`,
        // No tenant, but a domain that Halo's tenant record of Gamma Delta Plc holds.
        'Omega Partners,,gammadelta.onmicrosoft.com; omega.example',
      ].join('\r\n'),
    });
    expect(imported).toMatchObject({ added: 3, headerDetected: true });
    const listed = await call(backend, 'organizations:list', {});
    expect(listed.organizations.find((o) => o.name === 'NW Trading Company')).toMatchObject({
      microsoftTenantId: NORTHWIND,
      domains: [],
    });
    expect(listed.organizations.find((o) => o.name === 'Omega Partners')?.domains).toEqual([
      'gammadelta.onmicrosoft.com',
      'omega.example',
    ]);

    const suggested = await call(backend, 'mappings:suggest', { instanceId });
    expect(suggested.counts.tenant).toBe(1);
    const rows = (await call(backend, 'mappings:get', { instanceId })).rows;
    const northwind = byName(rows, 'NW Trading Company').suggestion;
    expect(northwind).toMatchObject({ clientId: 41, signal: 'tenant' });
    expect(northwind?.reason).toMatch(/same Microsoft tenant/);
    const contoso = byName(rows, 'Contoso').suggestion;
    expect(contoso?.signal).not.toBe('tenant');
    expect(contoso?.reason ?? '').not.toMatch(/Microsoft tenant/);
    expect(byName(rows, 'Omega Partners').suggestion).toMatchObject({ clientId: 45, signal: 'domain' });
  });

  it('a later refresh replaces the cached tenants (a tenant Halo no longer holds is gone)', async () => {
    fake = await startFakeHalo({ clients: clients() });
    const instanceId = await configuredInstance(backend, fake, 'Prod');
    await call(backend, 'options:refresh', { instanceId });
    fake.setClients(clients().map((row) => (row.id === 41 ? { ...row, azure_tenants: [] } : row)));
    const again = await call(backend, 'options:refresh', { instanceId });
    expect(again.microsoftTenants).toEqual({ clients: 3, unreadable: 1 });
    await call(backend, 'organizations:import', {
      format: 'json',
      content: JSON.stringify([{ name: 'NW Trading Company', tenantId: NORTHWIND }]),
    });
    await call(backend, 'mappings:suggest', { instanceId });
    const rows = (await call(backend, 'mappings:get', { instanceId })).rows;
    expect(byName(rows, 'NW Trading Company').suggestion?.signal).not.toBe('tenant');
  });

  it('the organization form sets a tenant id as a GUID, refuses anything else naming the field, and clears it', async () => {
    const added = await call(backend, 'organizations:upsert', {
      name: 'NW Trading Company',
      microsoftTenantId: ` {${NORTHWIND.toUpperCase()}} `,
    });
    expect(added.microsoftTenantId).toBe(NORTHWIND);
    const refused = await callFails(backend, 'organizations:upsert', {
      id: added.id,
      name: 'NW Trading Company',
      microsoftTenantId: 'northwind.onmicrosoft.com',
    });
    expect(refused.code).toBe('invalid-request');
    expect(refused.details).toMatchObject({
      fields: { microsoftTenantId: expect.stringMatching(/is not a Microsoft tenant id/) },
    });
    // An edit that leaves the field out keeps the tenant; an empty one clears it.
    const renamed = await call(backend, 'organizations:upsert', { id: added.id, name: 'NW Trading Co' });
    expect(renamed.microsoftTenantId).toBe(NORTHWIND);
    const cleared = await call(backend, 'organizations:upsert', {
      id: added.id,
      name: 'NW Trading Co',
      microsoftTenantId: '',
    });
    expect(cleared.microsoftTenantId).toBeNull();
  });
});
