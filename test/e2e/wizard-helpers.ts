import type { Locator, Page } from 'playwright-core';

/**
 * Locators for the setup guide, shared by the walk-through and the accessibility test. They find things
 * the way a screen reader user would: by role and accessible name.
 */

export const stageTab = (page: Page, title: string): Locator =>
  page.getByRole('tablist', { name: 'Setup stages' }).getByRole('tab', { name: new RegExp(title) });

export const stepItem = (page: Page, id: string): Locator => page.locator(`[data-step="${id}"]`);

export const doneBox = (page: Page, number: number): Locator =>
  page.getByRole('checkbox', { name: `Step ${number} done` });

export const checksCard = (page: Page): Locator => page.getByRole('region', { name: 'What Halo confirmed' });

export const checkItem = (page: Page, id: string): Locator =>
  checksCard(page).locator(`[data-check="${id}"]`);

export const instanceRow = (page: Page, name: string): Locator =>
  page.getByRole('listbox', { name: 'Halo instances' }).getByRole('option', { name: new RegExp(name) });

/** Creates an instance from the welcome screen and opens its setup guide. */
export async function createInstanceAndOpenGuide(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add your first Halo instance' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create instance' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('tab', { name: 'Setup guide' }).click();
  await page.getByRole('tablist', { name: 'Setup stages' }).waitFor();
}

/** Ticks the Done box of each numbered step on the current stage, waiting for the stored answer. */
export async function tickSteps(page: Page, numbers: number[]): Promise<void> {
  for (const number of numbers) {
    const box = doneBox(page, number);
    await box.check({ force: true });
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('input[type="checkbox"]')].some(
          (input) => input.getAttribute('aria-label') === name && (input as HTMLInputElement).checked,
        ),
      `Step ${number} done`,
    );
  }
}
