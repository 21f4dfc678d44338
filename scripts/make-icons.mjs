#!/usr/bin/env node
// Renders every platform icon from the one source image, build/icon.svg:
//   build/icons/icon.png       1024x1024 (electron-builder's fallback and the About panel)
//   build/icons/icon.icns      macOS (16 ... 512@2x)
//   build/icons/icon.ico       Windows (16 ... 256; small sizes as bitmaps, as executables want)
//   build/icons/png/NxN.png    Linux (16 ... 512), the set electron-builder puts in .desktop/hicolor
//
// Why these libraries: @resvg/resvg-js renders SVG exactly and ships its renderer as a prebuilt N-API
// package on npm (no download at install, no system librsvg); png2icons is plain JavaScript (no native
// code, no ImageMagick) and writes complete ICNS and ICO files. Both work offline.
//
// Usage: node scripts/make-icons.mjs [outDir]   (default build/icons; the output is committed, and a
// unit test re-renders into a temporary folder and checks the committed files match the source).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = path.resolve(import.meta.dirname, '..');
export const SOURCE = path.join(root, 'build', 'icon.svg');
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

function render(svg, size) {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' });
  return resvg.render().asPng();
}

/** Writes the icon set into `outDir`; returns the files written, relative to it. */
export function makeIcons(outDir) {
  const svg = readFileSync(SOURCE);
  mkdirSync(path.join(outDir, 'png'), { recursive: true });
  const master = render(svg, 1024);
  const files = {
    'icon.png': master,
    'icon.icns': png2icons.createICNS(master, png2icons.BICUBIC, 0),
    'icon.ico': png2icons.createICO(master, png2icons.BICUBIC, 0, false, true),
  };
  for (const size of LINUX_SIZES) files[path.join('png', `${size}x${size}.png`)] = render(svg, size);
  for (const [name, bytes] of Object.entries(files)) {
    if (!bytes) throw new Error(`could not make ${name} from ${SOURCE}`);
    writeFileSync(path.join(outDir, name), bytes);
  }
  return Object.keys(files);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'build', 'icons'));
  const written = makeIcons(outDir);
  console.log(`icons: ${written.length} files in ${path.relative(root, outDir) || outDir}`);
}
