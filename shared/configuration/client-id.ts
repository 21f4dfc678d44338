import { accepted, clip, type FieldResult, refused } from './field-result';

const WHERE =
  'copy it from Halo > Configuration > Integrations > HaloPSA API > View Applications > your application';

/**
 * The Client ID is a GUID. Accepts it as Windows tools show it too ({…}, uppercase, without hyphens) and
 * stores it lowercase with hyphens, the one form the rest of the app compares.
 */
export function normaliseClientId(raw: string): FieldResult {
  const trimmed = raw.trim();
  if (trimmed === '') return refused(`Enter the Client ID, a GUID like 8f4c2a1e-…; ${WHERE}.`);

  let guid = trimmed.toLowerCase();
  // Braces as Windows and the registry show GUIDs; a lone one is a half-finished selection.
  guid = guid.replace(/^\{/, '').replace(/\}$/, '').trim();
  if (/^[0-9a-f]{32}$/.test(guid)) {
    guid = `${guid.slice(0, 8)}-${guid.slice(8, 12)}-${guid.slice(12, 16)}-${guid.slice(16, 20)}-${guid.slice(20)}`;
  }

  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid)) {
    if (/^[0-]+$/.test(guid)) {
      return refused(`00000000-0000-0000-0000-000000000000 is a placeholder, not a Client ID; ${WHERE}.`);
    }
    return accepted(guid, guid !== raw);
  }

  if (/^[0-9a-f-]+$/.test(guid)) {
    const digits = guid.replace(/-/g, '').length;
    if (digits < 32) {
      return refused(
        `The Client ID looks cut short: it has ${digits} of the 32 digits of a GUID like 8f4c2a1e-…; ${WHERE}.`,
      );
    }
    if (digits > 32) {
      return refused(
        `The Client ID has ${digits} digits, more than the 32 of a GUID like 8f4c2a1e-…; ${WHERE}.`,
      );
    }
    return refused(
      `The Client ID's hyphens are in the wrong places: a GUID is grouped 8-4-4-4-12, like 8f4c2a1e-…; ${WHERE}.`,
    );
  }
  // The letter O for a zero is the one slip worth naming; otherwise quote what was typed.
  const letterO = guid.replace(/-/g, '').length === 32 && /^[0-9a-fo-]+$/.test(guid);
  const why = letterO ? 'it has the letter O where a zero belongs' : `"${clip(trimmed)}" is not one`;
  return refused(
    `The Client ID is a GUID like 8f4c2a1e-…, made only of digits, letters a to f and hyphens; ${why}. To find it, ${WHERE}.`,
  );
}
