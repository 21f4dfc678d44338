import { describe, expect, it } from 'vitest';
import { instanceNameSchema } from '../../shared/domain';

describe('instance names are one line of plain text', () => {
  it.each([
    'Prod\nuction',
    'Prod\rA',
    'Tab\there',
    'Admin\u202Eeliforp',
    'Zero\u200Bwidth',
    'BOM\uFEFFinside',
  ])('%j is refused with a clear message', (name) => {
    const result = instanceNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/one line of plain text/);
  });

  it('ordinary names, accents and emoji are accepted (trimmed)', () => {
    expect(instanceNameSchema.parse('  Production – Zürich 🚀 ')).toBe('Production – Zürich 🚀');
  });
});
