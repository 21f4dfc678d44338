import { describe, expect, it } from 'vitest';
import { buildClientIndex } from '../../../electron/mapping/client-index';
import { suggestMappings } from '../../../electron/mapping/index';
import { normaliseName } from '../../../electron/mapping/normalise-name';
import type { HaloClientInput, OrganizationSuggestion } from '../../../electron/mapping/types';

/**
 * The rules issue 11 added for real-world names (see test/fixtures/mapping/real/README.md for what
 * each bought on the real labeled sets). Each test also checks the look-alike the rule must not take.
 */

/** Unrelated clients so that word weights look like a real client list, not a list of two. */
const BACKGROUND: HaloClientInput[] = [
  'Walker Plumbing',
  'Green Dental Care',
  'Hughes Accountants',
  'Turner Builders',
  'Marsh IT Services',
  'Fisher Roofing',
  'Lloyd Pharmacy',
  'Carter International Freight',
  'Dixon Research Labs',
  'Chicago Public Schools Peck School',
  'ABC Plumbing Supplies',
].map((name, at) => ({ id: 1000 + at, name }));

function suggestOne(name: string, clients: HaloClientInput[]): OrganizationSuggestion {
  const [suggestion] = suggestMappings([{ id: 'o', name }], [...clients, ...BACKGROUND]).suggestions;
  if (suggestion === undefined) throw new Error('no row');
  return suggestion;
}

describe('acronym keys', () => {
  const clients = [{ id: 1, name: 'International Business Machines Corporation' }];

  it('an organization written in capitals as a client name of three words or more', () => {
    const suggestion = suggestOne('IBM', clients);
    expect(suggestion).toMatchObject({ clientId: 1, signal: 'normalised' });
    expect(suggestion.reason).toBe("'ibm' = initials of 'International Business Machines Corporation'");
    expect(suggestOne('I.B.M.', clients).clientId).toBe(1);
  });

  it('a client written in capitals as the initials of the organization name', () => {
    const suggestion = suggestOne('International Business Machines Corp', [{ id: 2, name: 'IBM' }]);
    expect(suggestion).toMatchObject({ clientId: 2, signal: 'normalised' });
    expect(suggestion.reason).toContain("initials 'ibm'");
  });

  it('not a word in lower case, and not a word some client has', () => {
    expect(suggestOne('Ace', [{ id: 3, name: 'Alpha Cleaning Enterprises' }]).clientId).toBeNull();
    // "ABC" is a word of "ABC Plumbing Supplies", so it is no acronym of "Alpha Beta Consulting".
    expect(suggestOne('ABC', [{ id: 4, name: 'Alpha Beta Consulting' }]).clientId).not.toBe(4);
  });
});

describe('compact keys without the abbreviation table', () => {
  it('"STMicroelectronics" meets "ST Microelectronics" although "st" also stands for "saint"', () => {
    expect(normaliseName('ST Microelectronics N.V.').key).toBe('saint microelectronics');
    expect(normaliseName('ST Microelectronics N.V.').literalCompactKey).toBe('stmicroelectronics');
    const suggestion = suggestOne('STMicroelectronics', [{ id: 1, name: 'ST Microelectronics N.V.' }]);
    expect(suggestion).toMatchObject({ clientId: 1, signal: 'normalised' });
    expect(suggestion.reason).toBe(
      "same letters without spaces 'stmicroelectronics' = 'ST Microelectronics N.V.'",
    );
  });

  it('"La Roche" meets "LaRoche"', () => {
    expect(suggestOne('Hoffmann LaRoche', [{ id: 1, name: 'Hoffmann-La Roche AG' }]).clientId).toBe(1);
  });
});

describe('legal forms anywhere and word order', () => {
  it.each([
    ['BOSCH GMBH ROBERT', 'bosch robert'],
    ['PHILIPS ELECTRONICS N.V. KONINKLIJKE', 'philips electronics koninklijke'],
    ['Acme Ltd Consulting', 'acme consulting'],
    // Short forms that are also words stay inside a name.
    ['AS Roma Supporters', 'as roma supporters'],
    ['Co Op Funeral Care', 'company op funeral care'],
  ])('%s -> %s', (name, key) => {
    expect(normaliseName(name).key).toBe(key);
  });

  it('the same words in another order are the same name, and the reason says so', () => {
    const suggestion = suggestOne('Robert Bosch GmbH', [
      { id: 1, name: 'BOSCH GMBH ROBERT' },
      { id: 2, name: 'Bosch Thermotechnik' },
    ]);
    expect(suggestion).toMatchObject({ clientId: 1, signal: 'normalised' });
    expect(suggestion.reason).toBe("same words in another order: 'robert bosch' = 'BOSCH GMBH ROBERT'");
  });
});

describe('repeated words, numbers and other endings', () => {
  it('a word said twice counts once', () => {
    expect(normaliseName('Salvation Army - Columbus Park / Salvation Army').key).toBe(
      'salvation army columbus park',
    );
    const suggestion = suggestOne('Christopher House Lakeshore', [
      { id: 1, name: 'Christopher House - Christopher House - Lakeshore' },
    ]);
    expect(suggestion).toMatchObject({ clientId: 1, signal: 'normalised' });
  });

  it('two different numbers are two sites, however alike the rest', () => {
    const clients = [{ id: 1, name: 'Shining Star Early Learning Academy - II' }];
    expect(suggestOne('Shining Star Early Learning Academy - III', clients).clientId).toBeNull();
    expect(suggestOne('Shining Star Early Learning Acadmy - II', clients).clientId).toBe(1);
  });

  it('a real word meets its other ending ("International" / "Internationale"), not a look-alike', () => {
    const clients = [{ id: 1, name: 'Shell Internationale Research Maatschappij B.V.' }];
    // "international" is a word of another client, so it is no typo; it is still the same word.
    const suggestion = suggestOne('SHELL INTERNATIONAL RESEARCH MAATSCHAPPIJ', clients);
    expect(suggestion).toMatchObject({ clientId: 1, signal: 'fuzzy' });
    // "Bramley" is a word of a client, so not "Bradley" with another ending: the stems differ.
    const lookAlikes = [
      { id: 2, name: 'Bradley Plumbing' },
      { id: 3, name: 'Bramley Roofing' },
    ];
    expect(suggestOne('Bramley Plumbing', lookAlikes).clientId).toBeNull();
  });

  it('two one-word names a typo apart only meet when the word is long', () => {
    expect(suggestOne('Joss', [{ id: 1, name: "Joe's" }]).clientId).toBeNull();
    expect(suggestOne('Nortgate', [{ id: 2, name: 'Northgate' }]).clientId).toBe(2);
  });
});

describe('short forms: a one-word client inside a longer name', () => {
  const clients = [
    { id: 1, name: 'Curtis' },
    { id: 2, name: 'Morton' },
  ];

  it('is suggested with its low fuzzy score and a reason', () => {
    const suggestion = suggestOne('Chicago Public Schools Curtis, George W.', clients);
    expect(suggestion).toMatchObject({ clientId: 1, signal: 'fuzzy' });
    expect(suggestion.score).toBeLessThan(0.84);
    expect(suggestion.reason).toMatch(
      /^short form: 'Curtis' is one word of the name, and no other client has it/,
    );
  });

  it('not when two one-word clients are in the name, nor when the word is shared', () => {
    expect(suggestOne('Curtis Morton Academy', clients).clientId).toBeNull();
    expect(suggestOne('Curtis Foundation', [...clients, { id: 3, name: 'Curtis Hall' }]).clientId).toBeNull();
  });

  it('only where the word ends a part of the name, a legal form aside', () => {
    expect(suggestOne('Penn (Blended)', [{ id: 5, name: 'Penn' }]).clientId).toBe(5);
    expect(suggestOne('Societe Dite Alcatel N.V.', [{ id: 6, name: 'ALCATEL N.V.' }]).clientId).toBe(6);
    expect(suggestOne('Christopher House Palmer Square', [{ id: 7, name: 'Palmer' }]).clientId).toBeNull();
    expect(suggestOne('Acme Capital Partners', [{ id: 8, name: 'Acme' }]).clientId).toBeNull();
  });

  it('stands beside an organization that matches the same client exactly (many to one)', () => {
    const result = suggestMappings(
      [
        { id: 'exact', name: 'Curtis' },
        { id: 'long', name: 'Chicago Public Schools Curtis, George W.' },
      ],
      [...clients, ...BACKGROUND],
    );
    expect(result.suggestions.map((suggestion) => suggestion.clientId)).toEqual([1, 1]);
  });
});

describe('word weights', () => {
  it('a word no client has weighs less than a rare word clients have', () => {
    const index = buildClientIndex([...BACKGROUND, { id: 1, name: 'Zebedee Plumbing' }]);
    const rare = index.vocabulary.idOf('zebedee');
    expect(rare).toBeDefined();
    expect(index.vocabulary.unknownWeight).toBeLessThan(index.vocabulary.idf(rare ?? -1));
    // "Vireva", a word of ours that no client has, does not sink the match on the rare shared words.
    const suggestion = suggestOne('Terrytown Vireva Nursery School', [
      { id: 1, name: 'Terrytown Nursery School' },
    ]);
    expect(suggestion.clientId).toBe(1);
  });
});
