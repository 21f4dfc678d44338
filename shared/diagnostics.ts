import type { ConfigurationView } from './ipc';
import { redactKnownSecrets } from './secret-forms';
import type { ValidationResult, ValidationStep } from './validation';

/**
 * The plain-text report behind "Copy diagnostics": what a technician pastes into a support ticket.
 * It names the app version, the instance, the configuration (never the secret), the endpoints used and
 * every validation step with its status, time, evidence and error. The report is built from data that
 * should never contain a secret in the first place; `redactSecrets` runs over the finished text anyway,
 * as defense in depth, because one leaked token in a ticket system is one too many.
 */

export interface DiagnosticsInput {
  /** When the report was made (ISO 8601). */
  generatedAt: string;
  app: { name: string; version: string; platform: string; secretStore: string } | null;
  instanceName: string;
  configuration: ConfigurationView | null;
  /** The last validation result shown on screen, if any. */
  result: ValidationResult | null;
  /** A validation that could not even start (e.g. "no client secret stored"), as the backend said it. */
  failure?: { code: string; message: string } | null;
}

const REDACTED = '[redacted]';

/** Builds the diagnostics report and redacts anything that looks like a credential. */
export function buildDiagnosticsReport(input: DiagnosticsInput): string {
  const lines: string[] = [];
  const app = input.app;
  lines.push('Halo Setup diagnostics');
  lines.push(`generated: ${input.generatedAt}`);
  lines.push(app ? `app: ${app.name} ${app.version} (${app.platform})` : 'app: version unknown');
  if (app) lines.push(`secret store: ${app.secretStore}`);
  lines.push('');
  lines.push(`instance: ${input.instanceName}`);
  lines.push(...configurationLines(input.configuration));
  lines.push('');
  if (input.failure) {
    lines.push('validation: could not start');
    lines.push(`  error: ${input.failure.code}: ${input.failure.message}`);
  } else if (input.result) {
    lines.push(...resultLines(input.result));
  } else {
    lines.push('validation: not run');
  }
  return redactSecrets(lines.join('\n'));
}

function configurationLines(configuration: ConfigurationView | null): string[] {
  if (!configuration) return ['configuration: not saved yet'];
  const shown = (value: string) => (value === '' ? '(empty)' : value);
  return [
    'configuration:',
    `  resource server: ${shown(configuration.resourceServer)}`,
    `  client id: ${shown(configuration.clientId)}`,
    `  tenant: ${shown(configuration.tenant)}`,
    `  auth server: ${configuration.authServer === '' ? '(same as resource server / discovered)' : configuration.authServer}`,
    `  on-premise: ${configuration.isOnPremise ? 'yes' : 'no'}`,
    `  private CA certificate: ${describePem(configuration.caCertificatePem)}`,
    `  client secret: ${configuration.hasClientSecret ? 'stored in keychain (not shown)' : 'not stored'}`,
    `  saved: ${configuration.updatedAt}`,
  ];
}

/** A certificate is public, but a pasted bundle is long and noisy: say how many certificates, not the text. */
function describePem(pem: string): string {
  if (pem.trim() === '') return 'none';
  const count = (pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
  return `${count} certificate${count === 1 ? '' : 's'} (${pem.length} characters)`;
}

function resultLines(result: ValidationResult): string[] {
  const lines = [
    `validation: ${result.status}`,
    `  started: ${result.startedAt}`,
    `  finished: ${result.finishedAt}`,
    `  token url: ${result.endpoints.tokenUrl ?? '(not reached)'}`,
    `  api base: ${result.endpoints.apiBase}`,
    'steps:',
  ];
  for (const step of result.steps) lines.push(...stepLines(step));
  lines.push(result.warnings.length === 0 ? 'warnings: none' : 'warnings:');
  for (const warning of result.warnings) lines.push(`  - ${warning.code}: ${warning.message}`);
  return lines;
}

function stepLines(step: ValidationStep): string[] {
  const time = step.durationMs === null ? '' : ` in ${Math.round(step.durationMs)} ms`;
  const lines = [`  - ${step.label} [${step.id}]: ${step.status}${time}`];
  if (step.evidence) lines.push(`      evidence: ${step.evidence}`);
  if (step.error) {
    lines.push(`      error: ${step.error.code}: ${step.error.message}`);
    lines.push(`      next step: ${step.error.nextStep}`);
    for (const [key, value] of Object.entries(step.error.details))
      lines.push(`      ${key}: ${String(value)}`);
  }
  return lines;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Replaces credential-looking text with "[redacted]":
 * - `Bearer <anything>` and `Basic <anything>`;
 * - values of keys named like secrets: client_secret, access_token, refresh_token, id_token, password,
 *   secret, token (in `key=value`, `key: value` and JSON `"key": "value"` forms);
 * - JWTs (eyJ...);
 * - long random-looking strings (32+ characters of letters, digits and - _ + / = ~ that are not
 *   paths, words or one identifier), which is what OAuth secrets and opaque tokens look like.
 * Spared, because a support ticket needs them: GUIDs (Halo Client IDs are GUIDs and not secret), file
 * paths and URL paths made of short segments, host names, and words joined by hyphens.
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = redactKnownSecrets(text, knownSecrets, REDACTED);
  out = out.replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, (_match, scheme: string) => `${scheme} ${REDACTED}`);
  // Credential-named keys, in key=value, key: value and JSON forms. Generic names (secret, token,
  // password) only with "=" or JSON quotes, so prose such as "client secret: stored in keychain" stays.
  out = out.replace(
    /(["']?)\b(client_secret|clientsecret|client-secret|access_token|refresh_token|id_token|passwd)\1(\s*[:=]\s*)(["']?)([^\s"'&,;]+)/gi,
    redactValue,
  );
  out = out.replace(/(["'])\b(secret|token|password)\1(\s*:\s*)(["'])([^"']+)/gi, redactValue);
  out = out.replace(/()\b(secret|token|password)(=)()([^\s"'&,;]+)/gi, redactValue);
  out = out.replace(/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED);
  out = out.replace(/[A-Za-z0-9_\-+/=~]{32,}/g, (run) => (looksRandom(run) ? REDACTED : run));
  return out;
}

function redactValue(
  match: string,
  quote: string,
  key: string,
  separator: string,
  valueQuote: string,
  value: string,
): string {
  // "token url: https://..." names an endpoint, not a token; an already redacted value stays as it is.
  if (/^https?:\/\//i.test(value) || value.startsWith('[')) return match;
  return `${quote}${key}${quote}${separator}${valueQuote}${REDACTED}`;
}

function looksRandom(run: string): boolean {
  if (GUID.test(run)) return false;
  const segments = run.split('/').filter(Boolean);
  // A path of short, word-like segments: /tmp/halo-setup-e2e-x1/halo-setup.db, /api/Client/12. (Standard
  // base64 holds "/" too, but its segments are long runs of mixed case.)
  if (segments.length > 1 && segments.every(looksLikePathSegment)) return false;
  const core = run.replace(/[-_+/=~]/g, '');
  if (core.length < 24 || !/[a-z]/i.test(core)) return false;
  // One long identifier ("ConfigurationValidationResultSchema") is a name. Digits are not required of a
  // secret: about 1 base64url token in 1,400 has none.
  if (/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*$/.test(run)) return false;
  // Words joined by hyphens ("halo-setup-e2e-test-folder-2") are names: every piece is short and cased
  // like a word, and digits are sparse. A base64url token also splits on its "-" and "_" now and then
  // (about 1 in 170 did with a length-only test), but its pieces mix upper and lower case at random.
  const words = run.split(/[-_]/).filter(Boolean);
  const digitShare = (core.match(/\d/g) ?? []).length / core.length;
  const wordy = words.length >= 3 && words.every(looksLikeWord);
  return !(wordy && digitShare < 0.2);
}

/** "halo-setup-e2e-Ab12Cd", "Client", "12": short pieces (a temp folder's random suffix) or words. */
function looksLikePathSegment(segment: string): boolean {
  const pieces = segment.split(/[-_]/).filter(Boolean);
  return segment.length < 24 && pieces.every((piece) => piece.length <= 6 || looksLikeWord(piece));
}

/** "setup", "e2e", "Halo", "API", "2": cased as people write words, not as random text is. */
function looksLikeWord(word: string): boolean {
  return word.length <= 12 && /^(?:[a-z0-9]+|[A-Z][a-z0-9]*|[A-Z0-9]{1,5})$/.test(word);
}
