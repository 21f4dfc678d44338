import { accepted, type FieldResult, refused } from './field-result';

/**
 * The private CA for an on-premise server, as PEM text. The check is structural, not cryptographic:
 * every block must be a complete CERTIFICATE whose base64 decodes to one whole DER SEQUENCE. That
 * catches the real accidents (a private key, a CSR, a truncated copy, a file path, base64 without its
 * header lines) in both the renderer and the main process without an X.509 library; the TLS stack
 * does the real parsing when it connects.
 *
 * The value is rebuilt canonically (LF line ends, 64-column base64, one trailing newline) and text
 * around the blocks (openssl's "subject=" lines, Windows "Bag Attributes") is dropped with a note.
 *
 * Halo-hosted instances use publicly trusted certificates, so for them a pasted CA is not saved (a
 * note says so) rather than refused: the form may hide the field for hosted instances, and an error
 * on a hidden field could not be fixed.
 */
export function normaliseCaCertificatePem(raw: string, options: { isOnPremise: boolean }): FieldResult {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return accepted('', raw !== '');
  if (!options.isOnPremise) {
    return accepted('', true, [
      'A CA certificate is only used for on-premise servers, so it was not saved: Halo-hosted instances use public certificates.',
    ]);
  }
  if (/PRIVATE KEY-----/.test(text)) {
    return refused(
      'This is a private key, which must never leave its server. Paste the CA certificate instead: the block from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----. If the file holds both, copy only the certificate blocks.',
    );
  }

  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END ([A-Z0-9 #]+)-----/g)];
  const begins = text.match(/-----BEGIN /g)?.length ?? 0;
  if (begins > blocks.length) {
    return refused(
      'The certificate is incomplete: a -----BEGIN CERTIFICATE----- has no matching -----END CERTIFICATE----- line. Copy the whole file.',
    );
  }
  if (blocks.length === 0) return refused(whatIsNotPem(text));

  const certificates: string[] = [];
  for (const [index, block] of blocks.entries()) {
    const begin = block[1] ?? '';
    const end = block[3] ?? '';
    if (begin !== end) {
      return refused(
        `Block ${index + 1} starts with BEGIN ${begin} but ends with END ${end}. Copy the file again, whole.`,
      );
    }
    if (begin !== 'CERTIFICATE') return refused(notACertificate(begin));
    const base64 = (block[2] ?? '').replace(/\s+/g, '');
    if (!isWholeDerSequence(base64)) {
      const which = blocks.length > 1 ? `Certificate ${index + 1}` : 'The certificate';
      return refused(
        `${which} is damaged: the text between its BEGIN and END lines is not a complete certificate. Copy the file again, whole.`,
      );
    }
    certificates.push(`-----BEGIN CERTIFICATE-----\n${wrap(base64)}\n-----END CERTIFICATE-----\n`);
  }

  const value = certificates.join('');
  const around = blocks.reduce((rest, block) => rest.replace(block[0], ''), text).trim();
  const notes =
    around === ''
      ? []
      : [
          `Kept the ${certificates.length === 1 ? 'certificate' : `${certificates.length} certificates`} and dropped the other text around ${certificates.length === 1 ? 'it' : 'them'}.`,
        ];
  return accepted(value, value !== raw, notes);
}

function whatIsNotPem(text: string): string {
  const oneLine = !text.includes('\n');
  if (
    oneLine &&
    (/^(?:[a-z]:[\\/]|\\\\|\/|~\/)/i.test(text) || /\.(?:pem|crt|cer|cert|der|p7b|pfx|p12)$/i.test(text))
  ) {
    return 'That looks like a file name. Open the file in a text editor and paste its contents, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.';
  }
  if (/^[A-Za-z0-9+/=\s]+$/.test(text) && text.length >= 100) {
    return 'This looks like certificate data without its -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines. Copy the whole file, those lines included (on Windows, export as "Base-64 encoded X.509").';
  }
  return 'Paste the CA certificate as text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE----- (on Windows, export it as "Base-64 encoded X.509"). Leave this empty if your server\'s certificate comes from a public authority.';
}

function notACertificate(label: string): string {
  const keep =
    'Paste the CA certificate: the block from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.';
  switch (label) {
    case 'CERTIFICATE REQUEST':
    case 'NEW CERTIFICATE REQUEST':
      return `This is a certificate request (CSR), not a certificate. ${keep}`;
    case 'PUBLIC KEY':
    case 'RSA PUBLIC KEY':
      return `This is a public key, not a certificate. ${keep}`;
    case 'PKCS7':
      return 'This is a PKCS #7 bundle (.p7b). Export the CA certificate as "Base-64 encoded X.509", or convert it: openssl pkcs7 -print_certs -in bundle.p7b -out ca.pem.';
    case 'TRUSTED CERTIFICATE':
      return 'This is OpenSSL\'s "TRUSTED CERTIFICATE" form. Convert it to a plain certificate first: openssl x509 -in ca.pem -out ca-plain.pem.';
    case 'X509 CRL':
      return `This is a certificate revocation list (CRL), not a certificate. ${keep}`;
    default:
      return `A "${label}" block is not a certificate. ${keep}`;
  }
}

/** True when base64 decodes to exactly one DER SEQUENCE with a long-form length (every certificate has one). */
function isWholeDerSequence(base64: string): boolean {
  if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return false;
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return false;
  }
  if (binary.charCodeAt(0) !== 0x30) return false;
  const lengthOctets = binary.charCodeAt(1) & 0x7f;
  if ((binary.charCodeAt(1) & 0x80) === 0 || lengthOctets < 1 || lengthOctets > 4) return false;
  let length = 0;
  for (let i = 0; i < lengthOctets; i += 1) length = length * 256 + binary.charCodeAt(2 + i);
  return 2 + lengthOctets + length === binary.length;
}

function wrap(base64: string): string {
  return base64.match(/.{1,64}/g)?.join('\n') ?? '';
}
