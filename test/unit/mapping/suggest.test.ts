import { describe, expect, it } from 'vitest';
import {
  type HaloClientInput,
  MappingAbortedError,
  type OrganizationInput,
  type OrganizationSuggestion,
  suggestMappings,
} from '../../../electron/mapping/index';

/** A client list with the usual background, so IDF weights look like a real instance's. */
function withBackground(clients: HaloClientInput[]): HaloClientInput[] {
  const trades = ['Plumbing', 'Dental Care', 'Accountants', 'Builders', 'IT Services', 'Roofing', 'Pharmacy'];
  const surnames = [
    'Walker',
    'Green',
    'Hughes',
    'Turner',
    'Baker',
    'Marsh',
    'Fisher',
    'Lloyd',
    'Carter',
    'Dixon',
  ];
  const background: HaloClientInput[] = [];
  let id = 10_000;
  for (const surname of surnames)
    for (const trade of trades) background.push({ id: id++, name: `${surname} ${trade} Ltd` });
  return [...clients, ...background];
}

function suggestOne(
  organization: OrganizationInput,
  clients: HaloClientInput[],
  options: Parameters<typeof suggestMappings>[2] = {},
): OrganizationSuggestion {
  const [suggestion] = suggestMappings([organization], withBackground(clients), options).suggestions;
  if (suggestion === undefined) throw new Error('no row');
  return suggestion;
}

describe('suggestMappings signals', () => {
  it('id: external id equals the client ref, accounts id or Halo id', () => {
    const clients = [
      { id: 1, name: 'Alpha One', ref: 'CUST-001' },
      { id: 2, name: 'Beta Two', accountsId: 'ACC-77' },
      { id: 3, name: 'Gamma Three' },
    ];
    expect(suggestOne({ id: 'o', name: 'Something else', externalId: ' cust-001 ' }, clients)).toMatchObject({
      clientId: 1,
      signal: 'id',
      score: 1,
      reason: "id 'cust-001' = ref of 'Alpha One'",
    });
    expect(suggestOne({ id: 'o', name: 'x', externalId: 'ACC-77' }, clients)).toMatchObject({
      clientId: 2,
      signal: 'id',
    });
    expect(suggestOne({ id: 'o', name: 'x', externalId: '3' }, clients)).toMatchObject({
      clientId: 3,
      signal: 'id',
    });
  });

  it('domain: organization domain equals the registrable domain of the client website', () => {
    const clients = [
      { id: 1, name: 'Anderson Jones Smith', website: 'https://www.ajs.co.uk/contact' },
      { id: 2, name: 'AJS Holdings' },
    ];
    const suggestion = suggestOne({ id: 'o', name: 'AJS Holdings', domain: 'http://AJS.co.uk' }, clients);
    expect(suggestion).toMatchObject({ clientId: 1, signal: 'domain', ambiguous: false });
    expect(suggestion.reason).toBe("domain 'ajs.co.uk' = website of 'Anderson Jones Smith'");
  });

  it('domain shared by several clients but the name points elsewhere: ambiguous, no guess', () => {
    const clients = [
      { id: 1, name: 'Brightwave (Leeds)', website: 'msp-hosting.com' },
      { id: 2, name: 'Brightwave (York)', website: 'msp-hosting.com' },
      { id: 3, name: 'Harlow Roofing Ltd', website: 'harlowroofing.co.uk' },
    ];
    const suggestion = suggestOne({ id: 'o', name: 'Harlow Roofing', domain: 'msp-hosting.com' }, clients);
    expect(suggestion).toMatchObject({ clientId: null, ambiguous: true });
    expect(suggestion.reason).toContain("but the name at 'Harlow Roofing Ltd'");
  });

  it('domain: free-mail domains are no evidence', () => {
    const clients = [{ id: 1, name: 'Harlow Dental', website: 'gmail.com' }];
    expect(suggestOne({ id: 'o', name: 'Zebra Roofing', domain: 'gmail.com' }, clients).clientId).toBeNull();
  });

  it('domain: a website several sites share is narrowed down by name', () => {
    const clients = [
      { id: 1, name: 'Brightwave (Leeds)', website: 'brightwave.com' },
      { id: 2, name: 'Brightwave (York)', website: 'brightwave.com' },
    ];
    expect(
      suggestOne({ id: 'o', name: 'Brightwave York office', domain: 'brightwave.com' }, clients),
    ).toMatchObject({
      clientId: 2,
      signal: 'domain',
    });
    expect(suggestOne({ id: 'o', name: 'Brightwave', domain: 'brightwave.com' }, clients)).toMatchObject({
      clientId: null,
      ambiguous: true,
    });
  });

  it('exact: identical names, entities decoded', () => {
    const suggestion = suggestOne({ id: 'o', name: 'Smith & Jones LLP' }, [
      { id: 1, name: 'Smith &amp; Jones LLP' },
    ]);
    expect(suggestion).toMatchObject({
      clientId: 1,
      signal: 'exact',
      score: 1,
      reason: "exact name 'Smith & Jones LLP'",
    });
  });

  it('normalised: one client shares the normalised key', () => {
    const suggestion = suggestOne({ id: 'o', name: 'acme' }, [{ id: 1, name: 'Acme Ltd' }]);
    expect(suggestion).toMatchObject({
      clientId: 1,
      signal: 'normalised',
      reason: "normalised name 'acme' = 'Acme Ltd'",
    });
    expect(
      suggestOne({ id: 'o', name: 'Mueller Logistik' }, [{ id: 1, name: 'Müller Logistik GmbH' }]),
    ).toMatchObject({
      clientId: 1,
      signal: 'normalised',
    });
  });

  it('normalised: two active clients with the key are ambiguous, an inactive twin is not', () => {
    const twins = [
      { id: 1, name: 'Acme Ltd' },
      { id: 2, name: 'ACME Limited' },
    ];
    expect(suggestOne({ id: 'o', name: 'Acme' }, twins)).toMatchObject({ clientId: null, ambiguous: true });
    const withInactive = [
      { id: 1, name: 'Acme Ltd', inactive: true },
      { id: 2, name: 'ACME Limited' },
    ];
    const suggestion = suggestOne({ id: 'o', name: 'Acme' }, withInactive);
    expect(suggestion).toMatchObject({ clientId: 2, signal: 'normalised' });
    expect(suggestion.reason).toContain('1 inactive duplicate skipped');
  });

  it('fuzzy: a typo matches with the score and the runner-up in the reason', () => {
    const suggestion = suggestOne({ id: 'o', name: 'Northgate Plumbng' }, [
      { id: 1, name: 'Northgate Plumbing Ltd' },
      { id: 2, name: 'Northgate Pharmacy' },
    ]);
    expect(suggestion.clientId).toBe(1);
    expect(suggestion.signal).toBe('fuzzy');
    expect(suggestion.score).toBeGreaterThan(0.9);
    expect(suggestion.runnerUp?.clientId).toBe(2);
    expect(suggestion.reason).toMatch(/^fuzzy 0\.\d\d 'Northgate Plumbing Ltd' over runner-up 0\.\d\d$/);
  });

  it('fuzzy: an inactive client with the same score ranks after the active one', () => {
    const suggestion = suggestOne({ id: 'o', name: 'Brightwave Technologes' }, [
      { id: 1, name: 'Brightwave Technologies', inactive: true },
      { id: 2, name: 'Brightwave Technologies Ltd' },
    ]);
    expect(suggestion).toMatchObject({ clientId: 2, signal: 'fuzzy', ambiguous: false });
  });

  it('same town or surname but another trade never matches', () => {
    const clients = [{ id: 1, name: 'Northgate Plumbing Ltd' }];
    expect(suggestOne({ id: 'o', name: 'Northgate Pharmacy' }, clients)).toMatchObject({
      clientId: null,
      signal: 'none',
    });
    expect(
      suggestOne({ id: 'o', name: 'Hall Roofing' }, [
        { id: 1, name: 'Hull Roofing' },
        { id: 2, name: 'Hall Plumbing' },
      ]).clientId,
    ).toBeNull();
  });

  it('a brand never matches a longer business that carries it', () => {
    expect(
      suggestOne({ id: 'o', name: 'Acme' }, [{ id: 1, name: 'Acme Capital Partners' }]).clientId,
    ).toBeNull();
    expect(
      suggestOne({ id: 'o', name: 'Acme Capital Partners' }, [{ id: 1, name: 'Acme' }]).clientId,
    ).toBeNull();
  });

  it('a location in brackets is a different client', () => {
    const clients = [
      { id: 1, name: 'Acme (Leeds)' },
      { id: 2, name: 'Acme (York)' },
    ];
    expect(suggestOne({ id: 'o', name: 'Acme York Ltd' }, clients)).toMatchObject({
      clientId: 2,
      signal: 'normalised',
    });
    expect(suggestOne({ id: 'o', name: 'Acme Ltd' }, clients).clientId).toBeNull();
  });

  it('strong signals win over names: an id beats an exact name elsewhere', () => {
    const clients = [
      { id: 1, name: 'Acme Ltd' },
      { id: 2, name: 'Acme Trading Co', ref: 'A-2' },
    ];
    expect(suggestOne({ id: 'o', name: 'Acme Ltd', externalId: 'A-2' }, clients)).toMatchObject({
      clientId: 2,
      signal: 'id',
    });
  });

  it('says why there is no suggestion', () => {
    const suggestion = suggestOne({ id: 'o', name: 'Zanzibar Quilting' }, [{ id: 1, name: 'Acme Ltd' }]);
    expect(suggestion).toMatchObject({ clientId: null, signal: 'none', ambiguous: false, runnerUp: null });
    expect(suggestion.reason).toBe('no client shares a word with this name');
  });
});

describe('suggestMappings thresholds, margins and mutual best', () => {
  it('requires a margin over the runner-up', () => {
    // "Kingsley Dental" fits both sites equally: no guess, and both are offered as candidates.
    const sites = [
      { id: 1, name: 'Kingsley Dental (Leeds)' },
      { id: 2, name: 'Kingsley Dental (York)' },
    ];
    const suggestion = suggestOne({ id: 'o', name: 'Kingsley Dental' }, sites, { threshold: 0.5 });
    expect(suggestion).toMatchObject({ clientId: null, ambiguous: true, signal: 'none' });
    expect(
      suggestion.candidates
        .slice(0, 2)
        .map((c) => c.clientId)
        .sort(),
    ).toEqual([1, 2]);
    expect(suggestion.reason).toMatch(/^ambiguous: /);
  });

  const clients = [
    { id: 1, name: 'Kingsley Dental Care' },
    { id: 2, name: 'Kingsley Dental Clinic' },
  ];
  const organization = { id: 'o', name: 'Kingsley Dentl Care' };

  it('honours the threshold option', () => {
    const fuzzy = suggestOne(organization, clients);
    expect(fuzzy).toMatchObject({ clientId: 1, signal: 'fuzzy' });
    expect(suggestOne(organization, clients, { threshold: fuzzy.score + 0.01 })).toMatchObject({
      clientId: null,
      ambiguous: false,
    });
    expect(suggestOne(organization, clients, { threshold: fuzzy.score - 0.01 }).clientId).toBe(1);
  });

  it('honours the margin option', () => {
    const fuzzy = suggestOne(organization, clients);
    const lead = fuzzy.score - (fuzzy.runnerUp?.score ?? 0);
    expect(fuzzy.runnerUp?.clientId).toBe(2);
    expect(suggestOne(organization, clients, { margin: lead + 0.01 })).toMatchObject({
      clientId: null,
      ambiguous: true,
    });
    expect(suggestOne(organization, clients, { margin: lead - 0.01 }).clientId).toBe(1);
  });

  it('drops a fuzzy suggestion when another organization fits that client clearly better', () => {
    const organizations = [
      { id: 'exact', name: 'Redwood Design Ltd' },
      { id: 'typo', name: 'Redwoood Desing Studio' },
    ];
    const result = suggestMappings(organizations, withBackground([{ id: 1, name: 'Redwood Design' }]), {
      threshold: 0.7,
    });
    const [exact, typo] = result.suggestions;
    expect(exact).toMatchObject({ clientId: 1, signal: 'normalised' });
    expect(typo).toMatchObject({ clientId: null, signal: 'none' });
    expect(typo?.reason).toContain("fits organization 'Redwood Design Ltd' better");
  });

  it('lets two organizations that fit one client equally well share it', () => {
    const organizations = [
      { id: 'a', name: 'Redwood Desing' },
      { id: 'b', name: 'Redwood Desing Ltd' },
    ];
    const result = suggestMappings(organizations, withBackground([{ id: 1, name: 'Redwood Design' }]));
    expect(result.suggestions.map((s) => s.clientId)).toEqual([1, 1]);
  });
});

describe('suggestMappings user knowledge and scope', () => {
  const clients = [
    { id: 1, name: 'Acme Ltd', ref: 'R1', website: 'acme.com' },
    { id: 2, name: 'Acme Holdings' },
  ];

  it('never suggests a rejected pair, whatever the evidence', () => {
    const organization = { id: 'o', name: 'Acme Ltd', domain: 'acme.com', externalId: 'R1' };
    const suggestion = suggestOne(organization, clients, {
      rejected: [{ organizationId: 'o', clientId: 1 }],
    });
    expect(suggestion.clientId).not.toBe(1);
    expect(suggestion.candidates.map((c) => c.clientId)).not.toContain(1);
    // Only for that organization.
    const other = suggestOne({ ...organization, id: 'p' }, clients, {
      rejected: [{ organizationId: 'o', clientId: 1 }],
    });
    expect(other.clientId).toBe(1);
  });

  it('an accepted alias wins over every computed signal', () => {
    const organization = { id: 'o', name: 'Acme Ltd', externalId: 'R1' };
    const suggestion = suggestOne(organization, clients, { aliases: [{ organizationId: 'o', clientId: 2 }] });
    expect(suggestion).toMatchObject({ clientId: 2, signal: 'id', score: 1 });
    expect(suggestion.reason).toContain('accepted before');
  });

  it('ignores an alias to a client that is gone or rejected', () => {
    const organization = { id: 'o', name: 'Acme Ltd' };
    expect(
      suggestOne(organization, clients, { aliases: [{ organizationId: 'o', clientId: 999 }] }).clientId,
    ).toBe(1);
    const rejectedAlias = suggestOne(organization, clients, {
      aliases: [{ organizationId: 'o', clientId: 2 }],
      rejected: [{ organizationId: 'o', clientId: 2 }],
    });
    expect(rejectedAlias.clientId).toBe(1);
  });

  it('fills only the requested rows and counts every row once', () => {
    const organizations = [
      { id: 'a', name: 'Acme Ltd' },
      { id: 'b', name: 'acme holdings' },
      { id: 'c', name: 'Nothing Alike' },
    ];
    const all = suggestMappings(organizations, clients);
    expect(all.summary).toEqual({
      id: 0,
      tenant: 0,
      domain: 0,
      exact: 1,
      normalised: 1,
      fuzzy: 0,
      ambiguous: 0,
      none: 1,
    });
    const some = suggestMappings(organizations, clients, { onlyOrganizationIds: new Set(['b']) });
    expect(some.suggestions.map((s) => s.organizationId)).toEqual(['b']);
    expect(some.summary.normalised).toBe(1);
  });

  it('copes with empty inputs and odd rows', () => {
    expect(suggestMappings([], []).suggestions).toEqual([]);
    const odd = suggestMappings(
      [
        { id: 'a', name: '' },
        { id: 'b', name: 'Acme' },
      ],
      [
        { id: 1, name: '' },
        { id: 1, name: 'Acme' },
        { id: 2, name: 'Acme' },
      ],
    );
    expect(odd.suggestions[0]?.clientId).toBeNull();
    // A row without a name is skipped, so the repeated id 1 is kept once: two active "Acme"s remain.
    expect(odd.suggestions[1]).toMatchObject({ clientId: null, ambiguous: true });
  });
});

describe('suggestMappings cancellation', () => {
  const organizations = Array.from({ length: 2000 }, (_, n) => ({
    id: `o${n}`,
    name: `Company Number ${n} Ltd`,
  }));
  const clients = Array.from({ length: 2000 }, (_, n) => ({ id: n, name: `Company Number ${n} Limited` }));

  it('stops before starting when already aborted', () => {
    expect(() => suggestMappings(organizations, clients, { signal: { aborted: true } })).toThrow(
      MappingAbortedError,
    );
  });

  it('checks the flag periodically while running and stops soon after it turns', () => {
    let checks = 0;
    const signal = {
      get aborted() {
        checks++;
        return checks > 10;
      },
    };
    expect(() => suggestMappings(organizations, clients, { signal })).toThrow(MappingAbortedError);
    expect(checks).toBe(11);
  });

  it('runs to the end when never aborted, with an AbortController signal', () => {
    const result = suggestMappings(organizations.slice(0, 50), clients, {
      signal: new AbortController().signal,
    });
    expect(result.suggestions).toHaveLength(50);
  });
});
