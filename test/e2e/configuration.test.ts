import type { LookupFunction } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SETTLES, screenshotWholePage, startHarness } from './harness';

/**
 * The configuration form end to end: fill, see errors, save, reload, reopen on a new backend over the
 * same data folder. The secret must never reach the page.
 */

const CLIENT_ID = '2f0c8a51-7d4e-4b1a-9c3e-5a6b7c8d9e0f';
const SECRET = 'Zx81Kq0Lm3Np5Rs7Tu9Vw2Xy4Za6Bc8De0Fg1';

/**
 * Saving runs a validation against acme.halopsa.com. Tests never leave the machine: every name resolves
 * to 127.0.0.1, where nothing listens on 443, so the validation fails fast with "refused".
 */
const loopbackOnly = ((_hostname: string, options: unknown, callback: unknown) => {
  const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  if (all) done(null, [{ address: '127.0.0.1', family: 4 }]);
  else done(null, '127.0.0.1', 4);
}) as LookupFunction;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.dispose();
});

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function createInstance(page: Page, name: string) {
  await page.getByRole('button', { name: /Add your first Halo instance|New instance/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create instance' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function expectSaved(page: Page) {
  await page
    .getByRole('listbox', { name: 'Halo instances' })
    .getByRole('option', { name: /Production/ })
    .click();
  await page.getByText('Stored in keychain').waitFor();
  await expect
    .poll(() => textbox(page, 'Resource Server Hostname').inputValue(), SETTLES)
    .toBe('acme.halopsa.com');
  await expect.poll(() => textbox(page, 'Tenant ID').inputValue(), SETTLES).toBe('acme');
  await expect.poll(() => textbox(page, 'Client ID').inputValue(), SETTLES).toBe(CLIENT_ID);
  await expect.poll(() => page.getByLabel('Client Secret').count(), SETTLES).toBe(0);
  expect(await page.content()).not.toContain(SECRET);
}

describe('configuration (e2e)', () => {
  it('saves a configuration that survives a reload and a new backend, and never shows the secret', async () => {
    const session = await harness.open({
      backend: { haloClientOptions: { lookup: loopbackOnly, timeoutMs: 3000 } },
    });
    const { page } = session;
    await createInstance(page, 'Production');
    await createInstance(page, 'Staging');
    await page
      .getByRole('listbox', { name: 'Halo instances' })
      .getByRole('option', { name: /Production/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Production' }).waitFor();
    await screenshotWholePage(session, '07-configuration-empty');

    // Bad input: each field says what is wrong, in words.
    await textbox(page, 'Resource Server Hostname').fill('acme halopsa.com');
    await textbox(page, 'Client ID').fill('12345');
    await textbox(page, 'Tenant ID').click();
    await page.getByText('There is a space inside "acme halopsa.com"', { exact: false }).waitFor();
    await page.getByText('The Client ID looks cut short', { exact: false }).waitFor();
    await screenshotWholePage(session, '08-configuration-errors');

    // A pasted URL is cleaned up, with a note; the tenant hint fills the tenant.
    await textbox(page, 'Resource Server Hostname').fill('https://Acme.HaloPSA.com/api/');
    await textbox(page, 'Client ID').fill(CLIENT_ID);
    await page.getByLabel('Client Secret').fill(SECRET);
    await page.getByRole('button', { name: 'Use “acme”' }).click();
    await expect
      .poll(() => textbox(page, 'Resource Server Hostname').inputValue(), SETTLES)
      .toBe('acme.halopsa.com');
    await page.getByText('will be saved as acme.halopsa.com', { exact: false }).waitFor();
    await expect.poll(() => textbox(page, 'Tenant ID').inputValue(), SETTLES).toBe('acme');
    await page.getByText('Not saved yet').waitFor();
    await screenshotWholePage(session, '09-configuration-filled-unsaved');

    await page.getByRole('button', { name: 'Save and validate' }).click();
    await page.getByText('Stored in keychain').waitFor();
    // The validation runs by itself and fails fast: nothing listens on 127.0.0.1:443.
    await page.getByText(/Failed at “Get an access token”/).waitFor({ timeout: 20_000 });
    expect(await page.content()).not.toContain(SECRET);
    await screenshotWholePage(session, '10-configuration-saved');

    const sidebarRow = page
      .getByRole('listbox', { name: 'Halo instances' })
      .getByRole('option', { name: /Production/ });
    await expect.poll(() => sidebarRow.textContent(), SETTLES).toContain('acme.halopsa.com');
    await expect.poll(() => sidebarRow.textContent(), SETTLES).toContain('secret stored');

    // Reload the page: the same backend answers with what was saved.
    await page.reload();
    await expectSaved(page);

    // A new backend over the same data folder (the app restarted).
    const dataDir = session.dataDir;
    await session.close();
    const reopened = await harness.open({ dataDir });
    await expectSaved(reopened.page);

    expect(session.consoleErrors).toEqual([]);
    expect(reopened.consoleErrors).toEqual([]);
  });

  it('shows the private CA field for on-premise servers', async () => {
    const session = await harness.open();
    const { page } = session;
    await createInstance(page, 'On-premise Halo');
    await page.getByRole('switch', { name: 'Is On-Premise' }).click({ force: true });
    await textbox(page, 'Resource Server Hostname').fill('halo.corp.example:8443');
    const ca = page.getByRole('textbox', { name: /Private CA certificate/ });
    await ca.fill('/etc/ssl/certs/corp-ca.pem');
    await textbox(page, 'Resource Server Hostname').click();
    await page.getByText('That looks like a file name', { exact: false }).waitFor();
    await screenshotWholePage(session, '11-configuration-on-premise');
    expect(session.consoleErrors).toEqual([]);
  });
});
