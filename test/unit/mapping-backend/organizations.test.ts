import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { AppErrorData } from '../../../shared/ipc';
import { makeTempDir } from '../../support/temp-dir';
import { call, callFails, detailsOf, openBackend } from './helpers';

const temp = makeTempDir();
let backend: Backend;
let dirCount = 0;
/** What the (main-process) open-file dialog answers next; null is the user cancelling. */
let dialogAnswer: string | null = null;

beforeEach(() => {
  backend?.close();
  dirCount += 1;
  backend = openBackend({
    dataDir: path.join(temp.dir, `data-${dirCount}`),
    chooseOrganizationFile: async () => dialogAnswer,
  });
});
afterAll(() => {
  backend.close();
  temp.cleanup();
});

async function names(): Promise<string[]> {
  return (await call(backend, 'organizations:list', {})).organizations.map(
    (organization) => organization.name,
  );
}

function problemsOf(error: AppErrorData): { line: number; reason: string }[] {
  return detailsOf(error, 'invalid-file').problems;
}

describe('organizations: add, edit, remove', () => {
  it('adds, renames and removes; names are unique case-insensitively', async () => {
    const acme = await call(backend, 'organizations:upsert', { name: '  Acme   Ltd ', domain: 'acme.com' });
    expect(acme.name).toBe('Acme Ltd');
    expect(acme.domain).toBe('acme.com');
    const clash = await callFails(backend, 'organizations:upsert', { name: 'ACME LTD' });
    expect(clash.code).toBe('conflict');
    const renamed = await call(backend, 'organizations:upsert', { id: acme.id, name: 'Acme Holdings' });
    expect(renamed.name).toBe('Acme Holdings');
    expect(renamed.domain).toBe('acme.com');
    expect((await callFails(backend, 'organizations:upsert', { id: 'nope', name: 'X' })).code).toBe(
      'not-found',
    );
    expect(await call(backend, 'organizations:remove', { ids: [acme.id] })).toEqual({ removed: 1 });
    expect(await names()).toEqual([]);
  });

  it('refuses to remove an organization that is mapped somewhere unless forced', async () => {
    const instance = await call(backend, 'instances:create', { name: 'Prod' });
    const org = await call(backend, 'organizations:upsert', { name: 'Mapped Org' });
    await call(backend, 'mappings:edit', {
      instanceId: instance.id,
      edits: [{ organizationId: org.id, action: 'set', clientId: 42, clientName: 'Mapped Org Ltd' }],
    });
    const refused = await callFails(backend, 'organizations:remove', { ids: [org.id] });
    expect(detailsOf(refused, 'conflict').mapped).toEqual([org.id]);
    expect(await names()).toEqual(['Mapped Org']);
    expect(await call(backend, 'organizations:remove', { ids: [org.id], force: true })).toEqual({
      removed: 1,
    });
    const view = await call(backend, 'mappings:get', { instanceId: instance.id });
    expect(view.rows).toEqual([]);
    expect(view.summary.unsavedChanges).toBe(false);
  });
});

describe('organizations:import (CSV)', () => {
  it('reads a header, a BOM, CRLF, quoted fields with commas, quotes and line breaks', async () => {
    const csv =
      '\uFEFFOrganization Name,Website,External ID\r\n' +
      '"Smith & Sons, Plumbing",smith.example,S-1\r\n' +
      '"The ""Best"" Bakery",,B-2\r\n' +
      '\r\n' +
      '"Multi\nLine Ltd",multi.example,\r\n' +
      'Café Müller GmbH,cafe.example,C-4\r\n';
    const result = await call(backend, 'organizations:import', { format: 'csv', content: csv });
    expect(result).toMatchObject({ rows: 4, headerDetected: true, added: 4, updated: 0, unchanged: 0 });
    const list = (await call(backend, 'organizations:list', {})).organizations;
    expect(list.map((o) => o.name).sort()).toEqual(
      ['Café Müller GmbH', 'Multi Line Ltd', 'Smith & Sons, Plumbing', 'The "Best" Bakery'].sort(),
    );
    const smith = list.find((o) => o.name.startsWith('Smith'));
    expect(smith).toMatchObject({ domain: 'smith.example', externalId: 'S-1' });
    expect(list.find((o) => o.name.startsWith('The'))?.domain).toBeNull();
  });

  it('treats a first row of data as data (no header), and reads semicolons and tabs', async () => {
    const noHeader = 'Acme Ltd,acme.example,1\nGlobex,globex.example,2\n';
    expect(await call(backend, 'organizations:import', { format: 'csv', content: noHeader })).toMatchObject({
      rows: 2,
      headerDetected: false,
      added: 2,
    });
    const semicolons = 'name;domain\n"Initech; Inc";initech.example\n';
    expect(await call(backend, 'organizations:import', { format: 'csv', content: semicolons })).toMatchObject(
      {
        headerDetected: true,
        added: 1,
      },
    );
    const tabs = 'Company\tURL\nHooli\thooli.example\n';
    expect(await call(backend, 'organizations:import', { format: 'csv', content: tabs })).toMatchObject({
      added: 1,
    });
    // A file with only a name column whose first name is "Name Brothers" is still data.
    const names1 = (await names()).sort();
    expect(names1).toEqual(['Acme Ltd', 'Globex', 'Hooli', 'Initech; Inc']);
  });

  it('merges by external id, then by name: updates, keeps blank fields, never deletes', async () => {
    await call(backend, 'organizations:import', {
      format: 'csv',
      content: 'name,domain,external id\nAcme,acme.example,A1\nGlobex,globex.example,G1\nUmbrella,,\n',
    });
    const second = await call(backend, 'organizations:import', {
      format: 'csv',
      content: 'name,external id\nAcme Corporation,A1\nGlobex,G1\nNewco,N1\n',
    });
    expect(second).toMatchObject({ rows: 3, added: 1, updated: 1, unchanged: 1, notInFile: 1 });
    const list = (await call(backend, 'organizations:list', {})).organizations;
    expect(list.map((o) => [o.name, o.domain, o.externalId])).toEqual([
      ['Acme Corporation', 'acme.example', 'A1'],
      ['Globex', 'globex.example', 'G1'],
      ['Newco', null, 'N1'],
      ['Umbrella', null, null],
    ]);
  });

  it('refuses a broken file whole, with every line and reason, and imports nothing', async () => {
    await call(backend, 'organizations:upsert', { name: 'Existing Org' });
    const broken =
      'name,domain,external id\n' +
      'Good One,good.example,1\n' + // line 2
      ',empty.example,2\n' + // line 3: empty name
      'Too,many,columns,here\n' + // line 4
      'good one,dup.example,5\n' + // line 5: duplicate of line 2
      'Spaced,bad domain.example,6\n' + // line 6
      'Fine Ltd,,1\n'; // line 7: duplicate external id
    const error = await callFails(backend, 'organizations:import', { format: 'csv', content: broken });
    expect(error.code).toBe('invalid-file');
    const problems = problemsOf(error);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(problems[0]?.reason).toMatch(/name is empty/);
    expect(problems[1]?.reason).toMatch(/too many columns: 4, the header has 3/);
    expect(problems[2]?.reason).toMatch(/duplicate name "good one" \(also on line 2\)/);
    expect(problems[3]?.reason).toMatch(/domain/);
    expect(problems[4]?.reason).toMatch(/duplicate external id "1" \(also on line 2\)/);
    expect(error.message).toMatch(/Line 3/);
    expect(await names()).toEqual(['Existing Org']);
  });

  it('refuses bad quotes with the line they are on', async () => {
    const closing = await callFails(backend, 'organizations:import', {
      format: 'csv',
      content: 'name\nAcme\n"Bad"quote Ltd\nLater\n',
    });
    expect(problemsOf(closing)).toEqual([{ line: 3, reason: expect.stringMatching(/closing quote/) }]);
    const unclosed = await callFails(backend, 'organizations:import', {
      format: 'csv',
      content: 'name\nAcme\n"Never closed\nMore\n',
    });
    expect(problemsOf(unclosed)[0]?.reason).toMatch(/never closed/);
    expect(await names()).toEqual([]);
  });

  it('refuses a file that is not UTF-8 (bytes) or carries replacement characters (text)', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('name\nAcme\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' Paris\n'),
    ]);
    const bytes = await callFails(backend, 'organizations:import', {
      format: 'csv',
      contentBase64: latin1.toString('base64'),
    });
    expect(problemsOf(bytes)).toEqual([{ line: 3, reason: expect.stringMatching(/not UTF-8 \(byte 14/) }]);
    const text = await callFails(backend, 'organizations:import', {
      format: 'csv',
      content: 'name\nCaf\uFFFD Paris\n',
    });
    expect(problemsOf(text)[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/not valid UTF-8/) });
    // The same file as proper UTF-8 bytes with a BOM goes in.
    const utf8 = Buffer.from('\uFEFFname\nCafé Paris\n', 'utf8');
    expect(
      await call(backend, 'organizations:import', { format: 'csv', contentBase64: utf8.toString('base64') }),
    ).toMatchObject({ added: 1, headerDetected: true });
    expect(await names()).toEqual(['Café Paris']);
  });

  it('refuses an empty file, a header without rows, and a request with both or neither content', async () => {
    expect(
      problemsOf(await callFails(backend, 'organizations:import', { format: 'csv', content: '\n\n' }))[0]
        ?.reason,
    ).toMatch(/no organizations/);
    expect(
      problemsOf(
        await callFails(backend, 'organizations:import', { format: 'csv', content: 'name,domain\n' }),
      )[0]?.reason,
    ).toMatch(/header but no organizations/);
    expect((await callFails(backend, 'organizations:import', { format: 'csv' })).code).toBe(
      'invalid-request',
    );
    expect(
      (
        await callFails(backend, 'organizations:import', {
          format: 'csv',
          content: 'a',
          contentBase64: 'YQ==',
        })
      ).code,
    ).toBe('invalid-request');
  });

  it('imports 50,000 rows in one go', async () => {
    const lines = ['name,domain,external id'];
    for (let i = 0; i < 50_000; i++) lines.push(`"Organization ${i}, Ltd",org${i}.example,EXT-${i}`);
    const result = await call(backend, 'organizations:import', { format: 'csv', content: lines.join('\n') });
    expect(result).toMatchObject({ rows: 50_000, added: 50_000 });
    const list = (await call(backend, 'organizations:list', {})).organizations;
    expect(list).toHaveLength(50_000);
    expect(list.find((o) => o.externalId === 'EXT-49999')?.name).toBe('Organization 49999, Ltd');
  });
});

describe('organizations:import (JSON) and linked source', () => {
  it('reads an array or a wrapper; refuses bad items by position', async () => {
    const json = JSON.stringify({
      organizations: [
        { name: 'Acme', domain: 'acme.example', externalId: 7 },
        { name: 'Globex', website: 'https://globex.example' },
      ],
    });
    expect(await call(backend, 'organizations:import', { format: 'json', content: json })).toMatchObject({
      added: 2,
    });
    const list = (await call(backend, 'organizations:list', {})).organizations;
    expect(list.map((o) => [o.name, o.domain, o.externalId])).toEqual([
      ['Acme', 'acme.example', '7'],
      ['Globex', 'https://globex.example', null],
    ]);
    const bad = await callFails(backend, 'organizations:import', {
      format: 'json',
      content: JSON.stringify([{ name: 'Fine' }, { domain: 'x.example' }, 'text', { name: ' ' }]),
    });
    expect(problemsOf(bad).map((p) => p.line)).toEqual([2, 3, 4]);
    const notJson = await callFails(backend, 'organizations:import', {
      format: 'json',
      content: '[{"name": "A",}]',
    });
    expect(problemsOf(notJson)[0]?.reason).toMatch(/not valid JSON/);
    expect((await call(backend, 'organizations:list', {})).organizations).toHaveLength(2);
  });

  it('links a source file, reads it now, and unlinks', async () => {
    const file = path.join(temp.dir, `orgs-${dirCount}.csv`);
    writeFileSync(file, '\uFEFFname,domain\nLinked One,one.example\nLinked Two,two.example\n');
    dialogAnswer = file;
    const linked = await call(backend, 'organizations:linkSource', { action: 'choose' });
    expect(linked.source).toMatchObject({ path: file, format: 'csv' });
    expect(linked.imported).toMatchObject({ added: 2, headerDetected: true });
    expect((await call(backend, 'organizations:list', {})).source?.path).toBe(file);
    dialogAnswer = path.join(temp.dir, 'nope.csv');
    const missing = await callFails(backend, 'organizations:linkSource', { action: 'choose' });
    expect(missing.code).toBe('not-found');
    expect((await call(backend, 'organizations:list', {})).source?.path).toBe(file);
    // Closing the dialog changes nothing.
    dialogAnswer = null;
    expect((await call(backend, 'organizations:linkSource', { action: 'choose' })).source?.path).toBe(file);
    expect(await call(backend, 'organizations:linkSource', { action: 'unlink' })).toEqual({
      source: null,
      imported: null,
    });
    expect((await call(backend, 'organizations:list', {})).source).toBeNull();
  });

  it('never reads a path the page names: the file comes from the main-process dialog only', async () => {
    const error = await callFails(backend, 'organizations:linkSource', { path: '/etc/passwd' } as never);
    expect(error.code).toBe('invalid-request');
    expect((await call(backend, 'organizations:list', {})).source).toBeNull();
  });
});
