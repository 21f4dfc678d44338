import { Blocker } from './blocking';
import {
  addTo,
  type ClientIndex,
  type ClientRecord,
  normaliseExternalId,
  normaliseTenantId,
} from './client-index';
import { registrableDomain } from './domain';
import { LEGAL_FORM_TOKENS } from './legal-forms';
import { isNumber, prepareQuery, type QueryName, scoreName } from './name-score';
import type { NameKeys } from './normalise-name';
import type { Candidate, Outcome } from './outcome';
import { stripAccents } from './transliterate';
import type { MatchSignal, OrganizationInput } from './types';

export interface MatcherSettings {
  threshold: number;
  margin: number;
}

/** Fuzzy candidates fully scored per organization after blocking. */
const CANDIDATES_SCORED = 10;
/** A website shared by more clients than this is a host or the MSP's own site, not evidence. */
const MAX_CLIENTS_PER_DOMAIN = 25;
/** Within clients already narrowed down by id or domain, the name only has to tell them apart. */
const NARROWED_NAME_THRESHOLD = 0.5;
/** An inactive client ranks just below an active one with the same score. */
const INACTIVE_PENALTY = 0.02;
/** Blocking keeps clients that could still reach this much below the runner-up bar. */
const BLOCKING_SLACK = 0.05;

type StrongSignal = Exclude<MatchSignal, 'none' | 'fuzzy' | 'tenant'>;

/** Clients that a stronger signal found but could not tell apart; later signals choose among them. */
interface Narrowing {
  signal: StrongSignal;
  evidence: string;
  positions: number[];
}

type Pick =
  | { kind: 'one'; position: number; skippedInactive: number }
  | { kind: 'many'; positions: number[] };

export const quote = (text: string): string => `'${text}'`;
export const fixed = (score: number): string => score.toFixed(2);

/**
 * Decides one organization at a time against a prepared client index, strongest evidence first:
 * remembered alias, external id, website domain, exact name, normalised name, fuzzy name.
 */
export class Matcher {
  private readonly records: ClientRecord[];
  private readonly blocker: Blocker;
  /** Initials of client names of three words or more -> clients; built on the first name that needs it. */
  private byAcronym: Map<string, number[]> | null = null;

  constructor(
    private readonly index: ClientIndex,
    private readonly settings: MatcherSettings,
    private readonly aliases: ReadonlyMap<string, number>,
    /** Organization id -> client ids the user rejected for it. */
    private readonly rejected: ReadonlyMap<string, ReadonlySet<number>>,
  ) {
    this.records = index.records;
    this.blocker = new Blocker(index.records, index.vocabulary);
  }

  name(position: number): string {
    return this.records[position]?.name ?? '';
  }

  clientId(position: number): number {
    return this.records[position]?.id ?? -1;
  }

  decide(organization: OrganizationInput, keys: NameKeys): Outcome {
    const excluded = this.rejected.get(organization.id);

    const aliasClient = this.aliases.get(organization.id);
    const aliasPosition = aliasClient === undefined ? undefined : this.index.byClientId.get(aliasClient);
    if (aliasPosition !== undefined && excluded?.has(this.clientId(aliasPosition)) !== true) {
      return this.match(
        'id',
        aliasPosition,
        1,
        `remembered: ${quote(this.name(aliasPosition))} was accepted before`,
      );
    }

    // The strongest computed evidence; a tenant id on two or more clients is no evidence at all.
    const tenant = normaliseTenantId(organization.microsoftTenantId);
    const tenantClients = tenant === null ? undefined : this.index.byTenant.get(tenant);
    if (tenant !== null && tenantClients?.length === 1) {
      const [position] = tenantClients;
      if (position !== undefined && excluded?.has(this.clientId(position)) !== true) {
        const reason = `same Microsoft tenant ${tenant.slice(0, 8)}... as ${quote(this.name(position))}`;
        return this.match('tenant', position, 1, reason);
      }
    }

    let narrowing: Narrowing | null = null;

    const externalId = normaliseExternalId(organization.externalId);
    if (externalId !== null) {
      const pick = this.pickOne(this.index.byExternalId.get(externalId), excluded, narrowing);
      if (pick?.kind === 'one') {
        const record = this.records[pick.position];
        const field = record?.externalIds.find((entry) => entry.value === externalId)?.field ?? 'id';
        const reason = `id ${quote(String(organization.externalId).trim())} = ${field} of ${quote(this.name(pick.position))}`;
        return this.match('id', pick.position, 1, reason, pick.skippedInactive);
      }
      if (pick?.kind === 'many')
        narrowing = { signal: 'id', evidence: `id ${quote(externalId)}`, positions: pick.positions };
    }

    // The first of the organization's domains that some client has is the one that counts.
    let domain = registrableDomain(organization.domain);
    let domainClients = domain === null ? undefined : this.index.byDomain.get(domain);
    for (const other of organization.domains ?? []) {
      if (domainClients !== undefined) break;
      domain = registrableDomain(other);
      domainClients = domain === null ? undefined : this.index.byDomain.get(domain);
    }
    if (domain !== null && domainClients !== undefined && domainClients.length <= MAX_CLIENTS_PER_DOMAIN) {
      const pick = this.pickOne(domainClients, excluded, narrowing);
      if (pick?.kind === 'one') {
        const reason = `domain ${quote(domain)} = website of ${quote(this.name(pick.position))}`;
        return this.match('domain', pick.position, 0.99, reason, pick.skippedInactive);
      }
      if (pick?.kind === 'many') {
        narrowing = { signal: 'domain', evidence: `domain ${quote(domain)}`, positions: pick.positions };
      }
    }

    const exact = this.pickOne(this.index.byExactName.get(keys.exact), excluded, narrowing);
    if (exact?.kind === 'one') {
      return this.match('exact', exact.position, 1, `exact name ${quote(keys.exact)}`, exact.skippedInactive);
    }

    const keyed = this.clientsByKey(keys);
    const normalised = this.pickOne(keyed, excluded, narrowing);
    if (normalised?.kind === 'one') {
      const reason = this.normalisedReason(keys, normalised.position);
      return this.match('normalised', normalised.position, 0.97, reason, normalised.skippedInactive);
    }
    if (normalised === null) {
      const reordered = this.pickOne(this.clientsInAnyOrder(keys), excluded, narrowing);
      if (reordered?.kind === 'one') {
        const reason = `same words in another order: ${quote(keys.key)} = ${quote(this.name(reordered.position))}`;
        return this.match('normalised', reordered.position, 0.95, reason, reordered.skippedInactive);
      }
      const byInitials = this.acronymMatch(keys, excluded, narrowing);
      if (byInitials !== null) return byInitials;
    }
    if (normalised?.kind === 'many' && narrowing === null) {
      narrowing = {
        signal: 'normalised',
        evidence: `normalised name ${quote(keys.key)}`,
        positions: normalised.positions,
      };
    }
    if (narrowing === null) return this.fuzzy(keys, excluded);

    // The id or domain points at several clients, and the name at one client outside them: the
    // evidence disagrees, so nobody should guess.
    const byName =
      this.pickOne(this.index.byExactName.get(keys.exact), excluded, null) ??
      this.pickOne(keyed, excluded, null);
    if (byName?.kind === 'one' && !narrowing.positions.includes(byName.position)) {
      const names = narrowing.positions.slice(0, 3).map((position) => quote(this.name(position)));
      return {
        kind: 'ambiguous',
        reason: `ambiguous: ${narrowing.evidence} points at ${names.join(', ')} but the name at ${quote(this.name(byName.position))}`,
        candidates: [
          { position: byName.position, score: 1 },
          ...narrowing.positions.slice(0, 2).map((position) => ({ position, score: 1 })),
        ],
      };
    }
    return this.chooseWithin(narrowing, keys);
  }

  /** Clients whose normalised, compact (with or without expanded abbreviations) or umlaut key is the name's. */
  private clientsByKey(keys: NameKeys): readonly number[] {
    const byKey = this.index.byKey;
    const plain = byKey.get(keys.key);
    let found: Set<number> | null = null;
    const add = (other: string | null): void => {
      const more = other === null || other === keys.key ? undefined : byKey.get(other);
      if (more === undefined || more === plain) return;
      found ??= new Set(plain);
      for (const position of more) found.add(position);
    };
    add(keys.compactKey);
    add(keys.literalCompactKey);
    add(keys.altKey);
    return found === null ? (plain ?? []) : [...(found as Set<number>)];
  }

  /** Clients with the name's words in another order: their sorted words, or their key, are its sorted words. */
  private clientsInAnyOrder(keys: NameKeys): readonly number[] | undefined {
    if (keys.sortedKey === keys.key) return this.index.byWordSet.get(keys.sortedKey);
    const reordered = this.index.byWordSet.get(keys.sortedKey);
    const sortedAlready = this.index.byKey.get(keys.sortedKey);
    if (reordered === undefined || sortedAlready === undefined) return reordered ?? sortedAlready;
    return [...new Set([...reordered, ...sortedAlready])];
  }

  private normalisedReason(keys: NameKeys, position: number): string {
    const client = this.records[position]?.keys;
    const name = quote(this.name(position));
    if (
      client === undefined ||
      client.key === keys.key ||
      client.key === keys.altKey ||
      client.altKey === keys.key
    )
      return `normalised name ${quote(keys.key)} = ${name}`;
    const compact = keys.literalCompactKey ?? keys.compactKey;
    return `same letters without spaces ${quote(compact)} = ${name}`;
  }

  private clientsByAcronym(): Map<string, number[]> {
    if (this.byAcronym === null) {
      this.byAcronym = new Map();
      for (const record of this.records) {
        if (record.keys.acronym !== null) addTo(this.byAcronym, record.keys.acronym, record.position);
      }
    }
    return this.byAcronym;
  }

  /**
   * A name that is another's initials: "IBM" for "International Business Machines". The short side must
   * be written in capitals and be no word of any client name, so "Ace" never stands for "Alpha Cleaning
   * Enterprises" and "ABC" never for a client that merely has "ABC" in its name.
   */
  private acronymMatch(
    keys: NameKeys,
    excluded: ReadonlySet<number> | undefined,
    narrowing: Narrowing | null,
  ): Outcome | null {
    if (keys.tokens.length === 1 && isWrittenAsInitials(keys.exact, keys.key)) {
      if (this.index.vocabulary.idOf(keys.key) !== undefined) return null;
      const pick = this.pickOne(this.clientsByAcronym().get(keys.key), excluded, narrowing);
      if (pick?.kind !== 'one') return null;
      const reason = `${quote(keys.key)} = initials of ${quote(this.name(pick.position))}`;
      return this.match('normalised', pick.position, 0.9, reason, pick.skippedInactive);
    }
    const spelt = keys.acronym === null ? undefined : this.index.byKey.get(keys.acronym);
    if (keys.acronym === null || spelt === undefined) return null;
    const written = spelt.filter((position) => {
      const record = this.records[position];
      if (record === undefined || record.keys.tokens.length !== 1) return false;
      const word = record.tokenIds[0] ?? -1;
      return (
        this.index.vocabulary.documentFrequency(word) === 1 &&
        isWrittenAsInitials(record.name, record.keys.key)
      );
    });
    const pick = this.pickOne(written, excluded, narrowing);
    if (pick?.kind !== 'one') return null;
    const reason = `initials ${quote(keys.acronym)} of the name = ${quote(this.name(pick.position))}`;
    return this.match('normalised', pick.position, 0.9, reason, pick.skippedInactive);
  }

  /**
   * Of the clients a signal found (minus rejected ones and, if a stronger signal narrowed the field,
   * minus those outside it): one active client wins over inactive ones; two or more actives, or only
   * inactives, are "many".
   */
  private pickOne(
    found: readonly number[] | undefined,
    excluded: ReadonlySet<number> | undefined,
    narrowing: Narrowing | null,
  ): Pick | null {
    if (found === undefined || found.length === 0) return null;
    const all: number[] = [];
    const active: number[] = [];
    for (const position of found) {
      const record = this.records[position];
      if (record === undefined || excluded?.has(record.id) === true) continue;
      if (narrowing !== null && !narrowing.positions.includes(position)) continue;
      all.push(position);
      if (!record.inactive) active.push(position);
    }
    const [onlyActive] = active;
    if (active.length === 1 && onlyActive !== undefined) {
      return { kind: 'one', position: onlyActive, skippedInactive: all.length - 1 };
    }
    const [only] = all;
    if (all.length === 1 && only !== undefined) return { kind: 'one', position: only, skippedInactive: 0 };
    if (all.length === 0) return null;
    return { kind: 'many', positions: active.length >= 2 ? active : all };
  }

  /** Several clients share the id, domain or normalised name: the name may still tell them apart. */
  private chooseWithin(narrowing: Narrowing, keys: NameKeys): Outcome {
    const ranked = this.rank(
      this.queries(keys),
      narrowing.positions.map((position) => ({ position, score: 0 })),
    );
    const [best, runnerUp] = this.bestAndRunnerUp(ranked);
    if (
      narrowing.signal !== 'normalised' &&
      best !== undefined &&
      best.score >= NARROWED_NAME_THRESHOLD &&
      (runnerUp === null || best.score - runnerUp.score >= this.settings.margin)
    ) {
      const reason =
        `${narrowing.evidence} shared by ${narrowing.positions.length} clients; name picks ` +
        `${quote(this.name(best.position))} ${fixed(best.score)}` +
        (runnerUp === null ? '' : ` over runner-up ${fixed(runnerUp.score)}`);
      return {
        kind: 'match',
        signal: narrowing.signal,
        position: best.position,
        score: 0.95,
        reason,
        runnerUp,
        candidates: ranked.slice(0, 3),
      };
    }
    const names = ranked.slice(0, 3).map((candidate) => quote(this.name(candidate.position)));
    return {
      kind: 'ambiguous',
      reason: `ambiguous: ${narrowing.evidence} fits ${narrowing.positions.length} clients (${names.join(', ')})`,
      candidates: ranked.slice(0, 3),
    };
  }

  private fuzzy(keys: NameKeys, excluded: ReadonlySet<number> | undefined): Outcome {
    const queries = this.queries(keys);
    const { threshold, margin } = this.settings;
    const floor = Math.max(0, threshold - margin - BLOCKING_SLACK);
    const first = queries[0];
    const blocked =
      first === undefined ? [] : this.blocker.candidates(first, floor, CANDIDATES_SCORED, excluded);
    const ranked = this.rank(queries, blocked);
    const [best, runnerUp] = this.bestAndRunnerUp(ranked);
    const candidates = ranked.slice(0, 3);
    if (best === undefined)
      return { kind: 'none', reason: 'no client shares a word with this name', candidates };
    const bestText = `${quote(this.name(best.position))} ${fixed(best.score)}`;
    if (best.score < threshold) {
      const shortForm = this.shortFormMatch(keys, excluded);
      if (shortForm !== null) return shortForm;
      return {
        kind: 'none',
        reason: `no client scored ${fixed(threshold)} or more (best ${bestText})`,
        candidates,
      };
    }
    if (runnerUp !== null && best.score - runnerUp.score < margin) {
      const other = `${quote(this.name(runnerUp.position))} ${fixed(runnerUp.score)}`;
      return {
        kind: 'ambiguous',
        reason: `ambiguous: ${bestText} and ${other} fit about equally`,
        candidates,
      };
    }
    const reason =
      `fuzzy ${fixed(best.score)} ${quote(this.name(best.position))} ` +
      (runnerUp === null ? 'with no runner-up' : `over runner-up ${fixed(runnerUp.score)}`);
    return {
      kind: 'match',
      signal: 'fuzzy',
      position: best.position,
      score: best.score,
      reason,
      runnerUp,
      candidates,
    };
  }

  /**
   * A client whose whole name is one word of ours, a word no other client has, where that word ends a
   * part of our name: "Curtis" for "Chicago Public Schools Curtis, George W.", "Penn" for "Penn
   * (Blended)", but not "Palmer" for "Christopher House Palmer Square" nor "Ray" for "Ray Gonzalez
   * Center". The usual short form of a longer name. Two such clients in one name, or a number
   * ("Unit 4"), and nobody should guess. The score stays
   * the low fuzzy one, so a bulk accept by score leaves it to a person; the reason says why it stands.
   */
  private shortFormMatch(keys: NameKeys, excluded: ReadonlySet<number> | undefined): Outcome | null {
    if (keys.tokens.length < 2) return null;
    const vocabulary = this.index.vocabulary;
    let found: number | null = null;
    for (const token of keys.tokens) {
      const tokenId = vocabulary.idOf(token);
      if (tokenId === undefined || vocabulary.documentFrequency(tokenId) !== 1 || isNumber(token)) continue;
      const [position] = vocabulary.postings(tokenId);
      const record = position === undefined ? undefined : this.records[position];
      if (record === undefined || record.tokenIds.length !== 1 || excluded?.has(record.id) === true) continue;
      if (!endsAPart(keys.exact, token)) continue;
      if (found !== null && found !== record.position) return null;
      found = record.position;
    }
    if (found === null) return null;
    const [scored] = this.rank(this.queries(keys), [{ position: found, score: 0 }]);
    const score = scored?.score ?? 0;
    const client = quote(this.name(found));
    return {
      kind: 'match',
      signal: 'fuzzy',
      position: found,
      score,
      reason: `short form: ${client} is one word of the name, and no other client has it (fuzzy ${fixed(score)})`,
      runnerUp: null,
      candidates: [{ position: found, score }],
      standsWithOthers: true,
    };
  }

  /** The organization name as fuzzy queries: its plain spelling and, if it has umlauts, the "ue" one. */
  private queries(keys: NameKeys): QueryName[] {
    const vocabulary = this.index.vocabulary;
    const queries = [prepareQuery(keys.tokens, vocabulary)];
    if (keys.altKey !== null) queries.push(prepareQuery(keys.altKey.split(' '), vocabulary));
    return queries;
  }

  /** Full scores, best first; an inactive client ranks just below an active one with the same score. */
  private rank(queries: readonly QueryName[], candidates: readonly Candidate[]): Candidate[] {
    const vocabulary = this.index.vocabulary;
    const scored: { position: number; score: number; rank: number }[] = [];
    for (const { position } of candidates) {
      const record = this.records[position];
      if (record === undefined) continue;
      let score = 0;
      for (const query of queries) score = Math.max(score, scoreName(query, record, vocabulary));
      scored.push({ position, score, rank: score - (record.inactive ? INACTIVE_PENALTY : 0) });
    }
    scored.sort(byRank);
    return scored.map(({ position, score }) => ({ position, score }));
  }

  /** The runner-up is the best other client, except an inactive copy of an active best. */
  private bestAndRunnerUp(ranked: readonly Candidate[]): [Candidate | undefined, Candidate | null] {
    const best = ranked[0];
    if (best === undefined) return [undefined, null];
    const bestRecord = this.records[best.position];
    for (let n = 1; n < ranked.length; n++) {
      const candidate = ranked[n];
      if (candidate === undefined) continue;
      const record = this.records[candidate.position];
      const inactiveTwin =
        bestRecord?.inactive === false &&
        record?.inactive === true &&
        record.keys.key === bestRecord.keys.key;
      if (!inactiveTwin) return [best, candidate];
    }
    return [best, null];
  }

  private match(
    signal: Exclude<MatchSignal, 'none'>,
    position: number,
    score: number,
    reason: string,
    skippedInactive = 0,
  ): Outcome {
    const note = skippedInactive > 0 ? ` (active; ${skippedInactive} inactive duplicate skipped)` : '';
    return {
      kind: 'match',
      signal,
      position,
      score,
      reason: reason + note,
      runnerUp: null,
      candidates: [{ position, score }],
    };
  }
}

const PART_END = /[,;([{/|\u2013\u2014-]/;
const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set(LEGAL_FORM_TOKENS.map((form) => form.join('')));

/**
 * Whether `word` ends a part of the name as written: only a legal form, if anything, stands between it
 * and a comma, a bracket, a dash or the end ("Curtis, George W.", "Penn (Blended)", "Alcatel N.V."), not
 * another word it may belong with ("Palmer Square", "Ray Gonzalez").
 */
function endsAPart(exact: string, word: string): boolean {
  const text = stripAccents(exact).toLowerCase();
  const found = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').exec(text);
  if (found === null) return false;
  const rest = text.slice(found.index + word.length).split(PART_END)[0] ?? '';
  // "N.V." and "B. V." are one form: letters of one-letter runs are joined before the lookup.
  const words = rest.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const joined = words.join(words.every((w) => w.length === 1) ? '' : ' ');
  return joined === '' || joined.split(' ').every((w) => LEGAL_FORM_WORDS.has(w));
}

const MIN_ACRONYM_LENGTH = 3;

/** "IBM", "I.B.M.": the key is one word of three or more letters, and the name has no lower-case letter. */
function isWrittenAsInitials(exact: string, key: string): boolean {
  return key.length >= MIN_ACRONYM_LENGTH && !/\d/.test(key) && exact === exact.toUpperCase();
}

function byRank(a: { rank: number }, b: { rank: number }): number {
  return b.rank - a.rank;
}
