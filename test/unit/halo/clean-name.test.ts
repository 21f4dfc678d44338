import { describe, expect, it } from 'vitest';
import { cleanClientName, MAX_CLIENT_NAME_LENGTH } from '../../../electron/halo/clean-name';

describe('cleanClientName', () => {
  it('keeps an ordinary name as it is and says nothing was done', () => {
    expect(cleanClientName('Acme Ltd (Zürich) 株式会社', 'x')).toEqual({
      name: 'Acme Ltd (Zürich) 株式会社',
      cleaned: false,
      truncated: false,
    });
  });

  it('removes bidi overrides, zero-width characters, the BOM and C0/C1 controls', () => {
    const raw = '\uFEFFAc\u200Bme\u202E dtL\u202C\u0007\u009B Ltd\u2066x\u2069\u200D';
    expect(cleanClientName(raw, 'x')).toEqual({ name: 'Acme dtL Ltdx', cleaned: true, truncated: false });
  });

  it('turns line breaks, tabs and line/paragraph separators into single spaces', () => {
    expect(cleanClientName('  Acme\r\n\tLtd\u2028Branch\u2029 North  ', 'x').name).toBe(
      'Acme Ltd Branch North',
    );
  });

  it('cuts a long name to 255 code points ending in "…" without splitting a surrogate pair', () => {
    const raw = `${'a'.repeat(253)}😀😀😀`;
    const result = cleanClientName(raw, 'x');
    expect(result.truncated).toBe(true);
    expect(result.cleaned).toBe(true);
    expect(Array.from(result.name)).toHaveLength(MAX_CLIENT_NAME_LENGTH);
    expect(result.name).toBe(`${'a'.repeat(253)}😀…`);
    expect(cleanClientName('b'.repeat(255), 'x')).toEqual({
      name: 'b'.repeat(255),
      cleaned: false,
      truncated: false,
    });
  });

  it('uses the fallback when nothing readable is left', () => {
    expect(cleanClientName('\u200B\u202E \u0000', 'Halo client 7')).toEqual({
      name: 'Halo client 7',
      cleaned: true,
      truncated: false,
    });
  });
});
