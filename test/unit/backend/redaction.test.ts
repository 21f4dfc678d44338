import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { redactSecrets } from '../../../shared/diagnostics';
import { secretForms } from '../../../shared/secret-forms';
import { type FakeHalo, startFakeHalo } from '../../fake-halo';
import { configuredInstance, invoke } from '../../support/backend-calls';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

// Printable ASCII that URL-encoding changes (+ / = ~ % &), as a real secret may hold.
const SECRET = 'Wr0ng+Secret/with=odd%chars&more~x9';
const base64 = (text: string) => Buffer.from(text).toString('base64');
const base64url = (text: string) => Buffer.from(text).toString('base64url');
const spellings = [
  SECRET,
  encodeURIComponent(SECRET),
  new URLSearchParams({ v: SECRET }).toString().slice(2),
  base64(SECRET).replace(/=+$/, ''),
  base64url(SECRET),
];

let fake: FakeHalo;
let backend: Backend;
const temp = makeTempDir();
beforeAll(async () => {
  fake = await startFakeHalo({ clients: 3 });
  backend = testBackend(temp.dir, { haloClientOptions: { protocol: 'http' } });
});
afterAll(async () => {
  backend.close();
  await fake.stop();
  temp.cleanup();
});

describe('redaction covers the encoded forms of the secret', () => {
  it('a token endpoint that echoes the secret URL-encoded and in base64 shows none of it on screen or in history', async () => {
    const id = await configuredInstance(backend, fake, 'Echoing server', SECRET);
    const echo = `{"error":"invalid_client","error_description":"bad client_secret=${encodeURIComponent(SECRET)} form ${new URLSearchParams({ v: SECRET }).toString().slice(2)} basic ${base64(`client:${SECRET}`)} raw ${base64(SECRET)} url ${base64url(SECRET)}"}`;
    fake.injectFault(
      '/token',
      { kind: 'status', status: 400, body: echo, contentType: 'application/json' },
      3,
    );
    const result = await invoke(backend, 'config:validate', { instanceId: id });
    expect(result.status).toBe('failed');
    const listed = await invoke(backend, 'instances:list', {});
    const seen = JSON.stringify([result, listed]);
    for (const spelling of spellings) expect(seen).not.toContain(spelling);
  });

  it('redactSecrets (logs, diagnostics) removes every spelling of a known secret, inside longer base64 too', () => {
    const text = `a ${encodeURIComponent(SECRET)} b ${base64(`id:${SECRET}`)} c ${base64(`xy${SECRET}`)} d ${base64url(SECRET)}`;
    const out = redactSecrets(text, [SECRET]);
    for (const spelling of [...spellings, base64(`id:${SECRET}`).slice(4, 30)])
      expect(out).not.toContain(spelling);
    expect(out).toMatch(/^a \[redacted\] b /);
  });

  it('lists no spelling shorter than six characters, so short text is never eaten', () => {
    expect(secretForms('abc')).toEqual([]);
    expect(secretForms(SECRET).every((form) => form.length >= 6)).toBe(true);
  });
});
