import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeHalo, startFakeHalo } from '../../fake-halo';

interface HttpsAnswer {
  status: number;
  body: string;
}

/** A GET through node:https, trusting only `ca` when given (else the system store). */
function httpsGet(url: string, ca?: string): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fake Halo: HTTPS with a private CA', () => {
  let fake: FakeHalo;

  beforeAll(async () => {
    fake = await startFakeHalo({ clients: 3, tls: true });
  });
  afterAll(() => fake.stop());

  it('serves https://localhost:<port> and exposes the CA as PEM', () => {
    expect(fake.url).toBe(`https://localhost:${fake.port}`);
    expect(fake.host).toBe(`localhost:${fake.port}`);
    expect(fake.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const ca = new X509Certificate(fake.caPem ?? '');
    expect(ca.ca).toBe(true);
  });

  it('is trusted with the CA (node:https with `ca`)', async () => {
    const answer = await httpsGet(`${fake.url}/api/authinfo`, fake.caPem ?? undefined);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ auth_url: `${fake.url}/auth`, tenant_id: '' });
  });

  it('covers 127.0.0.1 as an IP name too', async () => {
    const answer = await httpsGet(`https://127.0.0.1:${fake.port}/api/authinfo`, fake.caPem ?? undefined);
    expect(answer.status).toBe(200);
  });

  it('fails certificate verification without the CA', async () => {
    await expect(httpsGet(`${fake.url}/api/authinfo`)).rejects.toMatchObject({
      code: expect.stringMatching(
        /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER/,
      ),
    });
    const failure: unknown = await fetch(`${fake.url}/api/authinfo`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({
      code: expect.stringMatching(/UNABLE_TO|SELF_SIGNED/),
    });
  });

  it('reuses the process-wide CA for every TLS fake, and plain fakes have no CA', async () => {
    const second = await startFakeHalo({ clients: 1, tls: true });
    const plain = await startFakeHalo({ clients: 1 });
    try {
      expect(second.caPem).toBe(fake.caPem);
      expect(plain.caPem).toBeNull();
      expect(plain.url).toBe(`http://127.0.0.1:${plain.port}`);
      expect(plain.host).toBe(`127.0.0.1:${plain.port}`);
    } finally {
      await Promise.all([second.stop(), plain.stop()]);
    }
  });

  it('a certificate for other names fails the hostname check', async () => {
    const wrongHost = await startFakeHalo({ clients: 1, tls: true, tlsHostnames: ['halo.example.test'] });
    try {
      await expect(
        httpsGet(`${wrongHost.url}/api/authinfo`, wrongHost.caPem ?? undefined),
      ).rejects.toMatchObject({
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      });
    } finally {
      await wrongHost.stop();
    }
  });

  it('tlsExpired serves a certificate past its validity', async () => {
    const expired = await startFakeHalo({ clients: 1, tls: true, tlsExpired: true });
    try {
      await expect(httpsGet(`${expired.url}/api/authinfo`, expired.caPem ?? undefined)).rejects.toMatchObject(
        {
          code: 'CERT_HAS_EXPIRED',
        },
      );
    } finally {
      await expired.stop();
    }
  });
});
