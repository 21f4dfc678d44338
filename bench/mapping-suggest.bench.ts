/**
 * Speed and quality of "Suggest Values" (electron/mapping), printed as tables; nothing is asserted.
 *
 *   npx tsx bench/mapping-suggest.bench.ts            (add --quick for a short run)
 *   node --expose-gc --import tsx bench/mapping-suggest.bench.ts   (heap figures after a full GC)
 *
 * Sizes are clients x organizations from the labeled-set generator. "cold" is the first run of the
 * process at that size (JIT not warmed up), "warm" the median of the next runs. The brute-force baseline
 * scores every organization against every client with the same name score, computing word similarity
 * directly (no inverted index, no trigram index): measured in full at the reference size, and from a
 * sample of organizations, extrapolated, at the larger ones.
 */
import os from 'node:os';
import { buildClientIndex, type ClientIndex } from '../electron/mapping/client-index';
import { suggestMappings } from '../electron/mapping/index';
import { type QueryName, scoreWith } from '../electron/mapping/name-score';
import { normaliseName } from '../electron/mapping/normalise-name';
import { tokenSimilarity } from '../electron/mapping/token-similarity';
import type { OrganizationSuggestion } from '../electron/mapping/types';
import { evaluate } from '../test/fixtures/mapping/evaluate';
import { generateLabeledSet, type LabeledSet } from '../test/fixtures/mapping/generate-labeled-set';
import { HOLDOUT_SET, PRIMARY_SET } from '../test/fixtures/mapping/labeled-sets';
import {
  pooled,
  REAL_SET_NAMES,
  type RealSetScore,
  scoreRealSet,
} from '../test/fixtures/mapping/real/real-sets';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  gc?.();
}

function heapMb(): number {
  return process.memoryUsage().heapUsed / 1e6;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

// ---------------------------------------------------------------------------------------------------
// Brute force: every pair, same score, word similarity computed on the spot.

function bruteForceRanking(name: string, index: ClientIndex): { position: number; score: number }[] {
  const vocabulary = index.vocabulary;
  const tokens = normaliseName(name).tokens;
  const weights = tokens.map((token) => {
    const id = vocabulary.idOf(token);
    return id === undefined ? vocabulary.unknownWeight : vocabulary.idf(id);
  });
  const known = tokens.map((token) => vocabulary.idOf(token) !== undefined);
  const query: QueryName = {
    tokens,
    weights,
    neighbours: [],
    weightTotal: weights.reduce((a, b) => a + b, 0),
  };
  const similarity = (q: number, tokenId: number): number | undefined => {
    const word = tokens[q] ?? '';
    const other = vocabulary.word(tokenId);
    if (word === other) return 1;
    // As in the matcher: a word some client has is never taken for a typo.
    if (known[q] === true) return undefined;
    const value = tokenSimilarity(word, other);
    return value === 0 ? undefined : value;
  };
  let best = { position: -1, score: 0 };
  let second = { position: -1, score: 0 };
  for (const record of index.records) {
    const score = scoreWith(query, record, vocabulary, similarity);
    if (score > best.score) {
      second = best;
      best = { position: record.position, score };
    } else if (score > second.score) second = { position: record.position, score };
  }
  return [best, second];
}

/** Brute-force time for all organizations (measured on `sample` of them) and how often blocking found the same best candidate. */
function bruteForce(
  set: LabeledSet,
  suggestions: readonly OrganizationSuggestion[],
  sample: number,
): { ms: number; measuredOn: number; agreeing: number; compared: number } {
  const index = buildClientIndex(set.clients);
  const step = Math.max(1, Math.floor(set.organizations.length / sample));
  const picked = set.organizations.filter((_, at) => at % step === 0).slice(0, sample);
  const byOrganization = new Map(suggestions.map((s) => [s.organizationId, s]));
  let agreeing = 0;
  let compared = 0;
  const { wallMs } = timed(() => {
    for (const organization of picked) {
      const [best] = bruteForceRanking(organization.name, index);
      const ours = byOrganization.get(organization.id);
      // Compare where the fuzzy stage decided, and the brute-force best is a contender (>= blocking floor).
      if (best === undefined || ours === undefined || best.score < 0.74) continue;
      if (ours.signal !== 'fuzzy' && !(ours.signal === 'none' && !ours.reason.includes('fits organization')))
        continue;
      compared++;
      const bestId = index.records[best.position]?.id;
      if (
        ours.candidates[0]?.clientId === bestId ||
        Math.abs((ours.candidates[0]?.score ?? 0) - best.score) < 1e-9
      ) {
        agreeing++;
      }
    }
  });
  return {
    ms: (wallMs / picked.length) * set.organizations.length,
    measuredOn: picked.length,
    agreeing,
    compared,
  };
}

// ---------------------------------------------------------------------------------------------------
// Peers' methods, for context on the same set.

function exactOnly(set: LabeledSet): { organizationId: string; clientId: number | null }[] {
  const byName = new Map<string, number[]>();
  for (const client of set.clients) byName.set(client.name, [...(byName.get(client.name) ?? []), client.id]);
  return set.organizations.map((o) => {
    const found = byName.get(o.name) ?? [];
    return { organizationId: o.id, clientId: found.length === 1 ? (found[0] ?? null) : null };
  });
}

/** CIPP's 2026 method: lowercase, punctuation to spaces, strip trailing suffixes repeatedly, unique key. */
function cippStyle(set: LabeledSet): { organizationId: string; clientId: number | null }[] {
  const suffixes = new Set([
    'ltd',
    'limited',
    'llc',
    'llp',
    'inc',
    'incorporated',
    'plc',
    'pty',
    'corp',
    'corporation',
    'gmbh',
    'bv',
    'co',
  ]);
  const key = (name: string): string => {
    const words = name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ');
    while (words.length > 1 && suffixes.has(words[words.length - 1] ?? '')) words.pop();
    return words.join(' ');
  };
  const byKey = new Map<string, number[]>();
  for (const client of set.clients)
    byKey.set(key(client.name), [...(byKey.get(key(client.name)) ?? []), client.id]);
  return set.organizations.map((o) => {
    const found = byKey.get(key(o.name)) ?? [];
    return { organizationId: o.id, clientId: found.length === 1 ? (found[0] ?? null) : null };
  });
}

function score(set: LabeledSet, rows: { organizationId: string; clientId: number | null }[]) {
  const full = rows.map((row) => ({
    ...row,
    score: 0,
    signal: 'none' as const,
    reason: '',
    runnerUp: null,
    ambiguous: false,
    candidates: [],
  }));
  return evaluate(set, full);
}

// ---------------------------------------------------------------------------------------------------

const pct = (value: number): string => value.toFixed(4);
const ms = (value: number): string => (value < 10 ? value.toFixed(1) : value.toFixed(0));

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, at) => Math.max(h.length, ...rows.map((row) => (row[at] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, at) => cell.padEnd(widths[at] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

console.log(
  `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}${gc === undefined ? ', no --expose-gc: heap figures without a forced GC' : ''}\n`,
);

// 1. Speed
const sizes = quick
  ? [{ clients: 2000, organizations: 1500, warm: 3, sample: 300 }]
  : [
      { clients: 2000, organizations: 1500, warm: 5, sample: 1500 },
      { clients: 5000, organizations: 5000, warm: 5, sample: 400 },
      { clients: 20000, organizations: 20000, warm: 3, sample: 150 },
    ];
const speedRows: string[][] = [];
for (const size of sizes) {
  const set = generateLabeledSet({
    seed: 1000 + size.clients,
    clients: size.clients,
    organizations: size.organizations,
  });
  collect();
  const heapBefore = heapMb();
  const cold = timed(() => suggestMappings(set.organizations, set.clients));
  const heapAfter = heapMb();
  const warm: { wallMs: number; cpuMs: number }[] = [];
  for (let run = 0; run < size.warm; run++) {
    collect();
    warm.push(timed(() => suggestMappings(set.organizations, set.clients)));
  }
  const quality = evaluate(set, cold.value.suggestions);
  const brute = bruteForce(set, cold.value.suggestions, size.sample);
  const warmWall = median(warm.map((w) => w.wallMs));
  speedRows.push([
    `${size.clients.toLocaleString('en')} x ${size.organizations.toLocaleString('en')}`,
    ms(cold.wallMs),
    ms(warmWall),
    ms(median(warm.map((w) => w.cpuMs))),
    (heapAfter - heapBefore).toFixed(0),
    pct(quality.precision),
    pct(quality.recall),
    `${(brute.ms / 1000).toFixed(1)} s${brute.measuredOn < size.organizations ? ` (from ${brute.measuredOn} orgs)` : ''}`,
    `${(brute.ms / warmWall).toFixed(0)}x`,
    `${brute.agreeing}/${brute.compared}`,
  ]);
}
console.log('Speed (suggestMappings, whole run: index + all organizations)\n');
printTable(
  [
    'size (clients x orgs)',
    'cold ms',
    'warm ms',
    'warm CPU ms',
    'heap +MB',
    'precision',
    'recall',
    'brute force',
    'speed-up',
    'same best',
  ],
  speedRows,
);
console.log(
  '\n"same best": sampled names decided by the fuzzy stage whose brute-force best candidate (score >= 0.74)\n' +
    "is also the blocked run's best candidate.\n",
);

// 2. Quality on both labeled sets
const qualityRows: string[][] = [];
for (const [label, options] of [
  ['primary (tuning)', PRIMARY_SET],
  ['held-out', HOLDOUT_SET],
] as const) {
  const set = generateLabeledSet(options);
  const result = suggestMappings(set.organizations, set.clients);
  const full = evaluate(set, result.suggestions);
  const nameOnlyOrgs = set.organizations.map((o) => ({ ...o, domain: null, externalId: null }));
  const nameOnly = evaluate(set, suggestMappings(nameOnlyOrgs, set.clients).suggestions);
  const exact = score(set, exactOnly(set));
  const cipp = score(set, cippStyle(set));
  const s = result.summary;
  qualityRows.push([
    label,
    `${set.clients.length}/${set.organizations.length}/${full.withCounterpart}`,
    `${pct(full.precision)} / ${pct(full.recall)}`,
    `${full.wrong}`,
    `${s.id}/${s.domain}/${s.exact}/${s.normalised}/${s.fuzzy}/${s.ambiguous}/${s.none}`,
    `${pct(nameOnly.precision)} / ${pct(nameOnly.recall)}`,
    `${pct(exact.precision)} / ${pct(exact.recall)}`,
    `${pct(cipp.precision)} / ${pct(cipp.recall)}`,
  ]);
}
console.log('Quality on the labeled sets\n');
printTable(
  [
    'set',
    'clients/orgs/with counterpart',
    'precision / recall',
    'wrong',
    'id/domain/exact/normalised/fuzzy/ambiguous/none',
    'names only (no domain, no id)',
    'exact name (Gradient)',
    'normalised unique key (CIPP)',
  ],
  qualityRows,
);

// 3. Quality on the real, public labeled sets (names only), beside fuzzball WRatio >= 90 in the same run
const realRows: string[][] = [];
const triple = (q: { precision: number; recall: number; f1: number }) =>
  `${q.precision.toFixed(3)} / ${q.recall.toFixed(3)} / ${q.f1.toFixed(3)}`;
for (const split of ['tune', 'holdout'] as const) {
  const scores: RealSetScore[] = [];
  for (const name of REAL_SET_NAMES) {
    const score = scoreRealSet(
      name,
      split,
      (set) => suggestMappings(set.organizations, set.clients).suggestions,
    );
    scores.push(score);
    realRows.push([name, split, `${score.ours.withCounterpart}`, triple(score.ours), triple(score.fuzzball)]);
  }
  realRows.push(['pooled', split, '', triple(pooled(scores, 'ours')), triple(pooled(scores, 'fuzzball'))]);
}
console.log('\nQuality on the real labeled sets (test/fixtures/mapping/real)\n');
printTable(
  ['set', 'half', 'with counterpart', 'ours P / R / F1', 'fuzzball WRatio>=90 P / R / F1'],
  realRows,
);
