import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINUX_SIZES, makeIcons } from '../../../scripts/make-icons.mjs';
import { makeTempDir } from '../../support/temp-dir';

/** The committed icons in build/icons are exactly what scripts/make-icons.mjs renders from build/icon.svg. */
describe('app icons', () => {
  it('are generated from the one source image, and the committed set is up to date', () => {
    const temp = makeTempDir('halo-setup-icons-');
    try {
      const written = makeIcons(temp.dir);
      expect(written).toHaveLength(3 + LINUX_SIZES.length);
      const committed = path.resolve('build/icons');
      // Byte for byte where the committed set was made (Linux x64): resvg's anti-aliasing may differ in
      // the last bit on other CPUs, so elsewhere only the structure below is checked.
      const sameKindOfMachine = process.platform === 'linux' && process.arch === 'x64';
      for (const file of sameKindOfMachine ? written : []) {
        const fresh = readFileSync(path.join(temp.dir, file));
        const kept = readFileSync(path.join(committed, file));
        expect(kept.equals(fresh), `${file} is stale: run npm run icons`).toBe(true);
      }
      const icns = readFileSync(path.join(temp.dir, 'icon.icns'));
      expect(icns.toString('latin1', 0, 4)).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      const ico = readFileSync(path.join(temp.dir, 'icon.ico'));
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
      expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
      for (const size of LINUX_SIZES) {
        const png = readFileSync(path.join(temp.dir, 'png', `${size}x${size}.png`));
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    } finally {
      temp.cleanup();
    }
  });
});
