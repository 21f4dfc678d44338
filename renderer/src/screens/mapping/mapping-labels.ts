import type {
  HaloOptionClient,
  MappingStatus,
  MappingValue,
  SuggestCounts,
  Suggestion,
} from '../../../../shared/mapping-contract';

/** The filter chips, in the order a technician works through them (what needs attention first). */
export const STATUS_ORDER: readonly MappingStatus[] = [
  'unmapped',
  'suggested',
  'conflict',
  'stale',
  'changed',
  'mapped',
  'excluded',
];

export const STATUS_LABEL: Record<MappingStatus, string> = {
  unmapped: 'Unmapped',
  suggested: 'Suggested',
  mapped: 'Mapped',
  conflict: 'Client not in Halo',
  stale: 'Stale',
  excluded: 'Excluded',
  changed: 'Changed',
};

/** What each status asks of the technician, for the chip's tooltip and the badge's title. */
export const STATUS_HINT: Record<MappingStatus, string> = {
  unmapped: 'No Halo client chosen yet',
  suggested: 'A suggestion waits for review: accept or reject it',
  mapped: 'Saved, and the Halo client is as it was',
  conflict: 'The chosen client is not in Halo: pick another before saving',
  stale: 'Saved, but the Halo client went inactive, was renamed or is gone',
  excluded: 'Deliberately not mapped',
  changed: 'Edited since the last save',
};

const SIGNAL_LABEL: Record<Suggestion['signal'], string> = {
  id: 'id match',
  tenant: 'Microsoft tenant',
  domain: 'domain',
  exact: 'exact name',
  normalised: 'normalised name',
  fuzzy: 'fuzzy',
  none: 'no match',
  manual: 'chosen by hand',
  import: 'imported',
};

export function signalLabel(signal: Suggestion['signal']): string {
  return SIGNAL_LABEL[signal];
}

/** "fuzzy 0.93": the signal and, where a score tells something, the score. */
export function signalWithScore(signal: Suggestion['signal'], score: number | null): string {
  const label = signalLabel(signal);
  if (score === null || signal === 'manual' || signal === 'import' || signal === 'none') return label;
  return `${label} ${score.toFixed(2)}`;
}

/** "#31 · Customers · inactive": what tells two clients of the same name apart. */
export function clientDetails(client: Pick<HaloOptionClient, 'id' | 'toplevelName' | 'inactive'>): string {
  const parts = [`#${client.id}`];
  if (client.toplevelName) parts.push(client.toplevelName);
  if (client.inactive) parts.push('inactive');
  return parts.join(' · ');
}

/** A mapping value in a few words, for "was: …" and the save diff. */
export function describeValue(value: MappingValue): string {
  if (value.state === 'unmapped') return 'unmapped';
  if (value.state === 'excluded') return 'excluded';
  return `${value.clientName} (#${value.clientId})`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "212 exact, 31 fuzzy, 9 ambiguous, 40 none": what a Suggest run found, as the issue words it. */
export function suggestSummary(counts: SuggestCounts): string {
  const parts: string[] = [];
  const add = (n: number, label: string) => {
    if (n > 0) parts.push(`${count(n)} ${label}`);
  };
  add(counts.id, 'by id');
  add(counts.domain, 'by domain');
  add(counts.exact, 'exact');
  add(counts.normalised, 'normalised');
  add(counts.fuzzy, 'fuzzy');
  add(counts.ambiguous, 'ambiguous');
  add(counts.none, 'none');
  const found = parts.length > 0 ? parts.join(', ') : 'nothing to suggest';
  const skipped =
    counts.skipped > 0
      ? ` ${count(counts.skipped)} rows already mapped, changed or excluded were left alone.`
      : '';
  return `Suggest Values: ${found}.${skipped}`;
}

export function formatCount(n: number): string {
  return count(n);
}
