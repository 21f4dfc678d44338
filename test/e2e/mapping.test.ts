import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../electron/backend';
import { type FakeHalo, startFakeHalo } from '../fake-halo';
import { type HeldPort, holdPort } from '../support/held-port';
import { configuredInstance, invoke, organizationsCsv, organizationsFor } from '../support/mapping-fixtures';
import { rateLimitGate } from '../support/rate-limit-gate';
import { type AppSession, type Harness, SETTLES, screenshotWholePage, startHarness } from './harness';

/**
 * Organization mapping end to end: the built renderer in Chromium, a real backend on a temporary
 * dataDir, the fake Halo on 127.0.0.1 (with a rate limit that holds the refresh until the test has seen
 * its progress and countdown). Import organizations, Refresh Options, Suggest, review, accept, bulk
 * accept, Save; a new backend on the same dataDir shows the mappings; with the fake stopped, editing
 * still works and Refresh fails with a clear message while the cache stays in use.
 */

let harness: Harness;
let fake: FakeHalo | undefined;
let heldPort: HeldPort | undefined;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await fake?.stop();
  await heldPort?.release();
  await harness?.dispose();
});

// One secret store for both sessions: the OS keychain outlives the app, so the reopened app still has the secret.
const secrets = createMemorySecretStore();
const backendOptions = { secrets, haloClientOptions: { protocol: 'http' as const } };

async function chooseFile(page: Page, button: string, name: string, content: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

const chip = (page: Page, label: string) => page.getByRole('radio', { name: new RegExp(`^${label} \\(`) });

async function chipCount(page: Page, label: string): Promise<number> {
  const name = (await chip(page, label).getAttribute('aria-label')) ?? '';
  return Number(/\((\d+)\)/.exec(name)?.[1] ?? Number.NaN);
}

async function openMapping(session: AppSession, instanceName: string) {
  const { page } = session;
  await page
    .getByRole('listbox', { name: 'Halo instances' })
    .getByRole('option', { name: new RegExp(instanceName) })
    .click();
  await page.getByRole('tab', { name: 'Organization mapping' }).click();
  await page.getByTestId('cache-age').waitFor();
}

describe('organization mapping (e2e)', () => {
  it('imports, refreshes, suggests, reviews, saves, survives a restart, and works offline', async () => {
    // Token discovery, the token and page 1 of 3 pass; page 2 gets a 429 with Retry-After: 3 until the
    // test opens the gate, so the countdown shows for as long as the test needs to see it.
    const gate = rateLimitGate({ passing: 3, retryAfterSeconds: 3 });
    // The port stays held after the fake stops at the end, so "Halo is down" means connection refused.
    heldPort = await holdPort();
    fake = await startFakeHalo({
      clients: 250,
      seed: 7,
      inactiveShare: 0.04,
      port: heldPort.port,
      ...gate.fakeOptions,
    });
    const session = await harness.open({ backend: backendOptions });
    const { page, backend, dataDir } = session;
    await configuredInstance(backend, fake, 'Contoso Halo');
    await page.reload();

    // Our organizations: a broken file is refused whole, with line numbers and reasons.
    await page.getByRole('button', { name: /Our organizations/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Our organizations' }).waitFor();
    await chooseFile(
      page,
      'Import CSV or JSON…',
      'broken.csv',
      'name,domain\nAcme Ltd,acme.example\n,nameless.example\nGlobex,globex.example\n,another.example\n',
    );
    const refusal = page.getByRole('alert').filter({ hasText: 'broken.csv was refused' });
    await refusal.waitFor();
    await expect.poll(() => refusal.textContent(), SETTLES).toMatch(/Line 3.*Line 5/);
    expect((await invoke(backend, 'organizations:list', {})).organizations).toHaveLength(0);
    await screenshotWholePage(session, 'mapping-01-import-refused');

    const organizations = organizationsFor(fake.clients(), { count: 60, unknown: 8 });
    await chooseFile(page, 'Import CSV or JSON…', 'organizations.csv', organizationsCsv(organizations));
    await page.getByText(`Imported organizations.csv: ${organizations.length} added`).waitFor();
    await page.getByRole('table', { name: 'Our organizations' }).waitFor();
    await screenshotWholePage(session, 'mapping-02-imported');

    // The mapping screen before the first refresh: every row Unmapped, no Halo clients yet.
    await openMapping(session, 'Contoso Halo');
    await expect
      .poll(() => page.getByTestId('cache-age').textContent(), SETTLES)
      .toContain('No Halo clients yet');
    await expect.poll(() => chipCount(page, 'Unmapped'), SETTLES).toBe(organizations.length);
    await screenshotWholePage(session, 'mapping-03-before-refresh');

    // Refresh Options: the rate-limit countdown with page n of m, then (gate open) the result.
    await page.getByRole('button', { name: 'Refresh Options' }).click();
    await page
      .getByText(/Waiting for Halo’s rate limit: \d+ s \(page 1 of 3, 100 clients so far\)/)
      .waitFor({ timeout: 15_000 });
    await screenshotWholePage(session, 'mapping-04-refresh-rate-limit-countdown');
    gate.open(fake);
    await page.getByText(/Refreshed 250 Halo clients/).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('cache-age').textContent(), SETTLES)
      .toMatch(/Halo clients as of just now · 250 clients/);

    // Suggest Values: counts by signal.
    await page.getByRole('button', { name: 'Suggest Values' }).click();
    const suggestNotice = page.getByText(/^Suggest Values: /);
    await suggestNotice.waitFor({ timeout: 30_000 });
    await expect.poll(() => suggestNotice.textContent(), SETTLES).toMatch(/\d+ (exact|normalised|by domain)/);
    const suggested = await chipCount(page, 'Suggested');
    expect(suggested).toBeGreaterThan(20);
    await screenshotWholePage(session, 'mapping-05-suggested');

    // Review the Suggested rows: accept one, reject one.
    await chip(page, 'Suggested').click();
    const list = page.getByRole('table', { name: 'Organizations of Contoso Halo' });
    const firstRow = list.locator('tbody tr').first();
    const acceptedName = await firstRow.locator('.mapping-row__name').textContent();
    await screenshotWholePage(session, 'mapping-06-review');
    await firstRow.getByRole('button', { name: /^Accept / }).click();
    await expect.poll(() => chipCount(page, 'Suggested')).toBe(suggested - 1);
    await list
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /^Reject / })
      .click();
    await expect.poll(() => chipCount(page, 'Suggested')).toBe(suggested - 2);
    await expect.poll(() => page.getByTestId('unsaved').textContent(), SETTLES).toContain('1 unsaved change');

    // Pick a client by hand for an Unmapped row: type to filter, choose.
    await chip(page, 'Unmapped').click();
    const unmappedRow = list.locator('tbody tr').first();
    await unmappedRow.getByRole('button', { name: /^Halo client for / }).click();
    const picker = unmappedRow.getByRole('combobox');
    await expect.poll(() => picker.evaluate((element) => element === document.activeElement)).toBe(true);
    await picker.fill('smith');
    const option = page.getByRole('option', { name: /Smith & Sons Plumbing/ }).first();
    await option.waitFor();
    await screenshotWholePage(session, 'mapping-07-picker');
    await option.click();
    await expect.poll(() => page.getByTestId('unsaved').textContent()).toContain('2 unsaved changes');

    // Bulk accept everything suggested at 0.90 or more in the current filter: one undo step.
    await chip(page, 'Suggested').click();
    const bulk = page.getByRole('button', { name: /^Accept \d+ suggestions in view$/ });
    const bulkCount = Number(/Accept (\d+)/.exec((await bulk.getAttribute('aria-label')) ?? '')?.[1]);
    expect(bulkCount).toBeGreaterThan(10);
    await bulk.click();
    await page.getByText(`Accepted ${bulkCount} suggestions scoring 0.90 or more`).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: /^Undo Accept \d+ suggestions/ }).isEnabled(), SETTLES)
      .toBe(true);
    // Ctrl+Z takes the whole bulk accept back; Ctrl+Shift+Z puts it again.
    await page.locator('body').press('Control+z');
    await expect.poll(() => chipCount(page, 'Suggested')).toBe(suggested - 2);
    await page.locator('body').press('Control+Shift+z');
    await expect.poll(() => chipCount(page, 'Suggested')).toBe(suggested - 2 - bulkCount);
    const changed = 2 + bulkCount;
    await expect
      .poll(() => page.getByTestId('unsaved').textContent())
      .toContain(`${changed} unsaved changes`);

    // Save: the diff first, then one transaction.
    await chip(page, 'All').click();
    await page.getByRole('button', { name: `Save Mappings (${changed})` }).click();
    const dialog = page.getByRole('dialog', { name: 'Save mappings' });
    await dialog.getByRole('region', { name: `Added: ${changed}` }).waitFor();
    await screenshotWholePage(session, 'mapping-08-save-diff');
    await dialog.getByRole('button', { name: `Save ${changed} changes` }).click();
    await page.getByText(`Saved mappings: ${changed} added.`).waitFor();
    // A suggestion may point at an inactive client: saved, it shows as Stale (inactive) rather than Mapped.
    const mappedNow = await chipCount(page, 'Mapped');
    expect(mappedNow + (await chipCount(page, 'Stale'))).toBe(changed);
    await screenshotWholePage(session, 'mapping-09-saved');

    // Export downloads a CSV through a Blob link.
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Saved mappings as CSV' }).click();
    const file = await (await download).path();
    const exported = readFileSync(file, 'utf8');
    expect(exported).toContain('organization_id,organization_name,state,halo_client_id');
    expect(exported).toContain(acceptedName ?? '');
    expect(exported.trim().split('\n')).toHaveLength(changed + 1);
    expect(session.consoleErrors).toEqual([]);

    // A new backend on the same dataDir shows the mappings.
    await session.close();
    const reopened = await harness.open({ dataDir, backend: backendOptions });
    await openMapping(reopened, 'Contoso Halo');
    const again = reopened.page;
    await expect.poll(() => chipCount(again, 'Mapped'), SETTLES).toBe(mappedNow);
    await expect.poll(() => again.getByTestId('cache-age').textContent(), SETTLES).toContain('250 clients');
    await screenshotWholePage(reopened, 'mapping-10-reopened');

    // Offline: Halo is gone (its port held, so nothing else answers there). Editing still works; Refresh
    // fails clearly and keeps the cache.
    await fake.stop();
    fake = undefined;
    await chip(again, 'Mapped').click();
    const mappedRow = again
      .getByRole('table', { name: 'Organizations of Contoso Halo' })
      .locator('tbody tr')
      .first();
    await mappedRow.focus();
    await mappedRow.press('x');
    await expect.poll(() => again.getByTestId('unsaved').textContent()).toContain('1 unsaved change');
    await again.getByRole('button', { name: 'Refresh Options' }).click();
    const offline = again.getByRole('alert').filter({ hasText: 'Refresh Options failed: working offline.' });
    await offline.waitFor({ timeout: 30_000 });
    await expect.poll(() => offline.textContent(), SETTLES).toMatch(/connect|refused|reach/i);
    await expect.poll(() => offline.textContent(), SETTLES).toMatch(/cached .* are still used/);
    await expect.poll(() => again.getByTestId('cache-age').textContent(), SETTLES).toContain('250 clients');
    await expect.poll(() => chipCount(again, 'Changed'), SETTLES).toBe(1);
    expect(
      (
        await invoke(reopened.backend, 'options:get', {
          instanceId: (await invoke(reopened.backend, 'instances:list', {})).instances[0]?.id ?? '',
        })
      ).clients,
    ).toHaveLength(250);
    await chip(again, 'All').click();
    await screenshotWholePage(reopened, 'mapping-11-offline');
    expect(reopened.consoleErrors).toEqual([]);
  });
});
