import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../support/mapping-fixtures';
import { rateLimitGate } from '../support/rate-limit-gate';
import { openMapping, startMappingHarness, stopMappingHarness } from './mapping-harness';
import { type AppHarness, renderApp, startBackend } from './render-app';

/**
 * Issue 13, "the technician's day": what a technician does between the happy paths (switching tabs
 * while work runs, a wrong secret), over a real backend and the fake Halo.
 */
let plainApp: AppHarness | undefined;
afterEach(async () => {
  plainApp?.dispose();
  plainApp = undefined;
  await stopMappingHarness();
});

const mappingRow = (name: string) => {
  const found = screen
    .getByRole('table', { name: 'Organizations of Production' })
    .querySelector<HTMLElement>(`tr[aria-label^="${name}:"]`);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

const sidebarOption = (name: string) =>
  within(screen.getByRole('listbox', { name: /instances/i })).getByRole('option', { name: new RegExp(name) });

describe("the technician's day", { timeout: 30_000 }, () => {
  it('a refresh keeps its progress and its summary across a tab switch (no stuck "Finishing…")', async () => {
    // The token and the page of clients pass; the top levels wait behind Halo's rate limit.
    const gate = rateLimitGate({ passing: 3, retryAfterSeconds: 1 });
    const app = await startMappingHarness({ fake: gate.fakeOptions });
    await app.user.click(screen.getByRole('button', { name: 'Refresh Options' }));
    await screen.findByRole('progressbar', { name: 'Refresh Options progress' });

    // Away and back while it runs: the screen shows the running refresh again, with its progress.
    await app.user.click(screen.getByRole('tab', { name: 'Connection' }));
    await openMapping(app);
    const progress = await screen.findByRole('progressbar', { name: 'Refresh Options progress' });
    await waitFor(() =>
      expect(progress.closest('[role="status"]')).toHaveTextContent(/Waiting for Halo|Reading top levels/),
    );
    expect(screen.getByRole('button', { name: 'Refresh Options' })).toBeDisabled();

    // Away again; it ends while the screen is gone; coming back shows how it ended.
    await app.user.click(screen.getByRole('tab', { name: 'Connection' }));
    gate.open(app.halo);
    await waitFor(
      async () =>
        expect((await invoke(app.backend, 'options:status', { instanceId: app.instanceId })).running).toBe(
          false,
        ),
      { timeout: 10_000 },
    );
    await openMapping(app);
    expect(await screen.findByText('Refreshed 5 Halo clients (5 new).')).toBeVisible();
    expect(screen.queryByRole('progressbar', { name: 'Refresh Options progress' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh Options' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Suggest Values' })).toBeEnabled();
    expect(screen.getByTestId('cache-age')).toHaveTextContent('5 clients');

    // The summary was shown once; the next visit does not repeat it.
    await app.user.click(screen.getByRole('tab', { name: 'Connection' }));
    await openMapping(app);
    expect(screen.queryByText('Refreshed 5 Halo clients (5 new).')).not.toBeInTheDocument();
  });

  it('a refused secret during Refresh is headlined as refused credentials, not "working offline"', async () => {
    const app = await startMappingHarness({ clientSecret: 'Wrong0Secret1Value2For3This4Test5' });
    await app.user.click(screen.getByRole('button', { name: 'Refresh Options' }));
    const headline = await screen.findByText(
      'Refresh Options failed: Halo refused the credentials.',
      {},
      { timeout: 10_000 },
    );
    expect(headline.closest('[role="alert"]')).not.toHaveTextContent(/working offline/);
  });

  it('keeps unsaved connection details, the pasted secret included, across an instance switch', async () => {
    const started = startBackend();
    const ids: string[] = [];
    for (const name of ['Production', 'Staging']) {
      const created = await started.backend.invoke('instances:create', { name });
      if (!created.ok) throw new Error(created.error.message);
      ids.push(created.value.id);
    }
    plainApp = renderApp(started);
    const { user } = plainApp;
    await user.click(await screen.findByRole('option', { name: /Production/ }));
    await screen.findByRole('form', { name: 'Halo configuration' });
    await user.click(screen.getByRole('textbox', { name: 'Resource Server Hostname' }));
    await user.paste('acme.halopsa.com');
    await user.click(screen.getByRole('textbox', { name: 'Client ID' }));
    await user.paste('2f0c8a51-7d4e-4b1a-9c3e-5a6b7c8d9e0f');
    await user.click(screen.getByLabelText('Client Secret'));
    await user.paste('Zx81Kq0Lm3Np5Rs7Tu9Vw2Xy4Za6Bc8De0Fg1');

    await user.click(sidebarOption('Staging'));
    await screen.findByRole('heading', { level: 1, name: 'Staging' });
    expect(await screen.findByRole('textbox', { name: 'Resource Server Hostname' })).toHaveValue('');

    await user.click(sidebarOption('Production'));
    await screen.findByRole('heading', { level: 1, name: 'Production' });
    expect(await screen.findByRole('textbox', { name: 'Resource Server Hostname' })).toHaveValue(
      'acme.halopsa.com',
    );
    expect(screen.getByRole('textbox', { name: 'Client ID' })).toHaveValue(
      '2f0c8a51-7d4e-4b1a-9c3e-5a6b7c8d9e0f',
    );
    expect(screen.getByLabelText('Client Secret')).toHaveValue('Zx81Kq0Lm3Np5Rs7Tu9Vw2Xy4Za6Bc8De0Fg1');
    // Nothing reached the disk: the configuration is still unsaved.
    expect(await invoke(started.backend, 'config:get', { instanceId: ids[0] ?? '' })).toEqual({
      configuration: null,
    });
  });

  it('bulk accept skips suggestions of inactive clients; the Save dialog lists mappings to inactive clients', async () => {
    const app = await startMappingHarness({ refresh: true });
    const { user } = app;
    await user.click(screen.getByRole('button', { name: 'Suggest Values' }));
    await screen.findByText(/^Suggest Values: /);
    const wayne = () => mappingRow('Wayne Enterprises');
    expect(wayne()).toHaveAttribute('aria-label', 'Wayne Enterprises: Suggested');
    expect(screen.getByTestId('skipped-inactive')).toHaveTextContent('1 to inactive clients skipped');
    await user.click(screen.getByRole('button', { name: /^Accept \d+ suggestions in view$/ }));
    await screen.findByText(/^Accepted /);
    expect(wayne()).toHaveAttribute('aria-label', 'Wayne Enterprises: Suggested');
    expect(mappingRow('Acme')).toHaveAttribute('aria-label', 'Acme: Changed');

    // Included on purpose, it is accepted; the Save dialog then names it.
    await user.click(screen.getByRole('checkbox', { name: 'Include inactive clients' }));
    await user.click(screen.getByRole('button', { name: 'Accept 1 suggestions in view' }));
    await waitFor(() => expect(wayne()).toHaveAttribute('aria-label', 'Wayne Enterprises: Changed'));
    await user.click(screen.getByRole('button', { name: /^Save Mappings/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Save mappings' });
    const inactive = await within(dialog).findByRole('region', { name: 'To inactive clients: 1' });
    expect(inactive).toHaveTextContent('Wayne Enterprises');
    expect(dialog).toHaveTextContent('1 mapping goes to an inactive Halo client');
  });

  it('the delete dialog names the saved mappings, the draft, the cached clients and the validation history', async () => {
    const app = await startMappingHarness({ refresh: true, stayOnFirstScreen: true });
    const { backend, instanceId, ids, user } = app;
    await invoke(backend, 'config:validate', { instanceId });
    await invoke(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: ids.Acme ?? '', action: 'set', clientId: 31 }],
    });
    await invoke(backend, 'mappings:save', { instanceId });
    await invoke(backend, 'mappings:edit', {
      instanceId,
      edits: [{ organizationId: ids['Globex Corp'] ?? '', action: 'set', clientId: 32 }],
    });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: /Delete “Production”\?/ });
    await waitFor(() =>
      expect(dialog).toHaveTextContent(
        'its 1 saved mapping, its draft of 1 unsaved change, 5 cached Halo clients and its validation history. This cannot be undone.',
      ),
    );
  });

  it('two organizations mapped to one Halo client: tagged in the row and the picker, with a filter chip', async () => {
    const app = await startMappingHarness({ refresh: true });
    const { backend, instanceId, ids, user } = app;
    await invoke(backend, 'mappings:edit', {
      instanceId,
      edits: [
        { organizationId: ids.Acme ?? '', action: 'set', clientId: 31 },
        { organizationId: ids['Globex Corp'] ?? '', action: 'set', clientId: 31 },
      ],
    });
    await user.click(screen.getByRole('tab', { name: 'Connection' }));
    await openMapping(app);
    expect(mappingRow('Acme')).toHaveTextContent('also mapped from Globex Corp');
    expect(mappingRow('Globex Corp')).toHaveTextContent('also mapped from Acme');
    expect(mappingRow('Wayne Enterprises')).not.toHaveTextContent('also mapped from');
    const sharedChip = screen.getByRole('radio', { name: 'Shared client (2)' });
    await user.click(sharedChip);
    await waitFor(() => expect(screen.getByText('2 shown')).toBeVisible());

    // The picker of a third organization warns before a third mapping to the same client.
    await user.click(screen.getByRole('radio', { name: /^All \(/ }));
    await user.click(
      within(mappingRow('Wayne Enterprises')).getByRole('button', {
        name: /^Halo client for Wayne Enterprises/,
      }),
    );
    await waitFor(() => expect(within(mappingRow('Wayne Enterprises')).getByRole('combobox')).toHaveFocus());
    await user.keyboard('acme');
    expect(await screen.findByRole('option', { name: /Acme Ltd/ })).toHaveTextContent(
      'also mapped from Acme, Globex Corp',
    );
    await user.keyboard('{Escape}');

    // Every status is explained on the screen; "Conflict" says what it means.
    const legend = screen.getByText('What the statuses mean').closest('details');
    expect(legend).toHaveTextContent('Client not in HaloThe chosen client is not in Halo');
    expect(screen.queryByRole('radio', { name: /^Conflict/ })).not.toBeInTheDocument();
  });

  it('keyboard: one Tab stop per row, Enter opens the picker, focus alone does not, Escape closes then returns to the row', async () => {
    const app = await startMappingHarness({ refresh: true });
    const { user } = app;
    const table = screen.getByRole('table', { name: 'Organizations of Production' });
    expect(table.querySelectorAll('tr.mapping-row[tabindex="0"]')).toHaveLength(1);

    // Tab from a row into its picker: the field takes focus, no list pops open.
    act(() => mappingRow('Acme').focus());
    await user.tab();
    const acmePicker = await within(mappingRow('Acme')).findByRole('combobox');
    await waitFor(() => expect(acmePicker).toHaveFocus());
    expect(document.querySelector('.client-popover')).toBeNull();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(mappingRow('Acme')).toHaveFocus());

    // Arrow down to the next row; Enter opens its picker with the list.
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(mappingRow('Globex Corp')).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.querySelector('.client-popover')).not.toBeNull());
    expect(within(mappingRow('Globex Corp')).getByRole('combobox')).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.querySelector('.client-popover')).toBeNull());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(mappingRow('Globex Corp')).toHaveFocus());
  });

  it('an instance switch restores the tab, the filter and the search; the sidebar marks unsaved work', async () => {
    const app = await startMappingHarness({ refresh: true, extraInstances: ['Staging'] });
    const { user } = app;
    await user.click(within(mappingRow('Acme')).getByRole('button', { name: 'Exclude Acme' }));
    await waitFor(() => expect(sidebarOption('Production')).toHaveTextContent('unsaved mappings'));
    await user.click(screen.getByRole('radio', { name: /^Unmapped \(/ }));
    await user.click(screen.getByRole('searchbox', { name: 'Search organizations' }));
    await user.keyboard('glob');
    await waitFor(() => expect(screen.getByText('1 shown')).toBeVisible());

    await user.click(sidebarOption('Staging'));
    await screen.findByRole('heading', { level: 1, name: 'Staging' });
    expect(sidebarOption('Staging')).not.toHaveTextContent('unsaved');

    await user.click(sidebarOption('Production'));
    await screen.findByRole('table', { name: 'Organizations of Production' });
    expect(screen.getByRole('tab', { name: 'Organization mapping' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('searchbox', { name: 'Search organizations' })).toHaveValue('glob');
    expect(screen.getByRole('radio', { name: /^Unmapped \(/ })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText('1 shown')).toBeVisible();
    expect(sidebarOption('Production')).toHaveTextContent('unsaved mappings');
  });
});
