import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClientRow } from '../fake-halo';
import { invoke } from '../support/mapping-fixtures';
import { DAY_CLIENTS, startMappingHarness, stopMappingHarness } from './mapping-harness';

/**
 * Issue 13, items 5, 7 and 11: reviewing many rows on the mapping screen: sortable columns, a filter by
 * Halo top level, tick boxes with Shift ranges and bulk Exclude / Clear mapping (one undo step each),
 * the list as one Tab stop, resizable columns and a collapsible header, both remembered for the user.
 * A real backend and the fake Halo; Acme, Globex Corp and Wayne Enterprises are our organizations.
 */
const CLIENTS = [
  ...DAY_CLIENTS,
  fakeClientRow(40, 'Globex Corp', { toplevel_id: 2, toplevel_name: 'Partners' }),
];

beforeEach(() => localStorage.clear());
afterEach(async () => {
  await stopMappingHarness();
});

const table = () => screen.getByRole('table', { name: 'Organizations of Production' });
const shownNames = () =>
  [...table().querySelectorAll<HTMLElement>('tbody tr')]
    .sort((a, b) => Number(a.dataset.position) - Number(b.dataset.position))
    .map((row) => row.getAttribute('aria-label')?.split(':')[0]);
const row = (name: string) => {
  const found = table().querySelector<HTMLElement>(`tr[aria-label^="${name}:"]`);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const header = (name: string) => within(table()).getByRole('columnheader', { name: new RegExp(`^${name}`) });

async function suggested() {
  const app = await startMappingHarness({ refresh: true, fake: { clients: CLIENTS } });
  await app.user.click(screen.getByRole('button', { name: 'Suggest Values' }));
  await screen.findByText(/^Suggest Values: /);
  return app;
}

describe('reviewing many rows', { timeout: 30_000 }, () => {
  it('sorts by organization, status and Halo client (aria-sort on the header), and filters by top level', async () => {
    const { user } = await suggested();
    expect(header('Organization')).toHaveAttribute('aria-sort', 'none');
    await user.click(within(header('Organization')).getByRole('button', { name: /Organization/ }));
    expect(header('Organization')).toHaveAttribute('aria-sort', 'ascending');
    expect(shownNames()).toEqual(['Acme', 'Globex Corp', 'Wayne Enterprises']);
    await user.click(within(header('Organization')).getByRole('button', { name: /Organization/ }));
    expect(header('Organization')).toHaveAttribute('aria-sort', 'descending');
    expect(shownNames()).toEqual(['Wayne Enterprises', 'Globex Corp', 'Acme']);

    // By Halo client: rows with a client first, by the client's name.
    await user.click(within(header('Halo client')).getByRole('button', { name: /Halo client/ }));
    expect(header('Halo client')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Organization')).toHaveAttribute('aria-sort', 'none');
    const byClient = shownNames();
    expect(byClient.slice(0, 2)).toEqual(['Acme', 'Globex Corp']);

    // By status, in the chips' order.
    await user.click(within(header('Status')).getByRole('button', { name: /Status/ }));
    expect(header('Status')).toHaveAttribute('aria-sort', 'ascending');

    // Top level: Globex Corp's suggestion (an exact name) sits under Partners, the others under Customers.
    const topLevel = screen.getByRole('combobox', { name: 'Filter by Halo top level' });
    expect(within(topLevel).getByRole('option', { name: 'Partners (1)' })).toBeInTheDocument();
    await user.selectOptions(topLevel, 'Partners (1)');
    await waitFor(() => expect(shownNames()).toEqual(['Globex Corp']));
    expect(screen.getByText('1 shown')).toBeVisible();
    await user.selectOptions(topLevel, 'All top levels');
    await waitFor(() => expect(shownNames()).toHaveLength(3));
  });

  it('ticks rows (Shift+click for a range, the header box for all shown) and excludes or clears them in one undo step', async () => {
    const { user, backend, instanceId } = await suggested();
    await user.click(within(header('Organization')).getByRole('button', { name: /Organization/ }));
    await user.click(within(row('Acme')).getByRole('checkbox', { name: 'Select Acme' }));
    await user.keyboard('{Shift>}');
    await user.click(
      within(row('Wayne Enterprises')).getByRole('checkbox', { name: 'Select Wayne Enterprises' }),
    );
    await user.keyboard('{/Shift}');
    expect(within(row('Globex Corp')).getByRole('checkbox')).toBeChecked();
    const ticked = screen.getByRole('group', { name: 'Ticked rows' });
    expect(ticked).toHaveTextContent('3 ticked');
    expect(within(header('Select all')).getByRole('checkbox')).toBeChecked();

    await user.click(within(ticked).getByRole('button', { name: 'Exclude' }));
    expect(await screen.findByText('Excluded 3 organizations. Undo takes them all back.')).toBeVisible();
    for (const name of ['Acme', 'Globex Corp', 'Wayne Enterprises']) {
      // Excluded in the draft; against what is saved, a change.
      expect(within(row(name)).getByText('Not mapped on purpose')).toBeVisible();
    }
    expect(screen.queryByRole('group', { name: 'Ticked rows' })).not.toBeInTheDocument();
    const summary = (await invoke(backend, 'mappings:get', { instanceId })).summary;
    expect(summary.undoLabel).toBe('Exclude 3 organizations');
    await user.click(screen.getByRole('button', { name: 'Undo Exclude 3 organizations' }));
    await waitFor(() => expect(row('Acme')).toHaveAttribute('aria-label', 'Acme: Suggested'));
    expect(row('Globex Corp')).toHaveAttribute('aria-label', 'Globex Corp: Suggested');

    // Accept two, tick all shown with the header box, and clear: only the mapped ones change.
    await user.click(within(row('Acme')).getByRole('button', { name: /^Accept / }));
    await waitFor(() => expect(row('Acme')).toHaveAttribute('aria-label', 'Acme: Changed'));
    await user.click(within(row('Globex Corp')).getByRole('button', { name: /^Accept / }));
    await waitFor(() => expect(row('Globex Corp')).toHaveAttribute('aria-label', 'Globex Corp: Changed'));
    await user.click(within(header('Select all')).getByRole('checkbox', { name: 'Select all shown rows' }));
    expect(screen.getByRole('group', { name: 'Ticked rows' })).toHaveTextContent('3 ticked');
    await user.click(
      within(screen.getByRole('group', { name: 'Ticked rows' })).getByRole('button', {
        name: 'Clear mapping',
      }),
    );
    expect(
      await screen.findByText('Cleared the mapping of 2 organizations. Undo takes them all back.'),
    ).toBeVisible();
    const cleared = (await invoke(backend, 'mappings:get', { instanceId })).rows;
    expect(cleared.filter((candidate) => candidate.draft.state === 'mapped')).toHaveLength(0);
    expect((await invoke(backend, 'mappings:get', { instanceId })).summary.undoLabel).toBe(
      'Clear the mapping of 2 organizations',
    );

    // Space on a focused row ticks it too.
    act(() => row('Wayne Enterprises').focus());
    await user.keyboard(' ');
    expect(within(row('Wayne Enterprises')).getByRole('checkbox')).toBeChecked();
  });

  it('the list is one Tab stop: Tab goes through the current row and its controls, then leaves the list', async () => {
    const { user } = await suggested();
    expect(table().querySelectorAll('tbody [tabindex="0"], tbody button:not([tabindex="-1"])')).toHaveLength(
      row('Acme').querySelectorAll('button').length + 1,
    );
    act(() => row('Acme').focus());
    for (let press = 0; press < 10; press++) {
      await user.tab();
      if (!row('Acme').contains(document.activeElement)) break;
    }
    expect(table().contains(document.activeElement)).toBe(false);
    // Arrow down, and the next row's controls are the reachable ones.
    act(() => row('Acme').focus());
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(row('Globex Corp')).toHaveFocus());
    expect(
      within(row('Acme'))
        .getAllByRole('button')
        .every((button) => button.tabIndex === -1),
    ).toBe(true);
    expect(
      within(row('Globex Corp'))
        .getAllByRole('button')
        .every((button) => button.tabIndex === 0),
    ).toBe(true);
  });

  it('resizes the Organization column with the arrow keys and the header collapses; both are remembered', async () => {
    const app = await suggested();
    const { user } = app;
    const handle = screen.getByRole('separator', { name: 'Resize the Organization column' });
    expect(handle).toHaveAttribute('aria-valuetext', 'automatic width');
    act(() => handle.focus());
    await user.keyboard('{ArrowRight}');
    const first = Number(handle.getAttribute('aria-valuenow'));
    expect(first).toBeGreaterThanOrEqual(140);
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(Number(handle.getAttribute('aria-valuenow'))).toBe(first + 64);
    expect(table().style.getPropertyValue('--mapping-columns')).toContain(`${first + 64}px`);

    const compact = screen.getByRole('button', { name: 'Compact header' });
    const wasCompact = compact.getAttribute('aria-pressed') === 'true';
    await user.click(compact);
    expect(compact).toHaveAttribute('aria-pressed', String(!wasCompact));
    expect(document.querySelector('.mapping-screen')?.classList.contains('mapping-screen--compact')).toBe(
      !wasCompact,
    );

    // Another screen and back: the width and the header come back as chosen.
    await user.click(screen.getByRole('tab', { name: 'Connection' }));
    await user.click(await screen.findByRole('tab', { name: 'Organization mapping' }));
    const again = await screen.findByRole('separator', { name: 'Resize the Organization column' });
    expect(Number(again.getAttribute('aria-valuenow'))).toBe(first + 64);
    expect(screen.getByRole('button', { name: 'Compact header' })).toHaveAttribute(
      'aria-pressed',
      String(!wasCompact),
    );
    // Enter gives the column back its automatic width.
    act(() => again.focus());
    await user.keyboard('{Enter}');
    expect(again).toHaveAttribute('aria-valuetext', 'automatic width');
    expect(JSON.parse(localStorage.getItem('halo-setup.mapping.columns') ?? 'null')).toEqual({
      org: null,
      client: null,
    });
  });
});
