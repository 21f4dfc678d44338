import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../support/mapping-fixtures';
import { type AppHarness, renderApp, startBackend } from './render-app';

/** Our organizations, the directory every instance maps from, over a real backend. */

let app: AppHarness | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

/** What the main process's open-file dialog answers (null: the user closed it). */
let dialogAnswer: string | null = null;

async function openDirectory() {
  const started = startBackend({ chooseOrganizationFile: async () => dialogAnswer });
  await invoke(started.backend, 'instances:create', { name: 'Production' });
  app = renderApp(started);
  await app.user.click(await screen.findByRole('button', { name: /Our organizations/ }));
  await screen.findByRole('heading', { level: 1, name: 'Our organizations' });
  return app;
}

const fileInput = () => {
  const input = document.querySelector<HTMLInputElement>('.org-import input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
};

describe('our organizations', { timeout: 20_000 }, () => {
  it('refuses a broken CSV whole, listing each line and reason, then imports a good one', async () => {
    const { user, backend } = await openDirectory();
    const broken = new File(
      ['name,domain\nAcme Ltd,acme.example\n,nameless.example\nGlobex,\n,x.example\n'],
      'orgs.csv',
    );
    await user.upload(fileInput(), broken);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('orgs.csv was refused; nothing was imported.');
    const problems = within(alert).getByRole('list', { name: 'Problems in the file' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringMatching(/^Line 3 .+/), expect.stringMatching(/^Line 5 .+/)]);
    expect((await invoke(backend, 'organizations:list', {})).organizations).toHaveLength(0);

    const good = new File(
      ['\uFEFFname,domain\r\n"Acme, Inc.",acme.example\r\nGlobex,\r\nInitech,initech.example\r\n'],
      'orgs.csv',
    );
    await user.upload(fileInput(), good);
    expect(
      await screen.findByText('Imported orgs.csv: 3 added, 0 updated, 0 unchanged (header row detected).'),
    ).toBeVisible();
    const table = screen.getByRole('table', { name: 'Our organizations' });
    expect(within(table).getByText('Acme, Inc.')).toBeVisible();
    expect(within(table).getByText('initech.example')).toBeVisible();
    expect(screen.getByText('3 organizations')).toBeVisible();

    // A file without one of them keeps it, and says so in English.
    await user.upload(fileInput(), new File(['name\nGlobex\nInitech\n'], 'fewer.csv'));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '1 organization not in the file stays in the directory.',
    );
  });

  it('shows the Microsoft tenant and the other domains a file gives; a bad tenant id names its line', async () => {
    const { user, backend } = await openDirectory();
    await user.upload(fileInput(), new File(['Name,Tenant ID\nAcme Ltd,not-a-guid\n'], 'tenants.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Line 2 .*Microsoft tenant id "not-a-guid" is not a GUID/);
    expect((await invoke(backend, 'organizations:list', {})).organizations).toHaveLength(0);

    await user.upload(
      fileInput(),
      new File(
        [
          'Name,Domain,Microsoft Tenant ID,Domains\r\n',
          'Acme Ltd,acme.example,{72F988BF-86F1-41AF-91AB-2D7CD011DB47},"acme.co.uk, acme.de"\r\n',
        ],
        'tenants.csv',
      ),
    );
    expect(await screen.findByText(/Imported tenants.csv: 1 added/)).toBeVisible();
    const table = screen.getByRole('table', { name: 'Our organizations' });
    expect(within(table).getByText('72f988bf-86f1-41af-91ab-2d7cd011db47')).toBeVisible();
    expect(within(table).getByText('acme.example +2')).toHaveAttribute(
      'title',
      'acme.example, acme.co.uk, acme.de',
    );

    // The edit form shows the tenant, refuses a non-GUID on that field, and keeps the stored one.
    await user.click(screen.getByRole('button', { name: 'Edit Acme Ltd' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit organization' });
    const tenantField = within(dialog).getByRole('textbox', { name: /Microsoft tenant id/ });
    expect(tenantField).toHaveValue('72f988bf-86f1-41af-91ab-2d7cd011db47');
    await user.clear(tenantField);
    await user.type(tenantField, 'acme.onmicrosoft.com');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/is not a Microsoft tenant id/)).toBeVisible();
    const [stored] = (await invoke(backend, 'organizations:list', {})).organizations;
    expect(stored?.microsoftTenantId).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
  });

  it('imports JSON, adds, edits and removes; removing a mapped one asks again and takes its mappings', async () => {
    const { user, backend } = await openDirectory();
    const json = new File(
      [JSON.stringify([{ name: 'Acme' }, { name: 'Globex', domain: 'globex.example' }])],
      'orgs.json',
    );
    await user.upload(fileInput(), json);
    expect(await screen.findByText(/Imported orgs.json: 2 added/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Add organization' }));
    let dialog = await screen.findByRole('dialog', { name: 'Add organization' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Initech');
    await user.type(within(dialog).getByRole('textbox', { name: 'Domain' }), 'initech.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add organization' }));
    await waitFor(() => expect(screen.getByText('3 organizations')).toBeVisible());

    // A duplicate name is refused with the backend's words.
    await user.click(screen.getByRole('button', { name: 'Edit Initech' }));
    dialog = await screen.findByRole('dialog', { name: 'Edit organization' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'acme');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('An organization called "Acme" exists already.')).toBeVisible();
    await user.clear(name);
    await user.type(name, 'Initech Europe');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Initech Europe')).toBeVisible();

    // Map Acme in the instance, then remove it from the directory.
    const { instances } = await invoke(backend, 'instances:list', {});
    const instanceId = instances[0]?.id ?? '';
    const acme = (await invoke(backend, 'organizations:list', {})).organizations.find(
      (o) => o.name === 'Acme',
    );
    await invoke(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: acme?.id ?? '', action: 'exclude' }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove Acme' }));
    let confirm = await screen.findByRole('alertdialog', { name: 'Remove “Acme”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    confirm = await screen.findByText(
      'It is mapped or excluded in at least one instance. Removing it deletes those mappings too.',
    );
    await user.click(screen.getByRole('button', { name: 'Remove with its mappings' }));
    await waitFor(() => expect(screen.getByText('2 organizations')).toBeVisible());
    const names = (await invoke(backend, 'organizations:list', {})).organizations.map((o) => o.name);
    expect(names).toEqual(['Globex', 'Initech Europe']);

    // Back to the instance: the sidebar selection returns to it.
    await user.click(screen.getByRole('option', { name: /Production/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
  });

  it('links a file chosen in the app dialog, shows it, and unlinks; a closed dialog changes nothing', async () => {
    const { user, dataDir } = await openDirectory();
    const file = path.join(dataDir, 'our-orgs.csv');
    writeFileSync(file, 'name,domain\nAcme Ltd,acme.example\nGlobex,globex.example\n');

    dialogAnswer = null;
    await user.click(screen.getByRole('button', { name: 'Link a file…' }));
    expect(await screen.findByRole('button', { name: 'Link a file…' })).toBeVisible();
    expect(screen.queryByText(/Linked to/)).toBeNull();

    dialogAnswer = file;
    await user.click(screen.getByRole('button', { name: 'Link a file…' }));
    expect(await screen.findByText(new RegExp(`Linked to ${file.replaceAll('/', '\\/')}`))).toBeVisible();
    const table = screen.getByRole('table', { name: 'Our organizations' });
    expect(await within(table).findByText('Globex')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(screen.queryByText(/Linked to/)).toBeNull());
    expect(within(table).getByText('Globex')).toBeVisible();
  });
});
