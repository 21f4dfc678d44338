import { throwIfAborted } from './abort';
import { buildClientIndex, type ClientIndex, type ClientRecord, normaliseExternalId } from './client-index';
import { registrableDomain } from './domain';
import { type QueryName, prepareQuery, scoreName } from './name-score';
import { type NameKeys, normaliseName } from './normalise-name';
import type {
  HaloClientInput,
  MatchSignal,
  OrganizationInput,
  OrganizationSuggestion,
  ScoredClient,
  SuggestOptions,
  SuggestResult,
  SuggestSummary,
} from './types';

export const DEFAULT_THRESHOLD = 0.86;
export const DEFAULT_MARGIN = 0.07;

/** Fuzzy candidates fully scored per organization after blocking. */
const CANDIDATES_SCORED = 10;
/** A word carried by more clients than this (and by at least 2%) is too common to block on. */
const COMMON_WORD_MIN = 64;
const COMMON_WORD_SHARE = 0.02;
/** A website shared by more clients than this is a host or the MSP's own site, not evidence. */
const MAX_CLIENTS_PER_DOMAIN = 25;
/** Within clients already narrowed down by id or domain, the name only has to tell them apart. */
const NARROWED_NAME_THRESHOLD = 0.5;
/** An inactive client ranks just below an active one with the same score. */
const INACTIVE_PENALTY = 0.02;
const ABORT_CHECK_EVERY = 64;

interface Candidate {
  position: number;
  score: number;
}

type StrongSignal = Exclude<MatchSignal, 'none' | 'fuzzy'>;

type Outcome =
  | {
      kind: 'match';
      signal: Exclude<MatchSignal, 'none'>;
      position: number;
      score: number;
      reason: string;
      runnerUp: Candidate | null;
      candidates: Candidate[];
    }
  | { kind: 'ambiguous' | 'none'; reason: string; candidates: Candidate[] };

/** Clients that a stronger signal found but could not tell apart; later signals choose among them. */
interface Narrowing {
  signal: StrongSignal;
  evidence: string;
  positions: number[];
}

type Pick = { kind: 'one'; position: number; skippedInactive: number } | { kind: 'many'; positions: number[] };

interface Settings {
  threshold: number;
  margin: number;
}

const quote = (text: string): string => `'${text}'`;
const fixed = (score: number): string => score.toFixed(2);

function pairKey(organizationId: string, clientId: number): string {
  return `${organizationId}\u0000${clientId}`;
}

/** One active client wins over inactive ones; two or more actives (or only inactives) are ambiguous. */
function pickOne(positions: readonly number[], records: readonly ClientRecord[]): Pick | null {
  if (positions.length === 0) return null;
  const active = positions.filter((position) => records[position]?.inactive !== true);
  if (active.length === 1 && active[0] !== undefined) {
    return { kind: 'one', position: active[0], skippedInactive: positions.length - 1 };
  }
  if (positions.length === 1 && positions[0] !== undefined) {
    return { kind: 'one', position: positions[0], skippedInactive: 0 };
  }
  return { kind: 'many', positions: active.length >= 2 ? active : positions.slice() };
}

function unique(lists: readonly (readonly number[] | undefined)[]): number[] {
  const seen = new Set<number>();
  for (const list of lists) for (const position of list ?? []) seen.add(position);
  return [...seen];
}

/** Stateful matcher for one run: the client index, the user's knowledge and reusable scratch space. */
class Matcher {
  private readonly records: ClientRecord[];
  private readonly accumulator: Float64Array;
  private readonly commonWordLimit: number;

  constructor(
    private readonly index: ClientIndex,
    private readonly settings: Settings,
    private readonly aliases: ReadonlyMap<string, number>,
    private readonly rejected: ReadonlySet<string>,
  ) {
    this.records = index.records;
    this.accumulator = new Float64Array(index.records.length);
    this.commonWordLimit = Math.max(COMMON_WORD_MIN, Math.ceil(index.records.length * COMMON_WORD_SHARE));
  }

  name(position: number): string {
    return this.records[position]?.name ?? '';
  }

  clientId(position: number): number {
    return this.records[position]?.id ?? -1;
  }

  decide(organization: OrganizationInput): Outcome {
    const allowed = (position: number): boolean =>
      !this.rejected.has(pairKey(organization.id, this.clientId(position)));
    const keys = normaliseName(typeof organization.name === 'string' ? organization.name : '');

    const aliasClient = this.aliases.get(organization.id);
    const aliasPosition = aliasClient === undefined ? undefined : this.index.byClientId.get(aliasClient);
    if (aliasPosition !== undefined && allowed(aliasPosition)) {
      return this.match('id', aliasPosition, 1, `remembered: ${quote(this.name(aliasPosition))} was accepted before`);
    }

    let narrowing: Narrowing | null = null;
    const within = (positions: readonly number[] | undefined): number[] =>
      (positions ?? []).filter(
        (position) => allowed(position) && (narrowing === null || narrowing.positions.includes(position)),
      );

    const externalId = normaliseExternalId(organization.externalId);
    if (externalId !== null) {
      const pick = pickOne(within(this.index.byExternalId.get(externalId)), this.records);
      if (pick?.kind === 'one') {
        const field = this.records[pick.position]?.externalIds.find((e) => e.value === externalId)?.field ?? 'id';
        const reason = `id ${quote(String(organization.externalId).trim())} = ${field} of ${quote(this.name(pick.position))}`;
        return this.match('id', pick.position, 1, reason, pick.skippedInactive);
      }
      if (pick?.kind === 'many') {
        narrowing = { signal: 'id', evidence: `id ${quote(externalId)}`, positions: pick.positions };
      }
    }

    const domain = registrableDomain(organization.domain);
    const domainClients = domain === null ? undefined : this.index.byDomain.get(domain);
    if (domain !== null && domainClients !== undefined && domainClients.length <= MAX_CLIENTS_PER_DOMAIN) {
      const pick = pickOne(within(domainClients), this.records);
      if (pick?.kind === 'one') {
        const reason = `domain ${quote(domain)} = website of ${quote(this.name(pick.position))}`;
        return this.match('domain', pick.position, 0.99, reason, pick.skippedInactive);
      }
      if (pick?.kind === 'many') {
        narrowing = { signal: 'domain', evidence: `domain ${quote(domain)}`, positions: pick.positions };
      }
    }

    const exact = pickOne(within(this.index.byExactName.get(keys.exact)), this.records);
    if (exact?.kind === 'one') {
      return this.match('exact', exact.position, 1, `exact name ${quote(keys.exact)}`, exact.skippedInactive);
    }

    const normalisedClients = within(
      unique([
        this.index.byKey.get(keys.key),
        this.index.byKey.get(keys.compactKey),
        keys.altKey === null ? undefined : this.index.byKey.get(keys.altKey),
      ]),
    );
    const normalised = pickOne(normalisedClients, this.records);
    if (normalised?.kind === 'one') {
      const reason = `normalised name ${quote(keys.key)} = ${quote(this.name(normalised.position))}`;
      return this.match('normalised', normalised.position, 0.97, reason, normalised.skippedInactive);
    }
    if (normalised?.kind === 'many' && narrowing === null) {
      narrowing = {
        signal: 'normalised',
        evidence: `normalised name ${quote(keys.key)}`,
        positions: normalised.positions,
      };
    }

    return narrowing === null ? this.fuzzy(keys, allowed) : this.chooseWithin(narrowing, keys);
  }

  /** Several clients share the id, domain or normalised name: the name may still tell them apart. */
  private chooseWithin(narrowing: Narrowing, keys: NameKeys): Outcome {
    const ranked = this.rank(
      this.queries(keys),
      narrowing.positions.map((position) => ({ position, score: 0 })),
    );
    const [best, runnerUp = null] = this.bestAndRunnerUp(ranked);
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
    const names = ranked.slice(0, 3).map((c) => quote(this.name(c.position)));
    return {
      kind: 'ambiguous',
      reason: `ambiguous: ${narrowing.evidence} fits ${narrowing.positions.length} clients (${names.join(', ')})`,
      candidates: ranked.slice(0, 3),
    };
  }

  private fuzzy(keys: NameKeys, allowed: (position: number) => boolean): Outcome {
    const queries = this.queries(keys);
    const blocked = this.block(queries[0] ?? prepareQuery([], this.index.vocabulary), allowed);
    const ranked = this.rank(queries, blocked);
    const [best, runnerUp = null] = this.bestAndRunnerUp(ranked);
    const candidates = ranked.slice(0, 3);
    if (best === undefined) return { kind: 'none', reason: 'no client shares a word with this name', candidates };
    const bestText = `${quote(this.name(best.position))} ${fixed(best.score)}`;
    if (best.score < this.settings.threshold) {
      return {
        kind: 'none',
        reason: `no client scored ${fixed(this.settings.threshold)} or more (best ${bestText})`,
        candidates,
      };
    }
    if (runnerUp !== null && best.score - runnerUp.score < this.settings.margin) {
      return {
        kind: 'ambiguous',
        reason: `ambiguous: ${bestText} and ${quote(this.name(runnerUp.position))} ${fixed(runnerUp.score)} fit about equally`,
        candidates,
      };
    }
    const reason =
      `fuzzy ${fixed(best.score)} ${quote(this.name(best.position))} ` +
      (runnerUp === null ? 'with no runner-up' : `over runner-up ${fixed(runnerUp.score)}`);
    return { kind: 'match', signal: 'fuzzy', position: best.position, score: best.score, reason, runnerUp, candidates };
  }

  /** The organization name as fuzzy queries: its plain spelling and, if it has umlauts, the "ue" one. */
  private queries(keys: NameKeys): QueryName[] {
    const vocabulary = this.index.vocabulary;
    const queries = [prepareQuery(keys.tokens, vocabulary)];
    if (keys.altKey !== null) queries.push(prepareQuery(keys.altKey.split(' '), vocabulary));
    return queries;
  }

  /**
   * Blocking: only clients sharing a not-too-common word (or a typo of one) with the name are
   * candidates. Each adds up the weight of the words it shares, and the best few by that estimate are
   * scored in full. This is what keeps the run far below comparing every pair.
   */
  private block(query: QueryName, allowed: (position: number) => boolean): Candidate[] {
    const vocabulary = this.index.vocabulary;
    let rarest = Number.POSITIVE_INFINITY;
    for (const neighbours of query.neighbours) {
      for (const tokenId of neighbours.keys()) rarest = Math.min(rarest, vocabulary.documentFrequency(tokenId));
    }
    const limit = Math.max(this.commonWordLimit, rarest);
    const accumulator = this.accumulator;
    const touched: number[] = [];
    for (const neighbours of query.neighbours) {
      for (const [tokenId, similarity] of neighbours) {
        if (vocabulary.documentFrequency(tokenId) > limit) continue;
        const gain = similarity * vocabulary.idf(tokenId);
        for (const position of vocabulary.postings(tokenId)) {
          if (accumulator[position] === 0) touched.push(position);
          accumulator[position] = (accumulator[position] ?? 0) + gain;
        }
      }
    }
    // Keep the best few by the estimate 2 * shared weight / (both names' weight).
    const top: Candidate[] = [];
    for (const position of touched) {
      const shared = accumulator[position] ?? 0;
      accumulator[position] = 0;
      const record = this.records[position];
      if (record === undefined || !allowed(position)) continue;
      const estimate = (2 * shared) / (query.weightTotal + record.weightTotal);
      if (top.length === CANDIDATES_SCORED && estimate <= (top[top.length - 1]?.score ?? 0)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]?.score ?? 0) < estimate) at--;
      top.splice(at, 0, { position, score: estimate });
      if (top.length > CANDIDATES_SCORED) top.pop();
    }
    return top;
  }

  /** Full scores, best first; an inactive client ranks just below an active one with the same score. */
  private rank(queries: readonly QueryName[], candidates: readonly Candidate[]): Candidate[] {
    const vocabulary = this.index.vocabulary;
    const scored: Candidate[] = [];
    for (const { position } of candidates) {
      const record = this.records[position];
      if (record === undefined) continue;
      let score = 0;
      for (const query of queries) score = Math.max(score, scoreName(query, record, vocabulary));
      scored.push({ position, score });
    }
    const rankOf = (c: Candidate): number =>
      c.score - (this.records[c.position]?.inactive === true ? INACTIVE_PENALTY : 0);
    return scored.sort((a, b) => rankOf(b) - rankOf(a));
  }

  /** The runner-up is the best other client, except an inactive copy of an active best. */
  private bestAndRunnerUp(ranked: readonly Candidate[]): [Candidate | undefined, Candidate | undefined] {
    const best = ranked[0];
    if (best === undefined) return [undefined, undefined];
    const bestRecord = this.records[best.position];
    const runnerUp = ranked.slice(1).find((candidate) => {
      const record = this.records[candidate.position];
      const inactiveTwin =
        bestRecord?.inactive === false && record?.inactive === true && record.keys.key === bestRecord.keys.key;
      return !inactiveTwin;
    });
    return [best, runnerUp];
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

interface Decision {
  organization: OrganizationInput;
  outcome: Outcome;
}

/**
 * "Prefer mutual best matches": a fuzzy suggestion stands only if no other organization fits the same
 * client clearly better. Several organizations may still share one client when they fit it about
 * equally well (duplicates on our side), but "Northgate Plumbers" does not take the client that
 * "Northgate Plumbing Ltd" matched exactly.
 */
function enforceMutualBest(decisions: Decision[], matcher: Matcher, margin: number): void {
  const bestClaim = new Map<number, { score: number; decision: number }>();
  const claim = (position: number, score: number, decision: number): void => {
    const current = bestClaim.get(position);
    if (current === undefined || score > current.score) bestClaim.set(position, { score, decision });
  };
  decisions.forEach(({ outcome }, decision) => {
    if (outcome.kind === 'match') claim(outcome.position, outcome.signal === 'fuzzy' ? outcome.score : 1, decision);
    else for (const candidate of outcome.candidates) claim(candidate.position, candidate.score, decision);
  });
  decisions.forEach((entry, decision) => {
    const { outcome } = entry;
    if (outcome.kind !== 'match' || outcome.signal !== 'fuzzy') return;
    const best = bestClaim.get(outcome.position);
    if (best === undefined || best.decision === decision || best.score - outcome.score <= margin) return;
    const rival = decisions[best.decision]?.organization.name ?? '';
    entry.outcome = {
      kind: 'none',
      reason:
        `${quote(matcher.name(outcome.position))} fits organization ${quote(rival)} better ` +
        `(${fixed(best.score)} vs ${fixed(outcome.score)})`,
      candidates: outcome.candidates,
    };
  });
}

function toSuggestion(decision: Decision, matcher: Matcher): OrganizationSuggestion {
  const { organization, outcome } = decision;
  const scored = (candidate: Candidate): ScoredClient => ({
    clientId: matcher.clientId(candidate.position),
    name: matcher.name(candidate.position),
    score: candidate.score,
  });
  if (outcome.kind === 'match') {
    return {
      organizationId: organization.id,
      clientId: matcher.clientId(outcome.position),
      score: outcome.score,
      signal: outcome.signal,
      reason: outcome.reason,
      runnerUp: outcome.runnerUp === null ? null : scored(outcome.runnerUp),
      ambiguous: false,
      candidates: outcome.candidates.map(scored),
    };
  }
  const candidates = outcome.candidates.map(scored);
  return {
    organizationId: organization.id,
    clientId: null,
    score: candidates[0]?.score ?? 0,
    signal: 'none',
    reason: outcome.reason,
    runnerUp: outcome.kind === 'ambiguous' ? (candidates[1] ?? null) : null,
    ambiguous: outcome.kind === 'ambiguous',
    candidates,
  };
}

function summarise(suggestions: readonly OrganizationSuggestion[]): SuggestSummary {
  const summary: SuggestSummary = { id: 0, domain: 0, exact: 0, normalised: 0, fuzzy: 0, ambiguous: 0, none: 0 };
  for (const suggestion of suggestions) {
    if (suggestion.ambiguous) summary.ambiguous++;
    else summary[suggestion.signal]++;
  }
  return summary;
}

/**
 * Suggests at most one Halo client per organization, strongest evidence first: a remembered alias, an
 * external id, the website domain, the exact name, the normalised name, then a fuzzy name score that
 * must clear a threshold, lead the runner-up by a margin and be the client's best fit. Pure and
 * synchronous; checks `options.signal` periodically and throws `MappingAbortedError` when it is set.
 */
export function suggestMappings(
  organizations: readonly OrganizationInput[],
  clients: readonly HaloClientInput[],
  options: SuggestOptions = {},
): SuggestResult {
  const settings: Settings = {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    margin: options.margin ?? DEFAULT_MARGIN,
  };
  throwIfAborted(options.signal);
  const index = buildClientIndex(clients, options.signal);
  const aliases = new Map<string, number>();
  for (const alias of options.aliases ?? []) aliases.set(alias.organizationId, alias.clientId);
  const rejected = new Set<string>();
  for (const pair of options.rejected ?? []) rejected.add(pairKey(pair.organizationId, pair.clientId));
  const matcher = new Matcher(index, settings, aliases, rejected);

  const only = options.onlyOrganizationIds;
  const decisions: Decision[] = [];
  for (const organization of organizations) {
    if (only !== undefined && !only.has(organization.id)) continue;
    if (decisions.length % ABORT_CHECK_EVERY === 0) throwIfAborted(options.signal);
    decisions.push({ organization, outcome: matcher.decide(organization) });
  }
  throwIfAborted(options.signal);
  enforceMutualBest(decisions, matcher, settings.margin);
  const suggestions = decisions.map((decision) => toSuggestion(decision, matcher));
  return { suggestions, summary: summarise(suggestions) };
}
