import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../electron/mapping/index';
import { normaliseName } from '../../../electron/mapping/normalise-name';
import {
  loadRealSet,
  pooled,
  REAL_SET_NAMES,
  type RealSetScore,
  scoreRealSet,
} from '../../fixtures/mapping/real/real-sets';

/**
 * Quality on public, labeled data nobody here wrote (see test/fixtures/mapping/real/README.md), names
 * only. Scored on the held-out half of each set (the tuning half is what the rules were looked at on);
 * the fuzzball WRatio >= 90 baseline runs in the same test on the same rows.
 */
describe('real labeled sets (held-out half, names only)', () => {
  const suggest = (set: ReturnType<typeof loadRealSet>) =>
    suggestMappings(set.organizations, set.clients).suggestions;

  it('each set has real pairs and organizations without a counterpart', () => {
    for (const name of REAL_SET_NAMES) {
      const set = loadRealSet(name);
      const matched = [...set.truth.values()].filter((clientId) => clientId !== null).length;
      expect(matched).toBeGreaterThanOrEqual(100);
      expect(set.organizations.length - matched).toBeGreaterThanOrEqual(50);
    }
  });

  // The floors, on every set's held-out half: precision >= 0.97 on each set, and F1 over all
  // sets pooled above the fuzzball baseline scored on the same rows in the same run. The fixtures are
  // small copies so that the all-pairs baseline takes seconds (see the README).
  const scores: RealSetScore[] = [];
  const scoreOf = (name: (typeof REAL_SET_NAMES)[number]): RealSetScore => {
    const known = scores.find((score) => score.set === name);
    if (known !== undefined) return known;
    const score = scoreRealSet(name, 'holdout', suggest);
    scores.push(score);
    return score;
  };

  it.each(REAL_SET_NAMES)('%s: precision >= 0.97', { timeout: 60_000 }, (name) => {
    const { ours } = scoreOf(name);
    expect(ours.made).toBeGreaterThanOrEqual(30);
    expect(ours.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('pooled F1 over every set beats the fuzzball baseline measured in the same run', {
    timeout: 120_000,
  }, () => {
    const all = REAL_SET_NAMES.map(scoreOf);
    const ours = pooled(all, 'ours');
    const fuzzball = pooled(all, 'fuzzball');
    expect(fuzzball.f1).toBeGreaterThan(0.5);
    expect(ours.f1).toBeGreaterThan(fuzzball.f1);
    expect(ours.precision).toBeGreaterThan(fuzzball.precision);
  });

  it('every suggestion on the real sets says why', () => {
    for (const name of REAL_SET_NAMES) {
      const set = loadRealSet(name, 'holdout');
      for (const suggestion of suggest(set)) expect(suggestion.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('legal forms as real names write them', () => {
  it.each([
    ['SHELL INTERNATIONALE RESEARCH MAATSCHAPPIJ B. V.', 'shell internationale research maatschappij'],
    ['Maasland, N..V.', 'maasland'],
    ['NUTRICIA N. V.', 'nutricia'],
    ['N.V. Nutricia', 'nutricia'],
    ['ALCATEL N.V., RIJSWIJK, NL', 'alcatel'],
    ['UNILEVER NV., ROTTERDAM', 'unilever'],
    ['NXP B.V', 'nxp'],
  ])('%s -> %s', (name, key) => {
    expect(normaliseName(name).key).toBe(key);
  });

  it('keeps a comma that is part of the name, and a leading word that only looks like a form', () => {
    expect(normaliseName('Chicago Public Schools Stockton, Joseph').key).toBe(
      'chicago public schools stockton joseph',
    );
    expect(normaliseName('AG Barr plc').key).toBe('ag barr');
  });

  it('suggests a strong fuzzy match for a second organization of the same client', () => {
    const clients = [
      { id: 1, name: 'Shell Internationale Research Maatschappij B.V.' },
      { id: 2, name: 'Genencor International B.V.' },
    ];
    const organizations = [
      { id: 'a', name: 'Shell Internationale Research Maatschappij B.V.' },
      { id: 'b', name: 'SHELL INTERNATIONALE RESEARCH MAATSCHAPPIJ B' },
    ];
    const [first, second] = suggestMappings(organizations, clients).suggestions;
    expect(first?.clientId).toBe(1);
    expect(second?.clientId).toBe(1);
    expect(second?.signal).toBe('fuzzy');
    expect(second?.reason).toContain('fuzzy');
  });
});

describe('Microsoft tenant signal', () => {
  const tenant = '1A2B3C4D-0000-4000-8000-00000000AB12';
  const clients = [
    { id: 1, name: 'Northgate Plumbing Ltd', tenants: [{ tenantId: tenant.toLowerCase(), domain: null }] },
    { id: 2, name: 'Acme Ltd' },
    {
      id: 3,
      name: 'Shared Tenant One',
      tenants: [{ tenantId: '99999999-0000-4000-8000-000000000001', domain: null }],
    },
    {
      id: 4,
      name: 'Shared Tenant Two',
      tenants: [{ tenantId: '99999999-0000-4000-8000-000000000001', domain: null }],
    },
  ];

  it('matches on the tenant id in any case and with braces, before the name, and says so', () => {
    const [row] = suggestMappings(
      [{ id: 'a', name: 'Acme Ltd', microsoftTenantId: `{${tenant}}` }],
      clients,
    ).suggestions;
    expect(row?.clientId).toBe(1);
    expect(row?.signal).toBe('tenant');
    expect(row?.reason).toContain('same Microsoft tenant 1a2b3c4d');
  });

  it('ignores a tenant id that two clients share and falls through to the name', () => {
    const result = suggestMappings(
      [{ id: 'a', name: 'Acme Ltd', microsoftTenantId: '99999999-0000-4000-8000-000000000001' }],
      clients,
    );
    expect(result.suggestions[0]?.clientId).toBe(2);
    expect(result.suggestions[0]?.signal).toBe('exact');
    expect(result.summary.tenant).toBe(0);
  });

  it('a rejected pair is not suggested by the tenant either; extra domains count as domains', () => {
    const rejected = [{ organizationId: 'a', clientId: 1 }];
    const [row] = suggestMappings([{ id: 'a', name: 'Zed', microsoftTenantId: tenant }], clients, {
      rejected,
    }).suggestions;
    expect(row?.clientId).toBeNull();
    // The tenant's domain as Halo holds it is a domain the client answers to.
    const withDomains = [
      {
        id: 9,
        name: 'Other Name Ltd',
        tenants: [{ tenantId: '77777777-0000-4000-8000-000000000009', domain: 'northgate.example' }],
      },
    ];
    const [byDomain] = suggestMappings(
      [{ id: 'b', name: 'Zed', domains: ['info@northgate.example'] }],
      withDomains,
    ).suggestions;
    expect(byDomain?.clientId).toBe(9);
    expect(byDomain?.signal).toBe('domain');
  });
});
