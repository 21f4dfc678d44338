import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../../electron/mapping/domain';
import { boundedEditDistance, tokenSimilarity } from '../../../electron/mapping/token-similarity';

describe('registrableDomain', () => {
  it.each([
    ['acme.co.uk', 'acme.co.uk'],
    ['https://www.Acme.co.uk/about?x=1', 'acme.co.uk'],
    ['http://shop.acme.com:8080/', 'acme.com'],
    ['www.acme.com.au', 'acme.com.au'],
    ['ACME.COM', 'acme.com'],
    ['it@acme.de', 'acme.de'],
    ['acme.sharepoint.com', 'acme.sharepoint.com'],
    ['https://acme.wixsite.com/shop', 'acme.wixsite.com'],
  ])('%j -> %j', (input, domain) => {
    expect(registrableDomain(input)).toBe(domain);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['   '],
    ['gmail.com'],
    ['someone@outlook.com'],
    ['localhost'],
    ['not a url'],
    ['onmicrosoft.com'],
  ])('ignores %j', (input) => {
    expect(registrableDomain(input)).toBeNull();
  });
});

describe('tokenSimilarity', () => {
  it('is 1 for equal words and 0 for different ones', () => {
    expect(tokenSimilarity('plumbing', 'plumbing')).toBe(1);
    expect(tokenSimilarity('plumbing', 'pharmacy')).toBe(0);
  });

  it('tolerates one typo in words of four letters or more', () => {
    expect(tokenSimilarity('plumbng', 'plumbing')).toBeGreaterThan(0.9);
    expect(tokenSimilarity('pulmbing', 'plumbing')).toBeGreaterThan(0.9);
    expect(tokenSimilarity('smtih', 'smith')).toBeGreaterThan(0.85);
  });

  it('tolerates two typos only in long words, and values them less', () => {
    const two = tokenSimilarity('engnering', 'engineering');
    expect(two).toBeGreaterThan(0);
    expect(two).toBeLessThan(tokenSimilarity('enginering', 'engineering'));
    expect(tokenSimilarity('smiht', 'smyth')).toBe(0);
  });

  it('does not treat short words, numbers or a different first letter as typos', () => {
    expect(tokenSimilarity('acme', 'acne')).toBeGreaterThan(0);
    expect(tokenSimilarity('abc', 'abd')).toBe(0);
    expect(tokenSimilarity('unit4', 'unit5')).toBe(0);
    expect(tokenSimilarity('northgate', 'southgate')).toBe(0);
    expect(tokenSimilarity('harris', 'parris')).toBe(0);
    expect(tokenSimilarity('rbown', 'brown')).toBeGreaterThan(0);
  });

  it('computes optimal string alignment distance with a bound', () => {
    expect(boundedEditDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedEditDistance('abcd', 'acbd', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 1)).toBe(2);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
    expect(boundedEditDistance('a'.repeat(100), `${'a'.repeat(99)}b`, 2)).toBe(1);
  });
});
