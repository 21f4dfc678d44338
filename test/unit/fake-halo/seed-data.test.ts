import { describe, expect, it } from 'vitest';
import { startFakeHalo } from '../../fake-halo';
import { generateClients, TOP_LEVELS } from '../../fake-halo/seed-data';

describe('fake Halo: seeded customers', () => {
  it('is deterministic for a seed and different for another seed', () => {
    const a = generateClients({ count: 500, seed: 1, inactiveShare: 0.05 });
    const b = generateClients({ count: 500, seed: 1, inactiveShare: 0.05 });
    const c = generateClients({ count: 500, seed: 2, inactiveShare: 0.05 });
    expect(a).toEqual(b);
    expect(c.map((row) => row.name)).not.toEqual(a.map((row) => row.name));
  });

  it('has unique, increasing, non-contiguous ids starting at 12, and unique names and site ids', () => {
    const rows = generateClients({ count: 20_000, seed: 1, inactiveShare: 0.05 });
    expect(rows).toHaveLength(20_000);
    expect(rows[0]?.id).toBe(12);
    const ids = rows.map((row) => row.id);
    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] ?? 0))).toBe(true);
    expect((ids.at(-1) ?? 0) - 12 + 1).toBeGreaterThan(20_000);
    expect(new Set(rows.map((row) => row.name.toLowerCase())).size).toBe(20_000);
    expect(new Set(rows.map((row) => row.main_site_id)).size).toBe(20_000);
  });

  it('carries the awkward real-world names: &, accents, HTML entities, suffixes, qualifiers', () => {
    const names = generateClients({ count: 300, seed: 1, inactiveShare: 0.05 }).map((row) => row.name);
    expect(names).toContain('Smith & Sons Plumbing Ltd');
    expect(names).toContain('Café Müller GmbH');
    expect(names).toContain('Baker &amp; Co');
    expect(names.some((name) => name.includes('(HQ)'))).toBe(true);
    expect(names.filter((name) => / (Ltd|LLC|Inc)$/.test(name)).length).toBeGreaterThan(30);
    expect(names.some((name) => /dental/i.test(name))).toBe(true);
    expect(names.some((name) => /solicitors|law|attorneys/i.test(name))).toBe(true);
  });

  it('spreads rows over the top levels, with one internal row, and marks about inactiveShare inactive', () => {
    const rows = generateClients({ count: 2_000, seed: 3, inactiveShare: 0.2 });
    const byTopLevel = (id: number) => rows.filter((row) => row.toplevel_id === id);
    expect(byTopLevel(1).length).toBeGreaterThan(1_500);
    expect(byTopLevel(2).length).toBeGreaterThan(100);
    expect(byTopLevel(3).map((row) => row.name)).toEqual(['Brightline IT Services Ltd']);
    for (const row of rows)
      expect(row.toplevel_name).toBe(TOP_LEVELS.find((t) => t.id === row.toplevel_id)?.name);
    const inactive = rows.filter((row) => row.inactive).length;
    expect(inactive).toBeGreaterThan(300);
    expect(inactive).toBeLessThan(500);
    expect(generateClients({ count: 500, seed: 3, inactiveShare: 0 }).some((row) => row.inactive)).toBe(
      false,
    );
  });

  it('gives most clients a website that looks like one', () => {
    const rows = generateClients({ count: 1_000, seed: 1, inactiveShare: 0.05 });
    const withSite = rows.filter((row) => row.website !== '');
    expect(withSite.length).toBeGreaterThan(500);
    for (const row of withSite) expect(row.website).toMatch(/^(https?:\/\/)?(www\.)?[a-z0-9]+\.[a-z.]+\/?$/);
    expect(rows.find((row) => row.name === 'Café Müller GmbH')?.website).toContain('cafemuller.');
  });

  it('gives about a quarter of the clients a Microsoft tenant, and one tenant id to two clients', () => {
    const rows = generateClients({ count: 300, seed: 1, inactiveShare: 0.05 });
    const tenants = rows.flatMap((row) => row.azure_tenants ?? []);
    expect(tenants.length).toBeGreaterThan(50);
    expect(tenants.length).toBeLessThan(110);
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const tenant of tenants) expect(tenant.azure_tenant_id).toMatch(guid);
    for (const row of rows)
      for (const tenant of row.azure_tenants ?? []) expect(tenant.client_id).toBe(row.id);
    const clientsPerTenant = new Map<string, number>();
    for (const tenant of tenants)
      clientsPerTenant.set(tenant.azure_tenant_id, (clientsPerTenant.get(tenant.azure_tenant_id) ?? 0) + 1);
    expect([...clientsPerTenant.values()].filter((count) => count > 1)).toEqual([2]);
    expect(new Set(tenants.map((tenant) => tenant.id)).size).toBe(tenants.length);
  });

  it('serves 20,000 seeded clients through the fake', async () => {
    const fake = await startFakeHalo({ clients: 20_000, inactiveShare: 0 });
    try {
      expect(fake.clients()).toHaveLength(20_000);
      expect(new Set(fake.clients().map((row) => row.id)).size).toBe(20_000);
    } finally {
      await fake.stop();
    }
  });
});
