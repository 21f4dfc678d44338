import { accepted, clip, type FieldResult, refused } from './field-result';
import { forbiddenAddressReason } from './forbidden-address';
import { HALO_HOSTED_DOMAINS, isHaloHostedHost } from './halo-hosts';

/**
 * Turns whatever a technician pasted into a hostname field into "host[:port]" (or "host[:port]/path"
 * for the Authorisation Server), the form shared/domain.ts stores. It fixes what is unambiguous
 * (spaces around, case, https://, a trailing slash or dot, /api, /auth, /token, :443, an
 * international name) and refuses the rest with a message that says what to type instead.
 *
 * Decisions, each from the point of view of a technician who wants it to just work but never to be
 * silently wrong:
 * - https:// is dropped: the app always connects with https.
 * - http:// on a hosted address is dropped with a note: Halo's cloud answers only on https, so the
 *   intent is unambiguous. On-premise it is refused: the server may really answer only on http, and
 *   this app will not send the client secret unencrypted, so the technician has to decide.
 * - Ports, IP addresses and localhost are for on-premise only; hosted Halo is NAME.halopsa.com on 443.
 * - The resource server drops /api and anything under it (a pasted API or /api/authinfo URL names its
 *   host unambiguously), and a bare /auth or /auth/token; any other path is refused, because the app
 *   expects Halo's /api at the root of the host.
 * - The Authorisation Server keeps its path (/auth matters, see shared/domain.ts) but drops a trailing
 *   /token or /authorize, which the app adds itself.
 * - Query strings and fragments are refused; "?tenant=acme" gets a message pointing at the Tenant ID.
 * - International names are converted to their xn-- form with a note; the WHATWG URL parser (in both
 *   Node and the browser) does the conversion, rather than a hand-written punycode encoder.
 * - Underscores are refused: they are not valid in host names and certificates will not match them.
 */
export interface HostnameOptions {
  /** Keep a path after the host (Authorisation Server only). */
  allowPath?: boolean;
  isOnPremise: boolean;
}

export function exampleHost(isOnPremise: boolean): string {
  return isOnPremise ? 'halo.example.com' : 'acme.halopsa.com';
}

const HOSTED_DOMAIN_LIST = HALO_HOSTED_DOMAINS.map((domain) => `*.${domain}`).join(', ');

export function normaliseHostname(raw: string, options: HostnameOptions): FieldResult {
  const { isOnPremise } = options;
  const allowPath = options.allowPath ?? false;
  const example = exampleHost(isOnPremise);
  const notes: string[] = [];

  let rest = raw.trim();
  if (rest === '') return refused(`Enter the host name, like ${example}.`);
  if (/\s/.test(rest)) {
    return refused(
      `There is a space inside "${clip(rest)}". A host name has no spaces: enter it like ${example}.`,
    );
  }

  if (rest.includes('\\')) {
    return refused(
      `Web addresses use forward slashes (/), not backslashes. Enter just the host name, like ${example}.`,
    );
  }

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    rest = rest.slice(scheme[0].length);
    if (name === 'http') {
      if (isOnPremise) {
        return refused(
          `This app connects only with https://, so the client secret never travels unencrypted. Enter just the host name, like ${example}; if your Halo server answers only on http://, turn on HTTPS on it first.`,
        );
      }
      notes.push('Halo-hosted instances answer only on https://, so the app will use https://.');
    } else if (name !== 'https') {
      return refused(
        `This app connects only with https://, not ${name}://. Enter just the host name, like ${example}.`,
      );
    }
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2);
  } else if (/^https?:(?!\d)/i.test(rest)) {
    return refused(`Write the address as https://${example}, or just ${example}.`);
  }

  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  let tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);

  if (authority.includes('@')) {
    const who = authority.slice(0, authority.lastIndexOf('@'));
    // Never repeat a password back on screen.
    const shown = who.includes(':') ? `${who.slice(0, who.indexOf(':'))}:…` : who;
    return refused(
      `Remove "${clip(shown)}@": enter only the host name, like ${example}. The sign-in details go in Client ID and Client Secret.`,
    );
  }

  const hashAt = tail.indexOf('#');
  const fragment = hashAt === -1 ? '' : tail.slice(hashAt + 1);
  if (hashAt !== -1) tail = tail.slice(0, hashAt);
  const queryAt = tail.indexOf('?');
  const query = queryAt === -1 ? '' : tail.slice(queryAt + 1);
  const path = queryAt === -1 ? tail : tail.slice(0, queryAt);

  const parsed = parseAuthority(authority, isOnPremise, example);
  if (!parsed.ok) return parsed;
  notes.push(...parsed.notes);

  const policy = isOnPremise ? checkOnPremise(parsed) : checkHosted(parsed);
  if (!policy.ok) return policy;
  notes.push(...policy.notes);

  const pathResult = allowPath ? authServerPath(path, isOnPremise) : resourceServerPath(path, isOnPremise);
  if (!pathResult.ok) return pathResult;
  notes.push(...pathResult.notes);

  if (query !== '') {
    const tenant = /^tenant=([^&]*)$/i.exec(query);
    if (tenant) {
      const name = tenant[1] ? `"${clip(safeDecode(tenant[1]))}"` : 'the tenant';
      return refused(
        `Remove "?${clip(query)}" from the address and put ${name} in the Tenant ID field instead.`,
      );
    }
    return refused(`Remove "?${clip(query)}": enter only the host name, like ${example}.`);
  }
  if (fragment !== '')
    return refused(`Remove "#${clip(fragment)}": enter only the host name, like ${example}.`);

  const hostAndPort = parsed.port === null ? parsed.host : `${parsed.host}:${parsed.port}`;
  const value = hostAndPort + pathResult.path;
  return accepted(value, value !== raw, notes);
}

type HostKind = 'name' | 'ipv4' | 'ipv6';
interface ParsedAuthority {
  ok: true;
  host: string;
  kind: HostKind;
  port: number | null;
  notes: string[];
}
type Refusal = { ok: false; message: string };

function parseAuthority(authority: string, isOnPremise: boolean, example: string): ParsedAuthority | Refusal {
  if (authority === '') return refused(`Enter the host name, like ${example}.`);
  const notes: string[] = [];

  let hostPart: string;
  let portPart: string | null = null;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1)
      return refused('The IPv6 address is missing its closing "]": write it like [2001:db8::10]:8443.');
    hostPart = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after.startsWith(':')) portPart = after.slice(1);
    else if (after !== '')
      return refused(`Write the port after the IPv6 address with a colon, like [2001:db8::10]:8443.`);
  } else {
    const colons = authority.split(':').length - 1;
    if (colons > 1) {
      return /^[0-9a-f:.]+$/i.test(authority)
        ? refused('Put an IPv6 address in square brackets, like [2001:db8::10] or [2001:db8::10]:8443.')
        : refused(
            `"${clip(authority)}" has more than one ":". Write the port once, like halo.example.com:8443.`,
          );
    }
    const colon = authority.indexOf(':');
    hostPart = colon === -1 ? authority : authority.slice(0, colon);
    if (colon !== -1) portPart = authority.slice(colon + 1);
  }

  let port: number | null = null;
  if (portPart !== null && portPart !== '') {
    if (!/^\d+$/.test(portPart)) {
      return refused(`The port after ":" must be a number, like :8443; "${clip(portPart, 20)}" is not.`);
    }
    port = Number(portPart);
    if (port < 1 || port > 65535)
      return refused(`Port ${clip(portPart, 20)} does not exist: ports go from 1 to 65535.`);
    if (port === 443) {
      port = null;
      notes.push('Removed :443, the standard https port.');
    }
  }

  const host = hostPart.startsWith('[') ? parseIpv6(hostPart) : parseName(hostPart, isOnPremise, example);
  if (!host.ok) return host;
  notes.push(...host.notes);
  return { ok: true, host: host.host, kind: host.kind, port, notes };
}

type ParsedHost = { ok: true; host: string; kind: HostKind; notes: string[] } | Refusal;

function parseIpv6(bracketed: string): ParsedHost {
  const inner = bracketed.slice(1, -1);
  if (inner.includes('%')) {
    return refused(
      `An IPv6 address with a zone (%${clip(inner.slice(inner.indexOf('%') + 1), 10)}) cannot be used here; enter the server's name or another address.`,
    );
  }
  if (!/^[0-9a-f:.]+$/i.test(inner)) return refused(`[${clip(inner)}] is not a valid IPv6 address.`);
  try {
    // The URL parser validates and canonicalises IPv6 ([0:0:0:0:0:0:0:1] -> [::1]) identically in Node and browsers.
    return { ok: true, host: new URL(`https://${bracketed}`).hostname, kind: 'ipv6', notes: [] };
  } catch {
    return refused(`[${clip(inner)}] is not a valid IPv6 address.`);
  }
}

function parseName(hostPart: string, isOnPremise: boolean, example: string): ParsedHost {
  if (hostPart === '') return refused(`Enter the host name, like ${example}.`);
  const notes: string[] = [];
  let host = hostPart;

  if (/[^\x20-\x7e]/.test(host)) {
    // Only letters beyond ASCII go to the URL parser; ASCII troublemakers (%, _, etc.) get our own messages.
    const asciiPart = host.replace(/[^\x20-\x7e]/g, '');
    if (/[^A-Za-z0-9.-]/.test(asciiPart)) return badCharacter(host, asciiPart, isOnPremise, example);
    let converted: string;
    try {
      converted = new URL(`https://${host}`).hostname;
    } catch {
      return refused(
        `"${clip(host)}" contains characters a host name cannot have. Enter it like ${example}.`,
      );
    }
    notes.push(
      converted.includes('xn--')
        ? `Converted the international name to ${converted}, the form it has on the network.`
        : `Converted the name to plain characters: ${converted}.`,
    );
    host = converted;
  }

  host = host.toLowerCase();
  if (host.endsWith('.') && !host.endsWith('..') && host !== '.') {
    host = host.slice(0, -1);
    notes.push('Removed the dot at the end of the name.');
  }
  if (/[^a-z0-9.-]/.test(host)) return badCharacter(host, host, isOnPremise, example);

  const labels = host.split('.');
  if (labels.some((label) => label === '')) {
    return refused(
      `"${clip(host)}" has an empty part (two dots together, or a dot at the start). Enter it like ${example}.`,
    );
  }
  const last = labels[labels.length - 1] ?? '';
  if (/^(?:\d+|0x[0-9a-f]*)$/.test(last)) {
    // A numeric last label makes the whole name an IPv4 address to every URL parser: insist on the plain form.
    const valid =
      labels.length === 4 && labels.every((l) => /^(?:0|[1-9]\d{0,2})$/.test(l) && Number(l) <= 255);
    if (!valid) {
      return refused(
        `"${clip(host)}" is not a valid IPv4 address: write four numbers from 0 to 255 without leading zeros, like 192.168.1.20.`,
      );
    }
    return { ok: true, host, kind: 'ipv4', notes };
  }
  for (const label of labels) {
    if (label.length > 63) {
      return refused(
        `The part "${clip(label, 20)}" is ${label.length} characters long; each part between dots can have at most 63.`,
      );
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return refused(
        `"${clip(label)}" starts or ends with a hyphen (-), which a host name cannot. Enter it like ${example}.`,
      );
    }
  }
  if (host.length > 253)
    return refused(`The host name is ${host.length} characters long; a host name has at most 253.`);
  return { ok: true, host, kind: 'name', notes };
}

function badCharacter(host: string, searched: string, isOnPremise: boolean, example: string): Refusal {
  if (searched.includes('_')) {
    const alternative = isOnPremise ? ", or use the server's full DNS name or its IP address" : '';
    return refused(
      `"${clip(host)}" contains an underscore (_), which host names cannot have. Check the spelling on Halo's API Details page${alternative}.`,
    );
  }
  const bad = /[^A-Za-z0-9.-]/.exec(searched)?.[0] ?? '?';
  return refused(
    `"${clip(host)}" contains "${bad}", which host names cannot have: only letters, digits, hyphens and dots, like ${example}.`,
  );
}

type PolicyResult = { ok: true; notes: string[] } | Refusal;

const ON_PREMISE_HINT = 'if this Halo runs on your own server, tick Is On-Premise.';

function checkHosted(parsed: ParsedAuthority): PolicyResult {
  const { host, kind, port } = parsed;
  if (kind !== 'name') {
    return refused(
      `${host} is an IP address, which only works for a server of your own. For Halo-hosted Halo enter its name, like acme.halopsa.com; ${ON_PREMISE_HINT}`,
    );
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return refused(
      `${host} means this computer, so it can only be a server of your own: tick Is On-Premise, or enter the Halo-hosted name, like acme.halopsa.com.`,
    );
  }
  if (port !== null) {
    return refused(
      `Halo-hosted instances answer only on the standard https port (443): remove ":${port}". Or, ${ON_PREMISE_HINT}`,
    );
  }
  if (!host.includes('.')) {
    return refused(
      `Enter the full host name, like ${host}.halopsa.com (or .haloitsm.com, .haloservicedesk.com, .halocrm.io), not just "${clip(host)}".`,
    );
  }
  const website = HALO_HOSTED_DOMAINS.find((domain) => host === domain || host === `www.${domain}`);
  if (website) {
    return refused(`${host} is Halo's own website. Enter your instance's address, like acme.${website}.`);
  }
  if (!isHaloHostedHost(host)) {
    return {
      ok: true,
      notes: [
        `${host} is not a Halo-hosted address (${HOSTED_DOMAIN_LIST}). That is fine for a custom domain, but ${ON_PREMISE_HINT}`,
      ],
    };
  }
  return { ok: true, notes: [] };
}

function checkOnPremise(parsed: ParsedAuthority): PolicyResult {
  const forbidden = forbiddenAddressReason(parsed.host);
  if (forbidden !== null) return refused(forbidden);
  const notes: string[] = [];
  if (parsed.port === 80) {
    notes.push(
      'Port 80 is normally plain http, and this app always connects with https. Make sure your server answers https on port 80, or enter its https port.',
    );
  }
  if (isHaloHostedHost(parsed.host)) {
    notes.push(`${parsed.host} is hosted by Halo; Is On-Premise is normally off for it.`);
  }
  return { ok: true, notes };
}

type PathResult = { ok: true; path: string; notes: string[] } | Refusal;

/** Path segments without the leading "/" and without trailing empty ones (trailing slashes). */
function segmentsOf(path: string): string[] {
  const segments = path.split('/').slice(1);
  while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

function resourceServerPath(path: string, isOnPremise: boolean): PathResult {
  const segments = segmentsOf(path);
  const lower = segments.map((s) => s.toLowerCase());
  if (segments.length === 0) return { ok: true, path: '', notes: [] };
  if (lower[0] === 'api') {
    const note =
      segments.length === 1
        ? 'Removed /api: the app adds it itself.'
        : 'Kept only the host name from that API address: the app adds /api itself.';
    return { ok: true, path: '', notes: [note] };
  }
  if (lower[0] === 'auth' && (segments.length === 1 || (segments.length === 2 && isTokenSegment(lower[1])))) {
    return {
      ok: true,
      path: '',
      notes: [
        `Removed /${segments.join('/')}: this field takes the host of the API. Fill in Authorisation Server only if Halo shows a different one.`,
      ],
    };
  }
  const rootNote = isOnPremise ? " The app expects Halo's /api at the root of the server." : '';
  return refused(
    `Enter only the host name, like ${exampleHost(isOnPremise)}, not a web address with a path like /${clip(segments.join('/'), 30)}.${rootNote}`,
  );
}

function isTokenSegment(segment: string | undefined): boolean {
  return segment === 'token' || segment === 'authorize';
}

function authServerPath(path: string, isOnPremise: boolean): PathResult {
  const notes: string[] = [];
  const segments = segmentsOf(path);
  const last = segments[segments.length - 1];
  if (isTokenSegment(last?.toLowerCase())) {
    segments.pop();
    notes.push(`Removed /${last}: the app adds /token itself.`);
    while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  }
  const example = `${exampleHost(isOnPremise)}/auth`;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      return refused(
        `The path "${clip(path)}" has an empty or dotted part (// or ..). Enter it like ${example}.`,
      );
    }
    if (!/^(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+$/.test(segment)) {
      return refused(
        `The path "${clip(path)}" has characters a web address cannot contain. Enter it like ${example}.`,
      );
    }
  }
  if (segments[0]?.toLowerCase() === 'api') {
    return refused(
      `That is the API address (/api), not the authorisation server. Copy the Authorisation Server from Halo's API Details page (usually like ${example}), or leave this empty if Halo shows the same server.`,
    );
  }
  // Halo's own path is /auth; write it the one way shared/domain.ts compares it.
  const kept = segments.map((segment) => (segment.toLowerCase() === 'auth' ? 'auth' : segment));
  return { ok: true, path: kept.length > 0 ? `/${kept.join('/')}` : '', notes };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
