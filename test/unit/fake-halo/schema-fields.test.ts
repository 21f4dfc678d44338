import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeHalo, fakeClientRow, startFakeHalo } from '../../fake-halo';
import { apiGet, apiJson, getToken, tokenRequest } from './helpers';

/**
 * Every field the fake Halo serves must be one Halo's own models have, typed as Halo types it
 * (`test/fake-halo/halo-schema.json`). A fake that agrees with our code instead of with Halo hid real
 * bugs (agent teams read by the link id, a website Halo never lists); this walks real answers of the
 * fake and fails on any field the schema lacks.
 */

const propertySchema = z.object({ type: z.string(), items: z.string().optional() });
const modelSchema = z.object({
  extends: z.string().optional(),
  properties: z.record(z.string(), propertySchema),
});
const schemaFile = z.object({ models: z.record(z.string(), modelSchema) });

const schema = schemaFile.parse(
  JSON.parse(readFileSync(path.join(__dirname, '../../fake-halo/halo-schema.json'), 'utf8')),
);

function propertiesOf(modelName: string): Record<string, z.infer<typeof propertySchema>> {
  const model = schema.models[modelName];
  if (!model) throw new Error(`halo-schema.json has no model ${modelName}`);
  return { ...(model.extends === undefined ? {} : propertiesOf(model.extends)), ...model.properties };
}

function typeFits(type: string, value: unknown): boolean {
  if (value === null) return true; // Halo's Swagger marks its fields nullable
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    default:
      return false;
  }
}

/** Every field of `value` (recursively through arrays of models) that the schema lacks or mistypes. */
function schemaViolations(value: unknown, modelName: string, where = modelName): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${where}: expected an object`];
  }
  const properties = propertiesOf(modelName);
  const problems: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    const property = properties[key];
    if (!property) {
      problems.push(`${where}.${key}: not in Halo's ${modelName}`);
      continue;
    }
    if (!typeFits(property.type, field)) {
      problems.push(`${where}.${key}: ${JSON.stringify(field)} is not ${property.type}`);
      continue;
    }
    if (property.items !== undefined && Array.isArray(field)) {
      field.forEach((item, index) => {
        problems.push(...schemaViolations(item, property.items as string, `${where}.${key}[${index}]`));
      });
    }
  }
  return problems;
}

describe("the fake Halo serves only fields Halo's schema has", () => {
  let fake: FakeHalo;
  let token: string;
  beforeAll(async () => {
    fake = await startFakeHalo({ clients: 60, rateLimit: false });
    token = await getToken(fake);
  });
  afterAll(() => fake.stop());

  it.each([
    ['/api/Client?pageinate=true&page_size=50&page_no=1&includeinactive=true', 'ClientList'],
    ['/api/Client?pageinate=true&page_size=5&page_no=1&idonly=true', 'ClientList'],
    ['/api/Client?pageinate=true&page_size=60&page_no=1&includeazuretenants=true', 'ClientList'],
    ['/api/Site?pageinate=true&page_size=50&page_no=1', 'SiteList'],
    ['/api/Agent/me', 'Agent'],
  ])('%s fits %s', async (route, model) => {
    expect(schemaViolations(await apiJson(fake, route, token), model)).toEqual([]);
  });

  it.each([
    ['/api/Agent?includeapiagents=true&includedisabled=true', 'Agent'],
    ['/api/Team', 'Team'],
    ['/api/TopLevel', 'TopLevel'],
  ])('every row of %s fits %s', async (route, model) => {
    const rows = z
      .array(z.unknown())
      .min(1)
      .parse(await apiJson(fake, route, token));
    expect(rows.flatMap((row, index) => schemaViolations(row, model, `${model}[${index}]`))).toEqual([]);
  });

  it('a single client fits Client, and only it carries the website', async () => {
    const [first] = fake.clients();
    if (!first) throw new Error('no clients');
    const single = await apiJson(fake, `/api/Client/${first.id}`, token);
    expect(schemaViolations(single, 'Client')).toEqual([]);
    expect(single).toHaveProperty('website');
    const list = z
      .object({ clients: z.array(z.record(z.string(), z.unknown())) })
      .parse(await apiJson(fake, '/api/Client', token));
    expect(list.clients.filter((row) => 'website' in row || 'main_site_id' in row)).toEqual([]);
  });

  it('Microsoft tenants (AreaAzureTenant) come on list rows only with includeazuretenants=true', async () => {
    const rowsOf = async (query: string) =>
      z
        .object({ clients: z.array(z.record(z.string(), z.unknown())) })
        .parse(await apiJson(fake, `/api/Client?pageinate=true&page_size=60&page_no=1${query}`, token))
        .clients;
    expect((await rowsOf('')).filter((row) => 'azure_tenants' in row)).toEqual([]);
    const withTenants = await rowsOf('&includeazuretenants=true');
    expect(withTenants.every((row) => Array.isArray(row.azure_tenants))).toBe(true);
    const tenants = withTenants.flatMap((row) => row.azure_tenants as Record<string, unknown>[]);
    expect(tenants.length).toBeGreaterThan(0);
    expect(
      tenants.flatMap((tenant, index) => schemaViolations(tenant, 'AreaAzureTenant', `t[${index}]`)),
    ).toEqual([]);
  });

  it('token, authinfo and error answers fit their models', async () => {
    const granted = await tokenRequest(fake);
    expect(schemaViolations(await granted.json(), 'TokenResponse')).toEqual([]);
    const refused = await tokenRequest(fake, { clientSecret: 'wrong' });
    expect(schemaViolations(await refused.json(), 'OAuthError')).toEqual([]);
    expect(schemaViolations(await apiJson(fake, '/api/authinfo', token), 'AuthInfo')).toEqual([]);
    const missing = await apiGet(fake, '/api/Client/999999999', token);
    expect(missing.status).toBe(404);
    expect(schemaViolations(await missing.json(), 'HaloException')).toEqual([]);
  });

  it('the walker itself catches a field Halo lacks and a mistyped one', () => {
    expect(schemaViolations(fakeClientRow(1, 'A'), 'ClientListRow')).toEqual([
      "ClientListRow.main_site_id: not in Halo's ClientListRow",
      "ClientListRow.main_site_name: not in Halo's ClientListRow",
      "ClientListRow.website: not in Halo's ClientListRow",
    ]);
    expect(schemaViolations({ teams: [{ id: 1, team_id: '2', team: 'Old' }] }, 'Agent')).toEqual([
      'Agent.teams[0].team_id: "2" is not integer',
      "Agent.teams[0].team: not in Halo's AgentTeam",
    ]);
  });
});
