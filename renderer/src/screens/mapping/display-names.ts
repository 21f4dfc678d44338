import type {
  HaloOptionClient,
  MappingRow,
  MappingValue,
  Suggestion,
} from '../../../../shared/mapping-contract';

/**
 * Halo stores some names HTML-encoded ("Baker &amp; Co", "O&#39;Brien"); the matcher decodes them, and
 * so must the screen, or a technician reads entities. Decoding happens once, where rows and clients
 * arrive; the names are only ever shown (edits send ids, never names), so nothing decoded goes back.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const decodeNullable = (text: string | null) => (text === null ? null : decodeEntities(text));

export function displayClient(client: HaloOptionClient): HaloOptionClient {
  if (!`${client.name}${client.toplevelName ?? ''}${client.mainSiteName ?? ''}`.includes('&')) return client;
  return {
    ...client,
    name: decodeEntities(client.name),
    toplevelName: decodeNullable(client.toplevelName),
    mainSiteName: decodeNullable(client.mainSiteName),
  };
}

function displayValue(value: MappingValue): MappingValue {
  return value.state === 'mapped' && value.clientName.includes('&')
    ? { ...value, clientName: decodeEntities(value.clientName) }
    : value;
}

function displaySuggestion(suggestion: Suggestion | null): Suggestion | null {
  if (suggestion === null) return null;
  return {
    ...suggestion,
    clientName: decodeNullable(suggestion.clientName),
    reason: decodeEntities(suggestion.reason),
    runnerUp: suggestion.runnerUp
      ? { ...suggestion.runnerUp, name: decodeEntities(suggestion.runnerUp.name) }
      : null,
  };
}

export function displayRow(row: MappingRow): MappingRow {
  return {
    ...row,
    draft: displayValue(row.draft),
    saved: displayValue(row.saved),
    suggestion: displaySuggestion(row.suggestion),
    client: row.client ? displayClient(row.client) : null,
    problem: decodeNullable(row.problem),
    alsoMappedIn: row.alsoMappedIn.map((other) => ({
      ...other,
      clientName: decodeEntities(other.clientName),
    })),
  };
}

export function displayMappingValue(value: MappingValue): MappingValue {
  return displayValue(value);
}
