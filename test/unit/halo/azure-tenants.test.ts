import { describe, expect, it } from 'vitest';
import { readClientTenants } from '../../../electron/halo/azure-tenants';
import { haloClientRowSchema } from '../../../electron/halo/schemas';

const GUID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** A client row as Halo lists it with includeazuretenants=true, read by the app's own row schema. */
function rowWith(tenants: unknown) {
  return haloClientRowSchema.parse({ id: 7, name: 'Acme Ltd', azure_tenants: tenants });
}

describe('readClientTenants (AreaAzureTenant records on a client row)', () => {
  it('reads tenant id, name and domain; any case and braces read as the bare lower-case GUID', () => {
    const read = readClientTenants(
      rowWith([
        {
          id: 1,
          details_id: 2,
          client_id: 7,
          azure_tenant_id: `{${GUID.toUpperCase()}}`,
          azure_tenant_name: ' Acme ',
          azure_tenant_domain: 'Acme.onmicrosoft.com',
          licence_import_type: 0,
        },
      ]),
    );
    expect(read).toEqual({
      tenants: [{ tenantId: GUID, name: 'Acme', domain: 'acme.onmicrosoft.com' }],
      unreadable: 0,
    });
  });

  it('counts records it cannot use and keeps the rest; a tenant listed twice is one', () => {
    const read = readClientTenants(
      rowWith([
        { azure_tenant_id: 'not a guid' },
        { azure_tenant_name: 'no id at all' },
        'text instead of a record',
        null,
        { azure_tenant_id: GUID, azure_tenant_domain: 42 },
        { azure_tenant_id: GUID.toUpperCase() },
      ]),
    );
    expect(read.unreadable).toBe(4);
    expect(read.tenants).toEqual([{ tenantId: GUID, name: null, domain: null }]);
  });

  it('a row without azure_tenants (asked without includeazuretenants) or with a non-list has none', () => {
    expect(readClientTenants(haloClientRowSchema.parse({ id: 7, name: 'Acme' }))).toEqual({
      tenants: [],
      unreadable: 0,
    });
    // A non-list is tolerated by the row schema (read as null): the client itself still reads.
    const odd = haloClientRowSchema.parse({ id: 7, name: 'Acme', azure_tenants: 'none' });
    expect(readClientTenants(odd)).toEqual({ tenants: [], unreadable: 0 });
  });
});
