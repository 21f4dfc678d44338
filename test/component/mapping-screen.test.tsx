import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessSuggestRunner, type SuggestRunner } from '../../electron/backend/suggest-runner';
import { MappingAbortedError } from '../../electron/mapping';
import { type FakeHalo, fakeClientRow, startFakeHalo } from '../fake-halo';
import { type HeldPort, holdPort } from '../support/held-port';
import { configuredInstance, invoke } from '../support/mapping-fixtures';
import { type RateLimitGate, rateLimitGate } from '../support/rate-limit-gate';
import { type AppHarness, renderApp, startBackend } from './render-app';

/**
 * The mapping screen in jsdom over a REAL backend (SQLite in a temp dir, the real handlers) and the
 * fake Halo on 127.0.0.1. The matcher runs in-process here (the worker is covered by the backend tests).
 */

let app: AppHarness | undefined;
let fake: FakeHalo | undefined;
let heldPort: HeldPort | undefined;
afterEach(async () => {
  app?.dispose();
  app = undefined;
  await fake?.stop();
  fake = undefined;
  await heldPort?.release();
  heldPort = undefined;
});

const client = fakeClientRow;

const CLIENTS = [
  client(31, 'Acme Ltd'),
  client(32, 'Globex Corporation'),
  client(33, 'Initech'),
  client(34, 'Hooli'),
  client(35, 'Umbrella Corp'),
  client(36, 'Wayne Enterprises', { inactive: true }),
  // Halo lists no website (only GET /api/Client/37 has it), so the organization's domain cannot match it;
  // its name does.
  client(37, 'Cyberdyne Systems', { website: 'https://www.cyberdyne.example' }),
  client(38, 'Baker &amp; Sons'),
];

const ORGANIZATIONS = [
  { name: 'Acme' },
  { name: 'Globex Corp' },
  { name: 'Initech' },
  { name: 'Cyberdyne Systems Inc', domain: 'cyberdyne.example' },
  { name: 'Stark Industries' },
  { name: 'Baker & Sons' },
];

/**
 * A backend with one configured instance and our organizations; the Halo clients not yet refreshed unless
 * `refresh`. The fake Halo listens on a port held for the whole test, so a test can stop it and count on
 * "connection refused" there (see holdPort).
 */
async function setUp(
  options: {
    refresh?: boolean;
    gate?: RateLimitGate;
    clients?: typeof CLIENTS;
    suggestRunner?: SuggestRunner;
  } = {},
) {
  heldPort = await holdPort();
  const halo = await startFakeHalo({
    clients: options.clients ?? CLIENTS,
    port: heldPort.port,
    ...options.gate?.fakeOptions,
  });
  fake = halo;
  const started = startBackend({
    haloClientOptions: { protocol: 'http', proxy: {} },
    suggestRunner: options.suggestRunner ?? createInProcessSuggestRunner(),
  });
  const instanceId = await configuredInstance(started.backend, fake, 'Production');
  const ids: Record<string, string> = {};
  for (const organization of ORGANIZATIONS) {
    ids[organization.name] = (await invoke(started.backend, 'organizations:upsert', organization)).id;
  }
  if (options.refresh) await invoke(started.backend, 'options:refresh', { instanceId });
  app = renderApp(started);
  await app.user.click(await screen.findByRole('tab', { name: 'Organization mapping' }));
  await screen.findByRole('table', { name: 'Organizations of Production' });
  return { ...app, instanceId, ids, halo };
}

const row = (name: string) => {
  const found = screen
    .getByRole('table', { name: 'Organizations of Production' })
    .querySelector<HTMLElement>(`tr[aria-label^="${name}:"]`);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const chip = (label: string) => screen.getByRole('radio', { name: new RegExp(`^${label} \\(`) });
const chipCount = (label: string) =>
  Number(/\((\d+)\)/.exec(chip(label).getAttribute('aria-label') ?? '')?.[1]);

describe('mapping screen', { timeout: 20_000 }, () => {
  it('refreshes options with progress, then shows the cache age and the clients in the picker', async () => {
    // Token discovery, the token and the one page of clients pass; the top levels wait behind Halo's rate
    // limit until the test has seen the refresh running.
    const gate = rateLimitGate({ passing: 3, retryAfterSeconds: 2 });
    const { user, backend, instanceId, halo } = await setUp({ gate });
    expect(screen.getByTestId('cache-age')).toHaveTextContent('No Halo clients yet');
    expect(chipCount('Unmapped')).toBe(ORGANIZATIONS.length);
    expect(screen.getByRole('button', { name: 'Suggest Values' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Refresh Options' }));
    const progress = await screen.findByRole('progressbar', { name: 'Refresh Options progress' });
    await waitFor(() =>
      expect(progress.closest('[role="status"]')).toHaveTextContent('Reading top levels (8 clients read)…'),
    );
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    gate.open(halo);
    expect(
      await screen.findByText('Refreshed 8 Halo clients (8 new).', {}, { timeout: 10_000 }),
    ).toBeVisible();
    expect(screen.getByTestId('cache-age')).toHaveTextContent('Halo clients as of just now · 8 clients');
    expect((await invoke(backend, 'options:get', { instanceId })).clients).toHaveLength(8);

    // The picker filters in memory and shows the disambiguators; HTML entities are decoded.
    // The row shows a light stand-in until used; pressing it puts the real combobox in its place.
    await user.click(
      within(row('Stark Industries')).getByRole('button', {
        name: 'Halo client for Stark Industries: none. Choose a Halo client…',
      }),
    );
    const picker = within(row('Stark Industries')).getByRole('combobox');
    await waitFor(() => expect(picker).toHaveFocus());
    await user.keyboard('sons');
    const option = await screen.findByRole('option', { name: /Baker & Sons/ });
    // Halo's list rows name no main site, so the picker shows the id and top level only.
    expect(option).toHaveTextContent('#38 · Customers');
    expect(option).not.toHaveTextContent('Main Site');
    await user.clear(picker);
    await user.keyboard('wayne');
    expect(await screen.findByRole('option', { name: /Wayne Enterprises/ })).toHaveTextContent('inactive');
    await user.click(screen.getByRole('option', { name: /Wayne Enterprises/ }));
    await waitFor(() =>
      expect(row('Stark Industries')).toHaveAttribute('aria-label', 'Stark Industries: Changed'),
    );
    const rows = (await invoke(backend, 'mappings:get', { instanceId })).rows;
    expect(rows.find((r) => r.organization.name === 'Stark Industries')?.draft).toMatchObject({
      state: 'mapped',
      clientId: 36,
      signal: 'manual',
    });
  });

  it('says in the refresh summary how many Halo client names were cleaned', async () => {
    const { user } = await setUp({
      clients: [...CLIENTS, client(39, 'Evil\u202Egnp.exe\u200B'), client(40, 'N'.repeat(400))],
    });
    await user.click(screen.getByRole('button', { name: 'Refresh Options' }));
    expect(
      await screen.findByText(
        'Refreshed 10 Halo clients (10 new). 2 Halo client names were cleaned (control or invisible characters, or longer than 255 characters).',
        {},
        { timeout: 10_000 },
      ),
    ).toBeVisible();
  });

  it('shows a Halo name stored with HTML entities decoded, after Suggest and after the screen reloads', async () => {
    const { user, backend, instanceId } = await setUp({ refresh: true });
    // Decoded once in the backend: what it sends already reads "Baker & Sons".
    const cached = (await invoke(backend, 'options:get', { instanceId })).clients;
    expect(cached.find((c) => c.id === 38)?.name).toBe('Baker & Sons');
    await user.click(screen.getByRole('button', { name: 'Suggest Values' }));
    await screen.findByText(/^Suggest Values: /);
    const suggestedPicker = 'Halo client for Baker & Sons: none yet, suggested Baker & Sons';
    expect(within(row('Baker & Sons')).getByRole('button', { name: suggestedPicker })).toBeVisible();
    await user.click(within(row('Baker & Sons')).getByRole('button', { name: /^Accept / }));
    await waitFor(() => expect(row('Baker & Sons')).toHaveAttribute('aria-label', 'Baker & Sons: Changed'));

    // A reload (another tab and back) reads the rows afresh; the renderer never decodes, so this path
    // showed "Baker &amp; Sons" while the backend sent names raw.
    await user.click(screen.getByRole('tab', { name: 'Connection' }));
    await user.click(await screen.findByRole('tab', { name: 'Organization mapping' }));
    const picker = await waitFor(() =>
      within(row('Baker & Sons')).getByRole('button', { name: 'Halo client for Baker & Sons: Baker & Sons' }),
    );
    expect(picker).toHaveTextContent('Baker & Sons');
    const table = screen.getByRole('table', { name: 'Organizations of Production' });
    expect(table.textContent).not.toMatch(/&amp;|&#\d+;/);
  });

  it('says calmly that a cancelled Suggest changed nothing (the backend answers the one "cancelled" code)', async () => {
    // A matcher that runs until it is cancelled, as a long run over 10,000 rows would.
    const runUntilCancelled: SuggestRunner = {
      mode: 'in-process',
      run: (_organizations, _clients, _options, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new MappingAbortedError()), { once: true });
        }),
      close: async () => {},
    };
    const { user } = await setUp({ refresh: true, suggestRunner: runUntilCancelled });
    await user.click(screen.getByRole('button', { name: 'Suggest Values' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Suggest Values was cancelled; nothing changed.')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(chipCount('Suggested')).toBe(0);
  });

  it('suggests, accepts and rejects; undo and redo by keyboard; bulk accept is one step', async () => {
    const { user, backend, instanceId } = await setUp({ refresh: true });
    await user.click(screen.getByRole('button', { name: 'Suggest Values' }));
    expect(await screen.findByText(/^Suggest Values: .*1 none\./)).toBeVisible();
    const suggested = chipCount('Suggested');
    expect(suggested).toBe(5);
    expect(row('Cyberdyne Systems Inc')).not.toHaveTextContent('domain');
    expect(
      within(row('Cyberdyne Systems Inc')).getByRole('button', {
        name: 'Halo client for Cyberdyne Systems Inc: none yet, suggested Cyberdyne Systems',
      }),
    ).toHaveTextContent('Cyberdyne Systems');

    await user.click(within(row('Acme')).getByRole('button', { name: /^Accept / }));
    await waitFor(() => expect(chipCount('Suggested')).toBe(4));
    expect(row('Acme')).toHaveAttribute('aria-label', 'Acme: Changed');
    expect(within(row('Acme')).getByRole('button', { name: 'Halo client for Acme: Acme Ltd' })).toBeVisible();
    expect(screen.getByTestId('unsaved')).toHaveTextContent('1 unsaved change');

    // Ctrl+Z undoes the accept, Ctrl+Shift+Z redoes it.
    await user.click(document.body);
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(row('Acme')).toHaveAttribute('aria-label', 'Acme: Suggested'));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(row('Acme')).toHaveAttribute('aria-label', 'Acme: Changed'));

    // R on a focused row rejects its suggestion; that pair is not suggested again.
    act(() => row('Globex Corp').focus());
    await user.keyboard('r');
    await waitFor(() => expect(row('Globex Corp')).toHaveAttribute('aria-label', 'Globex Corp: Unmapped'));

    // Bulk accept the rest at >= 0.90 within the Suggested filter: one undo step.
    await user.click(chip('Suggested'));
    const bulk = screen.getByRole('button', { name: /^Accept \d+ suggestions in view$/ });
    expect(bulk).toHaveAccessibleName('Accept 3 suggestions in view');
    await user.click(bulk);
    expect(await screen.findByText(/Accepted 3 suggestions scoring 0.90 or more/)).toBeVisible();
    const summary = (await invoke(backend, 'mappings:get', { instanceId })).summary;
    expect(summary.undoLabel).toBe('Accept 3 suggestions (score ≥ 0.90)');
    expect(summary.changeCount).toBe(4);
    expect(screen.getByRole('button', { name: 'Undo Accept 3 suggestions (score ≥ 0.90)' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Undo Accept 3 suggestions (score ≥ 0.90)' }));
    await waitFor(() => expect(chipCount('Suggested')).toBe(3));
    expect(await screen.findByText('Undid “Accept 3 suggestions (score ≥ 0.90)”.')).toBeVisible();
  });

  it('saves after showing the diff; refuses with a reason while a row is in Conflict', async () => {
    const { user, backend, instanceId, ids } = await setUp({ refresh: true });
    await invoke(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: ids.Acme as string, action: 'set', clientId: 31 },
        { organizationId: ids.Initech as string, action: 'set', clientId: 999, clientName: 'Ghost Ltd' },
        { organizationId: ids['Stark Industries'] as string, action: 'exclude' },
      ],
    });
    // Re-read what the backend now holds: switching tabs remounts the screen.
    await user.click(screen.getByRole('tab', { name: 'Connection' }));
    await user.click(screen.getByRole('tab', { name: 'Organization mapping' }));
    const save = await screen.findByRole('button', { name: 'Save Mappings (3)' });
    expect(save).toBeDisabled();
    expect(
      screen.getByText('Pick a Halo client for 1 row whose client is not in Halo to save'),
    ).toBeVisible();
    expect(row('Initech')).toHaveTextContent(/no client 999/);

    await user.click(within(row('Initech')).getByRole('button', { name: 'Revert Initech to what is saved' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save Mappings (2)' })).toBeEnabled());

    await user.keyboard('{Control>}s{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Save mappings' });
    const added = await within(dialog).findByRole('region', { name: 'Added: 2' });
    expect(added).toHaveTextContent('AcmeAcme Ltd (#31)');
    expect(added).toHaveTextContent('Stark Industriesexcluded');
    await user.click(within(dialog).getByRole('button', { name: 'Save 2 changes' }));
    expect(await screen.findByText('Saved mappings: 2 added.')).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(chipCount('Mapped')).toBe(1);
    expect(chipCount('Excluded')).toBe(1);
    const saved = (await invoke(backend, 'mappings:get', { instanceId })).summary.saved;
    expect(saved).toMatchObject({ generation: 1, count: 2 });
  });

  it('searches, excludes with X, includes again, and imports a mappings file into the draft', async () => {
    const { user, backend, instanceId, ids } = await setUp({ refresh: true });
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search organizations' });
    expect(search).toHaveFocus();
    await user.keyboard('glob');
    await waitFor(() => expect(screen.getByText('1 shown')).toBeVisible());
    act(() => row('Globex Corp').focus());
    await user.keyboard('x');
    await waitFor(() => expect(row('Globex Corp')).toHaveTextContent('Not mapped on purpose'));
    await user.click(within(row('Globex Corp')).getByRole('button', { name: 'Include Globex Corp' }));
    await waitFor(() => expect(row('Globex Corp')).toHaveAttribute('aria-label', 'Globex Corp: Unmapped'));

    const file = new File(
      [`organization_id,halo_client_id\r\n${ids.Initech},33\r\n${ids['Globex Corp']},32\r\n`],
      'mappings.csv',
      { type: 'text/csv' },
    );
    const input = document.querySelector<HTMLInputElement>('.mapping-toolbar input[type="file"]');
    if (!input) throw new Error('no file input');
    await user.upload(input, file);
    expect(await screen.findByText(/Imported 2 mappings from mappings.csv into the draft/)).toBeVisible();
    const rows = (await invoke(backend, 'mappings:get', { instanceId })).rows;
    expect(rows.filter((r) => r.status === 'changed').map((r) => r.organization.name)).toEqual([
      'Globex Corp',
      'Initech',
    ]);
  });

  it('offline: a failed refresh says why and keeps the cache; editing still works', async () => {
    const { user, backend, instanceId } = await setUp({ refresh: true });
    // Halo goes down; its port stays held, so nothing else can answer there.
    await fake?.stop();
    fake = undefined;
    await user.click(screen.getByRole('button', { name: 'Refresh Options' }));
    const banner = await screen.findByText(
      /Refresh Options failed: working offline\./,
      {},
      { timeout: 10_000 },
    );
    const alert = banner.closest('[role="alert"]');
    expect(alert).toHaveTextContent(/connection refused/);
    expect(alert).toHaveTextContent(/still used; editing and saving work as before/);
    expect(screen.getByTestId('cache-age')).toHaveTextContent('8 clients');
    await user.click(within(row('Acme')).getByRole('button', { name: /^Halo client for Acme:/ }));
    await waitFor(() => expect(within(row('Acme')).getByRole('combobox')).toHaveFocus());
    await user.keyboard('acme');
    await user.click(await screen.findByRole('option', { name: /Acme Ltd/ }));
    await waitFor(() => expect(screen.getByTestId('unsaved')).toHaveTextContent('1 unsaved change'));
    expect((await invoke(backend, 'options:get', { instanceId })).clients).toHaveLength(8);
  });
});
