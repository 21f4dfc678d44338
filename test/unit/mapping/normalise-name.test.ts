import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../electron/mapping/normalise-name';

describe('normaliseName', () => {
  const keys: [string, string][] = [
    ['Acme Ltd', 'acme'],
    ['ACME LIMITED', 'acme'],
    ['acme limited.', 'acme'],
    ['The Acme Co.', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Acme UK Ltd', 'acme'],
    ['Acme Inc. LLC', 'acme'],
    ['Smith & Jones LLP', 'smith jones'],
    ['Smith and Jones', 'smith jones'],
    ['Smith + Jones', 'smith jones'],
    ['Smith &amp; Jones', 'smith jones'],
    ['Smith &amp;amp; Jones', 'smith jones'],
    ['O&#39;Brien Plumbing', 'obrien plumbing'],
    ['O’Brien Plumbing', 'obrien plumbing'],
    ['Müller Logistik GmbH & Co. KG', 'muller logistik'],
    ['Café Lumière SARL', 'cafe lumiere'],
    ['Ørsted A/S', 'orsted'],
    ['Straße Bau GmbH', 'strasse bau'],
    ['Kowalski Sp. z o.o.', 'kowalski'],
    ['Acme S.A.', 'acme'],
    ['J.P. Hughes & Sons', 'jp hughes sons'],
    ["St. Mary's School", 'saint marys school'],
    ['Saint Marys School', 'saint marys school'],
    ['Acme Svcs Intl', 'acme services international'],
    ['Kessler Mfg Corp', 'kessler manufacturing'],
    ['Harris Bros', 'harris brothers'],
    ['Acme Tech', 'acme technology'],
    ['Acme Technologies Ltd', 'acme technology'],
    ['Acme Ltd - Head Office', 'acme'],
    ['Acme (HQ)', 'acme'],
    ['Acme Limited (Head Office)', 'acme'],
    ['Acme Ltd (old)', 'acme'],
    ['Acme (Leeds)', 'acme leeds'],
    ['Acme Ltd - Leeds', 'acme leeds'],
    ['Acme Ltd (Leeds) - HQ', 'acme leeds'],
    ['Acme Limtied', 'acme'],
    ['Acme Ltd - Head Ofice', 'acme'],
    ['  Acme\t  Ltd  ', 'acme'],
    ['Ltd', 'ltd'],
    ['The', 'the'],
    ['(HQ)', 'hq'],
    ['3M UK PLC', '3m uk'],
    ['Иванов и партнёры', 'иванов и партнеры'],
  ];

  it.each(keys)('%j -> %j', (name, key) => {
    expect(normaliseName(name).key).toBe(key);
  });

  it('keeps the readable exact form: entities decoded, spaces collapsed, case kept', () => {
    expect(normaliseName('  Smith &amp;  Jones\u00a0LLP ').exact).toBe('Smith & Jones LLP');
    expect(normaliseName('Cafe\u0301').exact).toBe('Café');
  });

  it('offers the German spelling of umlauts as an alternative key', () => {
    const keys = normaliseName('Müller Logistik GmbH');
    expect(keys.key).toBe('muller logistik');
    expect(keys.altKey).toBe('mueller logistik');
    expect(normaliseName('Mueller Logistik').altKey).toBeNull();
    expect(normaliseName('Café').altKey).toBeNull();
  });

  it('has a compact key so split and joined words meet', () => {
    expect(normaliseName('North-Gate Plumbing').compactKey).toBe(
      normaliseName('Northgate Plumbing Ltd').compactKey,
    );
  });

  it('never strips a name down to nothing', () => {
    for (const name of ['Limited', 'The Company', 'Co', '&', '-', '()']) {
      const keys = normaliseName(name);
      if (/[a-z]/i.test(name)) expect(keys.tokens.length).toBeGreaterThan(0);
    }
    expect(normaliseName('The Company').key).toBe('company');
  });
});
