import { generateKeyPair } from 'node:crypto';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import forge from 'node-forge';

/**
 * A private CA and a server certificate signed by it, like an on-premise Halo behind a company CA.
 *
 * Why node-forge: Node can generate keys but cannot build X.509 certificates, and node-forge is the
 * long-established, dependency-free library for that (no global polyfills, unlike @peculiar/x509,
 * and no reliance on an `openssl` binary being installed). Its weak spot, slow pure-JS RSA key
 * generation, is avoided by generating the keys with Node's native crypto and only letting forge
 * build and sign the certificates. Results are cached per process, so only the first TLS fake pays
 * the (~100 ms) cost.
 */

export interface ServerCredentials {
  caPem: string;
  certPem: string;
  keyPem: string;
}

interface KeyPairPem {
  privateKey: string;
  publicKey: string;
}

interface Authority {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  pem: string;
}

/** forge writes PEM with CRLF; everything else (Node, openssl, files on disk) uses LF. */
function toLf(pem: string): string {
  return pem.replace(/\r\n/g, '\n');
}

const generateKeyPairAsync = promisify(generateKeyPair);
const DAY_MS = 86_400_000;

function newKeyPair(): Promise<KeyPairPem> {
  return generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** A positive random serial number (the high bit clear), as X.509 requires. */
function serialNumber(): string {
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
}

async function createAuthority(): Promise<Authority> {
  const keys = await newKeyPair();
  const key = forge.pki.privateKeyFromPem(keys.privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + 3650 * DAY_MS);
  const name = [
    { name: 'commonName', value: 'Fake Halo Test Root CA' },
    { name: 'organizationName', value: 'Halo Setup tests' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { cert, key, pem: toLf(forge.pki.certificateToPem(cert)) };
}

function createServerCredentials(
  authority: Authority,
  keys: KeyPairPem,
  hostnames: readonly string[],
  expired: boolean,
): ServerCredentials {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
  cert.serialNumber = serialNumber();
  const now = Date.now();
  cert.validity.notBefore = new Date(expired ? now - 30 * DAY_MS : now - DAY_MS);
  cert.validity.notAfter = new Date(expired ? now - DAY_MS : now + 365 * DAY_MS);
  cert.setSubject([{ name: 'commonName', value: hostnames[0] ?? 'localhost' }]);
  cert.setIssuer(authority.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      // GeneralName types: 2 = dNSName, 7 = iPAddress.
      altNames: hostnames.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host })),
    },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: authority.cert.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(authority.key, forge.md.sha256.create());
  return { caPem: authority.pem, certPem: toLf(forge.pki.certificateToPem(cert)), keyPem: keys.privateKey };
}

let authority: Promise<Authority> | undefined;
const serverCredentials = new Map<string, Promise<ServerCredentials>>();

/** The process-wide test CA and a server certificate for `hostnames`, generated once and reused. */
export function tlsCredentials(hostnames: readonly string[], expired = false): Promise<ServerCredentials> {
  const cacheKey = `${hostnames.join(',')}|${expired}`;
  const cached = serverCredentials.get(cacheKey);
  if (cached) return cached;
  authority ??= createAuthority();
  // Both key pairs are generated at the same time, on libuv's thread pool.
  const created = Promise.all([authority, newKeyPair()]).then(([ca, keys]) =>
    createServerCredentials(ca, keys, hostnames, expired),
  );
  serverCredentials.set(cacheKey, created);
  return created;
}
