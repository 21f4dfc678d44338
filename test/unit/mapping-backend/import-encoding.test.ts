import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { AppErrorData } from '../../../shared/ipc';
import { makeTempDir } from '../../support/temp-dir';
import { call, callFails, detailsOf, openBackend } from './helpers';

const temp = makeTempDir();
let backend: Backend;
beforeAll(() => {
  backend = openBackend({ dataDir: path.join(temp.dir, 'data') });
});
afterAll(() => {
  backend.close();
  temp.cleanup();
});

const csv = 'name,domain\nCafé Zürich AG,cafe.ch\nAcme Ltd,acme.com\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const problems = (error: AppErrorData) => detailsOf(error, 'invalid-file').problems;

describe('organization import reads the bytes and detects the encoding', () => {
  it('a UTF-16 LE or BE file with a byte order mark (Excel "Unicode Text") imports clean names', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    expect(
      await call(backend, 'organizations:import', { format: 'csv', contentBase64: le.toString('base64') }),
    ).toMatchObject({ added: 2, headerDetected: true });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(csv.replace('Acme', 'Beta'))]);
    expect(
      await call(backend, 'organizations:import', { format: 'csv', contentBase64: be.toString('base64') }),
    ).toMatchObject({ added: 1 });
    const listed = (await call(backend, 'organizations:list', {})).organizations.map((o) => o.name).sort();
    expect(listed).toEqual(['Acme Ltd', 'Beta Ltd', 'Café Zürich AG']);
    expect(listed.join('')).not.toContain('\u0000');
  });

  it('UTF-16 without a byte order mark (NUL bytes) is refused, saying it is UTF-16 and how to save it', async () => {
    const bare = Buffer.from('name\nNul Trap Ltd\n', 'utf16le');
    const error = await callFails(backend, 'organizations:import', {
      format: 'csv',
      contentBase64: bare.toString('base64'),
    });
    expect(problems(error)[0]?.reason).toMatch(/the file is UTF-16.*CSV UTF-8/);
    const asText = await callFails(backend, 'organizations:import', {
      format: 'csv',
      content: bare.toString('latin1'),
    });
    expect(problems(asText)[0]?.reason).toMatch(/NUL characters.*UTF-16/);
    const listed = (await call(backend, 'organizations:list', {})).organizations.map((o) => o.name);
    expect(listed.some((name) => name.includes('N') && name.includes('\u0000'))).toBe(false);
  });
});
