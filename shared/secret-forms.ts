/**
 * The spellings a secret or token can take on its way into a message: as typed, URL-encoded (a form
 * body `client_secret=...` or a query string, with %XX or "+" for a space), and base64 / base64url (a
 * Basic authorisation header, a JWT part, a log that dumps bytes). Redaction replaces every one, so an
 * error echoed back by a server or a proxy cannot carry the secret out in another spelling.
 *
 * A base64 text that holds the secret somewhere inside it encodes the secret differently depending on
 * where the secret starts within a 3-byte group, so all three alignments are listed, each trimmed to the
 * characters that depend on the secret alone. Pure language features only (btoa, TextEncoder): the
 * renderer and the main process both use it.
 */
const MIN_FORM_LENGTH = 6;

export function secretForms(secret: string): string[] {
  if (secret.length < 4) return [];
  const forms = new Set<string>([secret, encodeURIComponent(secret), formEncode(secret)]);
  const bytes = new TextEncoder().encode(secret);
  for (let offset = 0; offset < 3; offset += 1) {
    const base64 = alignedBase64(bytes, offset);
    if (base64.length >= MIN_FORM_LENGTH) {
      forms.add(base64);
      forms.add(base64.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  // Longest first, so a longer spelling is never half-replaced by a shorter one inside it.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Replaces every spelling of every secret with `placeholder`. */
export function redactKnownSecrets(text: string, secrets: readonly string[], placeholder: string): string {
  let out = text;
  const forms = secrets.flatMap(secretForms).sort((a, b) => b.length - a.length);
  for (const form of forms) out = out.split(form).join(placeholder);
  return out;
}

/** application/x-www-form-urlencoded, as URLSearchParams writes a value. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** The base64 characters that depend only on `bytes` when they start `offset` bytes into a group. */
function alignedBase64(bytes: Uint8Array, offset: number): string {
  const padded = new Uint8Array(offset + bytes.length);
  padded.set(bytes, offset);
  let binary = '';
  for (const byte of padded) binary += String.fromCharCode(byte);
  const encoded = btoa(binary).replace(/=+$/, '');
  const firstClean = Math.ceil((offset * 8) / 6);
  const lastClean = Math.floor(((offset + bytes.length) * 8) / 6);
  return encoded.slice(firstClean, lastClean);
}
