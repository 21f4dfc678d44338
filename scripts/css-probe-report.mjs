#!/usr/bin/env node
// Adds up the CSS probe's screens (test/e2e/css-probe.ts): `node scripts/css-probe-report.mjs <dir>`.
// Prints the declarations that apply on at least one screen and change nothing on any (candidates to
// remove), then the rules that match nothing on any screen (states the screens do not show, or dead).
// A candidate from a selector list names the selectors no screen showed: for those the probe proves
// nothing, so read them before removing the declaration.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: css-probe-report.mjs <dir>');
  process.exit(2);
}
const totals = new Map();
for (const name of readdirSync(dir).filter((file) => file.endsWith('.probe.json'))) {
  for (const entry of JSON.parse(readFileSync(path.join(dir, name), 'utf8'))) {
    const total = totals.get(entry.key) ?? { screens: 0, changed: 0, unseen: new Set(entry.unseen) };
    if (entry.matched > 0) total.screens += 1;
    if (entry.changed) total.changed += 1;
    // A selector stays unseen only if no screen showed it.
    for (const selector of total.unseen) if (!entry.unseen.includes(selector)) total.unseen.delete(selector);
    totals.set(entry.key, total);
  }
}
const redundant = [...totals].filter(([, total]) => total.screens > 0 && total.changed === 0);
const unmatchedRules = new Set(
  [...totals].filter(([, total]) => total.screens === 0).map(([key]) => key.split('|').slice(0, 2).join('|')),
);
console.log(`${totals.size} declarations; ${redundant.length} change nothing where they apply:`);
for (const [key, total] of redundant) {
  const unseen = total.unseen.size > 0 ? `; never seen: ${[...total.unseen].join(', ')}` : '';
  console.log(`  ${key}  (applies on ${total.screens} screens${unseen})`);
}
console.log(`${unmatchedRules.size} rules match nothing on any screen:`);
for (const rule of unmatchedRules) console.log(`  ${rule}`);
