#!/usr/bin/env node
// Compares two sets of computed-style snapshots (test/e2e/style-snapshot.ts) screen by screen and prints
// every element whose look changed: `node scripts/compare-style-snapshots.mjs <before-dir> <after-dir>`.
// How to make the sets: HALO_STYLE_SNAPSHOTS=1 npm test (the e2e suite needs the private D-Bus and keyring
// session npm test starts: without one its workers die at start-up), then copy
// test-results/screenshots/*.styles.json aside; change the CSS and run it again. Two runs of unchanged
// code differ only in the validation screen's two spinners, caught at another angle.
// Elements are matched by their place in the page; an element only one side has is counted, not diffed
// (lists and timings differ a little between runs). Box (position and size) changes are listed apart,
// since text that differs between runs (ports, times) moves boxes without any CSS change.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [beforeDir, afterDir, ...flags] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  console.error('usage: compare-style-snapshots.mjs <before-dir> <after-dir> [--boxes] [--limit=N]');
  process.exit(2);
}
const showBoxes = flags.includes('--boxes');
const limit = Number(flags.find((flag) => flag.startsWith('--limit='))?.slice(8) ?? 40);

// An element is named by its classes, or by its place in the page when it has none.
const nameOf = (key, classes) => (classes ? `.${classes.split(' ').join('.')}` : key);

let screensChanged = 0;
let elementsChanged = 0;
const screens = readdirSync(beforeDir).filter((name) => name.endsWith('.styles.json'));
for (const screen of screens) {
  let after;
  try {
    after = JSON.parse(readFileSync(path.join(afterDir, screen), 'utf8'));
  } catch {
    console.log(`${screen}: missing after`);
    continue;
  }
  const before = JSON.parse(readFileSync(path.join(beforeDir, screen), 'utf8'));
  const lines = [];
  let restyled = 0;
  let boxOnly = 0;
  let unmatched = 0;
  for (const [key, was] of Object.entries(before)) {
    const now = after[key];
    if (!now || now.class !== was.class) {
      unmatched += 1;
      continue;
    }
    const changes = Object.keys(was)
      .filter((property) => property !== 'box' && property !== 'class' && was[property] !== now[property])
      .map((property) => `${property}: ${was[property]} -> ${now[property]}`);
    if (changes.length > 0) {
      restyled += 1;
      lines.push(`  ${nameOf(key, was.class)}  ${changes.join('; ')}`);
    } else if (was.box !== now.box) {
      boxOnly += 1;
      if (showBoxes) lines.push(`  (box) ${nameOf(key, was.class)}  ${was.box} -> ${now.box}`);
    }
  }
  if (restyled > 0) screensChanged += 1;
  elementsChanged += restyled;
  const head = `${screen.replace('.styles.json', '')}: ${restyled} elements restyled, ${boxOnly} moved only, ${unmatched} unmatched of ${Object.keys(before).length}`;
  if (restyled > 0 || (showBoxes && boxOnly > 0)) {
    console.log(head);
    for (const line of lines.slice(0, limit)) console.log(line);
    if (lines.length > limit) console.log(`  ... ${lines.length - limit} more`);
  } else console.log(head);
}
console.log(
  `\n${screens.length} screens compared: ${screensChanged} with restyled elements (${elementsChanged} elements).`,
);
