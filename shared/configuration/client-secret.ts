import { accepted, type FieldResult, refused } from './field-result';

const GUID = /^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;
const MIN_LENGTH = 16;
const MAX_LENGTH = 512;

/**
 * The Client Secret is write-only: absent or blank means "keep the stored one" (value null). A given
 * secret is trimmed and must be one piece of printable ASCII of a plausible length: Halo generates
 * secrets as long random strings, so a line break, a space, a curly quote or a 10-character value is a
 * copying accident, and saying so now beats a 401 later.
 *
 * Something shaped like a GUID or a JWT only earns a note, not a refusal: it is almost certainly the
 * Client ID or an access token pasted into the wrong field, but the format of Halo's secrets is not
 * documented, and refusing a real secret would leave no way forward. (Pasting the very Client ID of
 * this form is refused by validateConfiguration, which can compare the two fields.)
 *
 * Messages never quote the secret.
 */
export function normaliseClientSecret(raw: string | undefined): FieldResult<string | null> {
  if (raw === undefined) return accepted(null, false);
  const secret = raw.trim();
  if (secret === '') return accepted(null, raw !== '');
  if (/[\r\n]/.test(secret)) return refused('The secret has a line break in it. Copy it again as one line.');
  if (/\s/.test(secret))
    return refused('The secret has a space in it, which Halo secrets never do. Copy it again in one piece.');
  const odd = /[^\x21-\x7e]/.exec(secret);
  if (odd) {
    return refused(
      `Character ${odd.index + 1} of the secret is one Halo secrets never contain (perhaps a curly quote or an accented letter). Copy it again straight from Halo.`,
    );
  }
  if (secret.length < MIN_LENGTH) {
    return refused(
      `The secret is only ${secret.length} characters long; Halo client secrets are long random strings. Copy the whole value.`,
    );
  }
  if (secret.length > MAX_LENGTH) {
    return refused(
      `The secret is ${secret.length} characters long, far longer than a Halo client secret. Paste only the Client Secret.`,
    );
  }
  const notes: string[] = [];
  if (GUID.test(secret)) {
    notes.push(
      'This looks like a GUID, the shape of a Client ID. A Halo client secret is a longer random string: check you did not paste the Client ID here.',
    );
  } else if (/^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(secret)) {
    notes.push(
      'This looks like an access token (it starts with "eyJ"), not a client secret. Copy the Client Secret of the application in Halo.',
    );
  }
  return accepted(secret, secret !== raw, notes);
}
