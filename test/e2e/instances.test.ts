import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, screenshotWholePage, startHarness } from './harness';

/** Instances end to end: the built renderer in Chromium over a real backend. Screenshots of each screen. */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.dispose();
});

async function createInstance(page: Page, name: string, screenshot?: (name: string) => Promise<string>) {
  const opener = page.getByRole('button', { name: /Add your first Halo instance|New instance/ });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  if (screenshot) await screenshot('03-create-instance-dialog');
  await dialog.getByRole('button', { name: 'Create instance' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('instances (e2e)', () => {
  it('first run: explains the app, creates, renames and lists instances', async () => {
    const session = await harness.open();
    const { page } = session;
    await page.getByRole('heading', { name: 'Connect your Halo PSA' }).waitFor();
    await screenshotWholePage(session, '01-empty-state');

    await createInstance(page, 'Production', (name) => screenshotWholePage(session, name));
    await createInstance(page, 'Contoso sandbox');
    const list = page.getByRole('listbox', { name: 'Halo instances' });
    await expect(list.getByRole('option').count()).resolves.toBe(2);
    await expect(list.getByRole('option', { name: /Production/ }).textContent()).resolves.toContain(
      'Not configured',
    );
    await screenshotWholePage(session, '04-instance-list');

    // A duplicate name is refused by the backend; the message shows in the dialog.
    await page.getByRole('button', { name: 'New instance' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Production');
    await dialog.getByRole('button', { name: 'Create instance' }).click();
    await dialog.getByText('An instance called "Production" exists already. Choose another name.').waitFor();
    await screenshotWholePage(session, '05-create-instance-duplicate-name');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Rename the selected instance.
    await list.getByRole('option', { name: /Contoso sandbox/ }).click();
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename instance' });
    await rename.getByRole('textbox', { name: 'Name' }).fill('Contoso staging');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contoso staging' }).waitFor();

    const listed = await session.backend.invoke('instances:list', {});
    expect(listed.ok && listed.value.instances.map((instance) => instance.name).sort()).toEqual([
      'Contoso staging',
      'Production',
    ]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('deletes after a confirmation that names the host and the keychain secret', async () => {
    const session = await harness.open();
    const { page, backend } = session;
    const created = await backend.invoke('instances:create', { name: 'Production' });
    if (!created.ok) throw new Error(created.error.message);
    await backend.invoke('instances:create', { name: 'Sandbox' });
    const saved = await backend.invoke('config:save', {
      instanceId: created.value.id,
      configuration: {
        resourceServer: 'acme.halopsa.com',
        clientId: '2f0c8a51-7d4e-4b1a-9c3e-5a6b7c8d9e0f',
        tenant: 'acme',
        authServer: '',
        isOnPremise: false,
        caCertificatePem: '',
        clientSecret: 'Zx81Kq0Lm3Np5Rs7Tu9Vw2Xy4Za6Bc8De',
      },
    });
    expect(saved.ok).toBe(true);
    await page.reload();
    await page
      .getByRole('listbox', { name: 'Halo instances' })
      .getByRole('option', { name: /Production/ })
      .click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toContain(
      "Deletes 'Production': its configuration for acme.halopsa.com and its client secret in the OS keychain. This cannot be undone.",
    );
    await screenshotWholePage(session, '06-delete-confirmation');
    await dialog.getByRole('button', { name: 'Delete instance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sandbox' }).waitFor();
    const listed = await backend.invoke('instances:list', {});
    expect(listed.ok && listed.value.instances.map((instance) => instance.name)).toEqual(['Sandbox']);
    expect(session.consoleErrors).toEqual([]);
  });

  it('is usable from the keyboard: open the dialog, type, submit with Enter', async () => {
    const session = await harness.open();
    const { page } = session;
    await page.getByRole('button', { name: 'Add your first Halo instance' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
    await dialog.waitFor();
    // The name field has focus as the dialog opens.
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Keyboard only' }).waitFor();
    expect(session.consoleErrors).toEqual([]);
  });
});
