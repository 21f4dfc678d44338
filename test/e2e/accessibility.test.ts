import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../fake-halo';
import { configuredInstance, invoke, organizationsCsv, organizationsFor } from '../support/mapping-fixtures';
import { type AppSession, type Harness, saveScreenshot, startHarness } from './harness';
import { checksCard, createInstanceAndOpenGuide, stageTab } from './wizard-helpers';

/**
 * axe-core (through @axe-core/playwright) on every setup guide stage and the app's main screens, in the
 * built renderer under its production CSP (`script-src 'self'`). AxeBuilder injects axe with Playwright's
 * page.evaluate, which runs over the DevTools protocol and is not subject to the page's CSP; the first
 * test proves the CSP is in force and that no violation was reported while axe ran.
 *
 * The bar is the issue's: no serious or critical violation (WCAG 2.0/2.1 A and AA rules, plus axe's best
 * practices), in light and dark.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

const TEAMS = [
  { id: 1, name: '1st Line Support' },
  { id: 2, name: '2nd Line Support' },
  { id: 8, name: 'Sales' },
  { id: 9, name: 'Accounts' },
];

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

/** Runs axe on the page as it is; fails with each serious/critical rule, its help and the elements hit. */
async function expectAccessible(page: Page, screen: string): Promise<number> {
  // Legacy mode: one axe run in the page itself. The app has no iframes, so nothing is missed, and it is
  // about twice as fast as the frame-by-frame mode, which also opens a blank page to finish each run.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = serious.map(
    (violation) =>
      `${screen}: ${violation.id} (${violation.impact}) ${violation.help}\n  ${violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`)
        .join('\n  ')}`,
  );
  expect(report, report.join('\n')).toEqual([]);
  // axe really looked: it passed rules on this screen.
  expect(results.passes.length).toBeGreaterThan(10);
  return results.passes.length;
}

async function openAllStages(session: AppSession, label: string): Promise<void> {
  const { page } = session;
  const stages: Array<[string, string]> = [
    ['Create the API agent', 'Stage A'],
    ['Create the application', 'Stage B'],
    ['Teams', 'Stage C'],
    ['Configure', 'Stage D'],
    ['Validate', 'Stage E'],
    ['Map organizations', 'Stage F'],
  ];
  for (const [tab, heading] of stages) {
    await stageTab(page, tab).click();
    await page.getByRole('heading', { name: new RegExp(`^${heading} ·`) }).waitFor();
    await expectAccessible(page, `${label} ${heading}`);
  }
}

async function configureThroughGuide(page: Page, halo: FakeHalo): Promise<void> {
  await stageTab(page, 'Create the application').click();
  await page.getByRole('textbox', { name: 'Client ID from Halo' }).fill(FAKE_CLIENT_ID);
  await page.getByLabel('Client Secret from Halo').fill(FAKE_CLIENT_SECRET);
  await stageTab(page, 'Configure').click();
  await page.getByRole('switch', { name: 'Is On-Premise' }).click({ force: true });
  await page.getByRole('textbox', { name: 'Resource Server Hostname', exact: true }).fill(halo.host);
  await page.getByRole('button', { name: 'Save and validate' }).click();
  await checksCard(page)
    .getByText(/Checked just now/)
    .waitFor({ timeout: 15_000 });
}

describe('accessibility (axe-core)', () => {
  it('main screens: welcome, new-instance dialog, connection form, validation, delete confirmation', async () => {
    fake = await startFakeHalo({ clients: 30, inactiveShare: 0 });
    const session = await harness.open({ backend: { haloClientOptions: { protocol: 'http' } } });
    const { page } = session;
    // The production CSP is in force while axe runs.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");

    await page.getByRole('button', { name: 'Add your first Halo instance' }).waitFor();
    await expectAccessible(page, 'welcome');
    await page.getByRole('button', { name: 'Add your first Halo instance' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Halo instance' });
    await dialog.waitFor();
    await expectAccessible(page, 'new instance dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Lab Halo');
    await dialog.getByRole('button', { name: 'Create instance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lab Halo' }).waitFor();
    await expectAccessible(page, 'connection (empty)');

    await page.getByRole('switch', { name: 'Is On-Premise' }).click({ force: true });
    await page.getByRole('textbox', { name: 'Resource Server Hostname', exact: true }).fill(fake.host);
    await page.getByRole('textbox', { name: 'Client ID', exact: true }).fill('not-a-guid');
    await page.getByRole('textbox', { name: 'Client ID', exact: true }).blur();
    await page.getByText(/GUID/).first().waitFor();
    await expectAccessible(page, 'connection (field error)');
    await page.getByRole('textbox', { name: 'Client ID', exact: true }).fill(FAKE_CLIENT_ID);
    await page.getByLabel('Client Secret').fill(FAKE_CLIENT_SECRET);
    await page.getByRole('button', { name: 'Save and validate' }).click();
    await page.getByText('Connected: everything works').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'connection (validated)');

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').waitFor();
    await expectAccessible(page, 'delete confirmation');
    expect(session.consoleErrors.filter((message) => /Content Security Policy/i.test(message))).toEqual([]);
  });

  it('every setup guide stage, before and after a check that reopens steps', async () => {
    fake = await startFakeHalo({
      clients: 30,
      inactiveShare: 0,
      teams: TEAMS,
      agent: {
        id: 7,
        name: 'Rewst API',
        email: 'rewst.api@example.test',
        isdisabled: false,
        isapiagent: true,
        teamIds: [1, 2],
      },
    });
    const session = await harness.open({ backend: { haloClientOptions: { protocol: 'http' } } });
    const { page } = session;
    await createInstanceAndOpenGuide(page, 'Brightline Halo');
    await openAllStages(session, 'new');
    await configureThroughGuide(page, fake);
    await openAllStages(session, 'checked');
    expect(session.consoleErrors).toEqual([]);
  });

  it('the setup guide in dark mode, with a failed scope check', async () => {
    fake = await startFakeHalo({ clients: 30, inactiveShare: 0, grantedScope: 'read:customers' });
    const session = await harness.open({
      colorScheme: 'dark',
      backend: { haloClientOptions: { protocol: 'http' } },
    });
    const { page } = session;
    await createInstanceAndOpenGuide(page, 'Dark lab');
    await configureThroughGuide(page, fake);
    await openAllStages(session, 'dark');
    await page.getByRole('tab', { name: 'Connection' }).click();
    await page.getByRole('region', { name: 'Validation' }).waitFor();
    await expectAccessible(page, 'dark connection');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').waitFor();
    await expectAccessible(page, 'dark delete confirmation');
    expect(session.consoleErrors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the mapping screen, its Save dialog and the organizations screen (${colorScheme}), at 1024x640 and 1280x720`, async () => {
      fake = await startFakeHalo({ clients: 120, inactiveShare: 0.1 });
      const session = await harness.open({
        colorScheme,
        backend: { haloClientOptions: { protocol: 'http' } },
      });
      const { page, backend } = session;
      const instanceId = await configuredInstance(backend, fake, 'Contoso Halo');
      const organizations = organizationsFor(fake.clients(), { count: 60, unknown: 8 });
      await invoke(backend, 'organizations:import', {
        format: 'csv',
        content: organizationsCsv(organizations),
      });
      await invoke(backend, 'options:refresh', { instanceId });
      await invoke(backend, 'mappings:suggest', { instanceId });
      const first = (await invoke(backend, 'mappings:get', { instanceId })).rows[0];
      if (!first) throw new Error('no rows');
      await invoke(backend, 'mappings:edit', {
        instanceId,
        edits: [{ organizationId: first.organization.id, action: 'exclude' }],
      });
      await page.reload();
      await page
        .getByRole('listbox', { name: 'Halo instances' })
        .getByRole('option', { name: /Contoso Halo/ })
        .click();
      await page.getByRole('tab', { name: 'Organization mapping' }).click();
      await page.getByRole('table', { name: 'Organizations of Contoso Halo' }).waitFor();
      await expectAccessible(page, `${colorScheme} mapping`);
      for (const [width, height] of [
        [1024, 640],
        [1280, 720],
      ] as const) {
        await page.setViewportSize({ width, height });
        // Small windows change the layout (a compact header; at 1024 Status and Why fold under the row).
        await expectAccessible(page, `${colorScheme} mapping ${width}x${height}`);
        await saveScreenshot(page, `mapping-${width}x${height}-${colorScheme}`);
      }
      await page.setViewportSize({ width: 1280, height: 820 });
      await page.getByRole('button', { name: /^Save Mappings/ }).click();
      await page
        .getByRole('dialog', { name: 'Save mappings' })
        .getByText(/will be saved in one step/)
        .waitFor();
      await expectAccessible(page, `${colorScheme} save dialog`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /Our organizations/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Our organizations' }).waitFor();
      await expectAccessible(page, `${colorScheme} organizations`);
      expect(session.consoleErrors).toEqual([]);
    });
  }
});
