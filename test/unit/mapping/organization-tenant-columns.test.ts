import { describe, expect, it } from 'vitest';
import {
  parseOrganizationsCsv,
  parseOrganizationsJson,
} from '../../../electron/file-formats/organization-file';

const GUID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('organization files: Microsoft tenant id and domains columns', () => {
  it.each([
    'Microsoft Tenant ID',
    'Tenant ID',
    'Azure Tenant ID',
    'tenant_id',
    'Entra Tenant ID',
    'AAD Tenant Id',
  ])('the header "%s" is the Microsoft tenant column', (header) => {
    const parsed = parseOrganizationsCsv(`Name,${header}\r\nAcme Ltd,${GUID.toUpperCase()}\r\n`);
    expect(parsed).toMatchObject({ ok: true, headerDetected: true });
    if (!parsed.ok) return;
    expect(parsed.rows[0]).toMatchObject({ name: 'Acme Ltd', microsoftTenantId: GUID, externalId: null });
  });

  it('a tenant id that is not a GUID refuses the file, naming the line and the value', () => {
    const parsed = parseOrganizationsCsv(
      `Organization,Tenant ID\nAcme Ltd,{${GUID}}\nGlobex,contoso.onmicrosoft.com\nInitech,\n`,
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          reason: expect.stringMatching(/^the Microsoft tenant id "contoso\.onmicrosoft\.com" is not a GUID/),
        },
      ],
    });
  });

  it('Domains: separated by commas, semicolons or spaces, lower-cased, each once; a non-domain is refused', () => {
    const parsed = parseOrganizationsCsv(
      'Name,Domain,Domains\r\nAcme Ltd,acme.com,"Acme.co.uk; https://acme.de/, acme.co.uk"\r\nGlobex,,\r\n',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((row) => row.domains)).toEqual([['acme.co.uk', 'acme.de'], []]);
    const refused = parseOrganizationsCsv('Name,Other domains\nAcme Ltd,acme.com localhost\n');
    expect(refused).toEqual({
      ok: false,
      problems: [{ line: 2, reason: '"localhost" in the domains is not a domain' }],
    });
  });

  it('a file without these columns says nothing about them (null domains keep what is stored)', () => {
    const parsed = parseOrganizationsCsv('Name,Domain\nAcme Ltd,acme.com\n');
    expect(parsed.ok && parsed.rows[0]).toMatchObject({ microsoftTenantId: null, domains: null });
  });

  it('JSON: microsoftTenantId / tenantId / azure_tenant_id and domains as a list or text', () => {
    const parsed = parseOrganizationsJson(
      JSON.stringify([
        { name: 'A', microsoftTenantId: GUID, domains: ['a.com', 'A.org'] },
        { name: 'B', tenantId: GUID.toUpperCase(), domains: 'b.com, b.net' },
        { name: 'C', azure_tenant_id: GUID },
      ]),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map(({ microsoftTenantId, domains }) => ({ microsoftTenantId, domains }))).toEqual([
      { microsoftTenantId: GUID, domains: ['a.com', 'a.org'] },
      { microsoftTenantId: GUID, domains: ['b.com', 'b.net'] },
      { microsoftTenantId: GUID, domains: null },
    ]);
    const refused = parseOrganizationsJson(
      JSON.stringify([
        { name: 'A', tenantId: 12 },
        { name: 'B', domains: [1] },
      ]),
    );
    expect(refused.ok === false && refused.problems.map((problem) => problem.line)).toEqual([1, 2]);
  });
});
