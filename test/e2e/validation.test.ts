import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../fake-halo';
import { rateLimitGate } from '../support/rate-limit-gate';
import { type AppSession, type Harness, SETTLES, screenshotWholePage, startHarness } from './harness';

/**
 * Validation end to end: the renderer in Chromium, a real backend, the real Halo client and the fake
 * Halo on 127.0.0.1 over plain http (the backend's haloClientOptions: { protocol: 'http' }).
 */

let harness: Harness;
let fake: FakeHalo | undefined;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});
afterAll(async () => {
  await harness?.dispose();
});

const panel = (page: Page) => page.getByRole('region', { name: 'Validation' });
const step = (page: Page, id: string) => panel(page).locator(`[data-step="${id}"]`);

async function fillAndSave(session: AppSession, halo: FakeHalo, secret: string) {
  const { page } = session;
  await page.getByRole('button', { name: 'Add your first Halo instance' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Lab Halo');
  await dialog.getByRole('button', { name: 'Create instance' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lab Halo' }).waitFor();
  // 127.0.0.1:port is an on-premise address: the switch goes on first, then the host is accepted.
  await page.getByRole('switch', { name: 'Is On-Premise' }).click({ force: true });
  await page.getByRole('textbox', { name: 'Resource Server Hostname', exact: true }).fill(halo.host);
  await page.getByRole('textbox', { name: 'Client ID', exact: true }).fill(FAKE_CLIENT_ID);
  await page.getByLabel('Client Secret').fill(secret);
  await page.getByRole('button', { name: 'Save and validate' }).click();
}

describe('validation (e2e)', () => {
  it('validates after saving: each step ok with its evidence; diagnostics copied without the secret', async () => {
    // Token discovery (/api/authinfo) and the token pass; Agent/me waits behind the rate limit until the
    // test has seen the validation running.
    const gate = rateLimitGate({ passing: 2, retryAfterSeconds: 2 });
    fake = await startFakeHalo({ clients: 412, inactiveShare: 0, ...gate.fakeOptions });
    const session = await harness.open({ backend: { haloClientOptions: { protocol: 'http' } } });
    const { page } = session;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await fillAndSave(session, fake, FAKE_CLIENT_SECRET);

    // Progress arrives as events while Halo answers: the token is done while Agent/me still waits.
    await panel(page).getByText('Checking the connection to Halo…').waitFor();
    await expect.poll(() => step(page, 'token').getAttribute('class')).toContain('step--ok');
    await expect.poll(() => step(page, 'agent').getAttribute('class'), SETTLES).not.toContain('step--ok');
    await screenshotWholePage(session, '12-validation-running');
    gate.open(fake);
    await panel(page).getByText('Connected: everything works').waitFor({ timeout: 15_000 });
    await expect.poll(() => step(page, 'token').getAttribute('class'), SETTLES).toContain('step--ok');
    await expect
      .poll(() => step(page, 'agent').textContent(), SETTLES)
      .toContain("Signed in as agent 'Rewst API' (id 7)");
    await expect
      .poll(() => step(page, 'customers').textContent(), SETTLES)
      .toContain('Can see 412 customers');
    await expect.poll(() => step(page, 'token').textContent(), SETTLES).toMatch(/\d+ ms/);
    await expect.poll(() => panel(page).textContent(), SETTLES).toContain(`http://${fake.host}/api`);
    await screenshotWholePage(session, '13-validation-success');

    // The clipboard is written asynchronously after the click (and "Copied" shows for 2.5 s only): wait for
    // the report itself.
    await panel(page).getByRole('button', { name: 'Copy diagnostics' }).click();
    const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(readClipboard).toContain('instance: Lab Halo');
    const report = await readClipboard();
    expect(report).toContain('instance: Lab Halo');
    expect(report).toContain('client secret: stored in keychain (not shown)');
    expect(report).toContain('evidence: Can see 412 customers');
    expect(report).not.toContain(FAKE_CLIENT_SECRET);
    expect(await page.content()).not.toContain(FAKE_CLIENT_SECRET);

    // Validate again runs the three requests once more.
    fake.resetStats();
    await panel(page).getByRole('button', { name: 'Validate again' }).click();
    await panel(page).getByText('Connected: everything works').waitFor({ timeout: 15_000 });
    expect(fake.stats.tokenRequests).toBe(1);
    expect(fake.stats.apiRequests).toBeGreaterThanOrEqual(2);

    expect(session.consoleErrors).toEqual([]);
  });

  it('a wrong secret fails at the token with invalid_client and the Client-ID-may-have-changed hint', async () => {
    fake = await startFakeHalo({ clients: 12 });
    const session = await harness.open({ backend: { haloClientOptions: { protocol: 'http' } } });
    const { page } = session;
    await fillAndSave(session, fake, 'Wrong0Secret1Value2For3This4Test5');

    await panel(page).getByText('Failed at “Get an access token”').waitFor({ timeout: 15_000 });
    await expect.poll(() => step(page, 'token').getAttribute('class'), SETTLES).toContain('step--failed');
    await expect.poll(() => step(page, 'token').textContent(), SETTLES).toContain('invalid-client');
    await expect
      .poll(() => step(page, 'agent').textContent(), SETTLES)
      .toContain('Skipped because an earlier step failed.');
    await expect
      .poll(() => step(page, 'token').textContent(), SETTLES)
      .toContain('Halo may change the Client ID');
    const row = page
      .getByRole('listbox', { name: 'Halo instances' })
      .getByRole('option', { name: /Lab Halo/ });
    await expect.poll(() => row.textContent(), SETTLES).toContain('Validation failed:');
    await screenshotWholePage(session, '14-validation-failure');
    expect(session.consoleErrors).toEqual([]);
  });

  it('dark theme: the main screen follows the OS', async () => {
    fake = await startFakeHalo({ clients: 412, inactiveShare: 0 });
    const session = await harness.open({
      colorScheme: 'dark',
      backend: { haloClientOptions: { protocol: 'http' } },
    });
    const { page } = session;
    await screenshotWholePage(session, '02-empty-state-dark');
    await fillAndSave(session, fake, FAKE_CLIENT_SECRET);
    await panel(page).getByText('Connected: everything works').waitFor({ timeout: 15_000 });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 25, 29)');
    await screenshotWholePage(session, '15-main-screen-dark');

    // The delete confirmation, in the dark.
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').waitFor();
    await screenshotWholePage(session, '16-delete-confirmation-dark');
    expect(session.consoleErrors).toEqual([]);
  });
});
