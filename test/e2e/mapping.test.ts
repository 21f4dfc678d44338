import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../electron/backend';
import { type FakeHalo, startFakeHalo } from '../fake-halo';
import { type HeldPort, holdPort } from '../support/held-port';
import { configuredInstance, invoke, organizationsCsv, organizationsFor } from '../support/mapping-fixtures';
import { rateLimitGate } from '../support/rate-limit-gate';
import {
  type AppSession,
  type Harness,
  SETTLES,
  saveScreenshot,
  screenshotWholePage,
  startHarness,
} from './harness';

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

/** Rows whose whole box lies inside the list's scrolled viewport (below its sticky header). */
function fullyVisibleRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const list = document.querySelector('table.mapping-list');
    const head = list?.querySelector('thead');
    if (!list || !head) return 0;
    const box = list.getBoundingClientRect();
    const top = head.getBoundingClientRect().bottom;
    const bottom = box.top + list.clientHeight;
    return [...list.querySelectorAll('tbody tr')].filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.top >= top - 0.5 && rect.bottom <= bottom + 0.5;
    }).length;
  });
}

/** What the focused element shows as its focus sign: a visible outline or a box shadow (or nothing). */
function focusSign(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const name =
      element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? element.tagName;
    return {
      what: `${element.tagName.toLowerCase()}.${element.className} "${name}"`,
      visible: outline || shadow,
      row: element.closest('tr[data-position]')?.getAttribute('data-position') ?? null,
      inList: element.closest('table.mapping-list') !== null,
    };
  });
}

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

describe('the mapping screen in small windows and from the keyboard (e2e)', () => {
  it('no sideways scroll at 1024x640, 8+ rows at 1280x720, a compact header, resizable columns, visible focus, shortcut help in view', async () => {
    const small = await startFakeHalo({ clients: 120, inactiveShare: 0.1 });
    try {
      const session = await harness.open({ backend: backendOptions });
      const { page, backend } = session;
      const instanceId = await configuredInstance(backend, small, 'Contoso Halo');
      const organizations = organizationsFor(small.clients(), { count: 60, unknown: 8 });
      await invoke(backend, 'organizations:import', {
        format: 'csv',
        content: organizationsCsv(organizations),
      });
      await invoke(backend, 'options:refresh', { instanceId });
      await invoke(backend, 'mappings:suggest', { instanceId });
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.reload();
      await openMapping(session, 'Contoso Halo');
      const list = page.getByRole('table', { name: 'Organizations of Contoso Halo' });
      await list.locator('tbody tr').first().waitFor();

      // 1024x640: nothing scrolls sideways, neither the page nor the list; Status and Why fold under the row.
      const widths = () =>
        page.evaluate(() => {
          const table = document.querySelector('table.mapping-list');
          return {
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            list: table ? table.scrollWidth - table.clientWidth : Number.NaN,
          };
        });
      await expect.poll(widths, SETTLES).toEqual({ page: 0, list: 0 });
      await expect.poll(() => list.getAttribute('class'), SETTLES).toContain('mapping-list--folded');
      // The actions of the first row are inside the window.
      const accept = list.locator('tbody tr').nth(1).getByRole('button').last();
      const acceptBox = await accept.boundingBox();
      expect((acceptBox?.x ?? 9999) + (acceptBox?.width ?? 0)).toBeLessThanOrEqual(1024);

      // A short window starts with the compact header; the choice is remembered.
      const compact = page.getByRole('button', { name: 'Compact header' });
      await expect.poll(() => compact.getAttribute('aria-pressed'), SETTLES).toBe('true');

      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        for (const [width, height] of [
          [1024, 640],
          [1280, 720],
        ] as const) {
          await page.setViewportSize({ width, height });
          await expect.poll(widths, SETTLES).toEqual({ page: 0, list: 0 });
          await saveScreenshot(page, `mapping-small-${width}x${height}-${colorScheme}`);
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // 1280x720: at least 8 whole rows in the list's viewport.
      await expect.poll(() => fullyVisibleRows(page), SETTLES).toBeGreaterThanOrEqual(8);
      await expect.poll(() => list.getAttribute('class'), SETTLES).not.toContain('mapping-list--folded');

      // Expanded by choice, the header stays expanded after a reload; compact again for the rest.
      await compact.click();
      await expect.poll(() => compact.getAttribute('aria-pressed'), SETTLES).toBe('false');
      await page.reload();
      await openMapping(session, 'Contoso Halo');
      await expect.poll(() => compact.getAttribute('aria-pressed'), SETTLES).toBe('false');
      await compact.click();
      await expect.poll(() => compact.getAttribute('aria-pressed'), SETTLES).toBe('true');

      // Resize the Organization column from the keyboard; the width is remembered after a reload.
      const orgHeader = list.getByRole('columnheader', { name: /Organization/ });
      const before = (await orgHeader.boundingBox())?.width ?? 0;
      const handle = page.getByRole('separator', { name: 'Resize the Organization column' });
      await handle.focus();
      for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
      await expect
        .poll(async () => (await orgHeader.boundingBox())?.width ?? 0, SETTLES)
        .toBeGreaterThan(before + 40);
      const widened = (await orgHeader.boundingBox())?.width ?? 0;
      // And with the pointer: drag the same edge 30 px back to the left.
      const grip = await handle.boundingBox();
      if (!grip) throw new Error('no Organization column handle');
      await page.mouse.move(grip.x + 4, grip.y + 8);
      await page.mouse.down();
      await page.mouse.move(grip.x - 12, grip.y + 8, { steps: 3 });
      await page.mouse.move(grip.x - 26, grip.y + 8, { steps: 3 });
      await page.mouse.up();
      await expect
        .poll(async () => (await orgHeader.boundingBox())?.width ?? 0, SETTLES)
        .toBeLessThan(widened - 20);
      const resized = (await orgHeader.boundingBox())?.width ?? 0;
      expect(resized).toBeGreaterThan(before);
      await page.reload();
      await openMapping(session, 'Contoso Halo');
      await expect
        .poll(async () => Math.round((await orgHeader.boundingBox())?.width ?? 0), SETTLES)
        .toBe(Math.round(resized));
      await expect.poll(widths, SETTLES).toEqual({ page: 0, list: 0 });

      // Visible focus on everything Tab reaches, from the screen's tabs to past the list; the list is
      // one row (and that row's own controls), never every row's buttons.
      await page.getByRole('tab', { name: 'Organization mapping' }).focus();
      const missing: string[] = [];
      const rowsReached = new Set<string>();
      let leftList = false;
      let wasInList = false;
      for (let press = 0; press < 60 && !leftList; press++) {
        await page.keyboard.press('Tab');
        const sign = await focusSign(page);
        if (!sign) continue;
        if (!sign.visible) missing.push(sign.what);
        if (sign.row !== null) rowsReached.add(sign.row);
        if (wasInList && !sign.inList) leftList = true;
        wasInList = sign.inList;
        // A picker reached by Tab does not open.
        expect(await page.locator('.client-popover').count()).toBe(0);
      }
      expect(missing, missing.join('\n')).toEqual([]);
      expect(leftList).toBe(true);
      expect([...rowsReached]).toEqual(['0']);

      // The shortcut help fits the window and nothing in it overlaps, at both small sizes.
      for (const [width, height] of [
        [1024, 640],
        [1280, 720],
      ] as const) {
        await page.setViewportSize({ width, height });
        await list.locator('tbody tr').first().focus();
        await page.keyboard.press('?');
        const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await help.waitFor();
        const popover = await page.locator('.help-popover').boundingBox();
        if (!popover) throw new Error('no help popover');
        expect(popover.x).toBeGreaterThanOrEqual(0);
        expect(popover.y).toBeGreaterThanOrEqual(0);
        expect(popover.x + popover.width).toBeLessThanOrEqual(width);
        expect(popover.y + popover.height).toBeLessThanOrEqual(height);
        const keys = await help.locator('dt').all();
        const actions = await help.locator('dd').all();
        expect(keys.length).toBeGreaterThan(8);
        const boxes: Box[] = [];
        for (const element of [...keys, ...actions]) {
          const box = await element.boundingBox();
          if (box) boxes.push(box);
        }
        const overlaps: string[] = [];
        boxes.forEach((a, i) => {
          boxes.forEach((b, j) => {
            if (i < j && intersects(a, b)) overlaps.push(`${i}/${j}`);
          });
        });
        expect(overlaps).toEqual([]);
        // The trigger stays uncovered, so the help can be closed where it was opened.
        const trigger = await page.getByRole('button', { name: 'Keyboard shortcuts' }).boundingBox();
        if (trigger) expect(intersects(trigger, popover)).toBe(false);
        await saveScreenshot(page, `mapping-small-help-${width}x${height}`);
        await page.keyboard.press('Escape');
        await help.waitFor({ state: 'detached' });
      }
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await small.stop();
    }
  });
});
