/**
 * The README's screenshots, from a finished setup: `npx tsx scripts/docs-screenshots.ts` (after
 * `npx electron-vite build`). The built renderer runs in Chromium through the end-to-end harness, over a
 * real backend on a temporary dataDir and the fake Halo, with an instance whose setup guide is done: every
 * step ticked, Halo's self-check passed (agent, application, scope, teams, customers), the connection
 * validated, and the mappings suggested, reviewed and saved. Writes docs/screenshot.png (the Connection
 * screen) and docs/screenshot-mapping.png (the mapping screen in a 1280x720 window).
 */
import path from 'node:path';
import { STEP_IDS } from '../shared/checklist';
import { screenshotWholePage, startHarness } from '../test/e2e/harness';
import { startFakeHalo } from '../test/fake-halo/index';
import {
  configuredInstance,
  invoke,
  organizationsCsv,
  organizationsFor,
} from '../test/support/mapping-fixtures';

const DOCS = path.resolve('docs');

// The fake's default agent is in every team, so the teams check passes.
const fake = await startFakeHalo({ clients: 412, seed: 5, inactiveShare: 0.03 });
const harness = await startHarness();
try {
  const session = await harness.open({ backend: { haloClientOptions: { protocol: 'http' } } });
  const { page, backend } = session;
  const instanceId = await configuredInstance(backend, fake, 'Production');

  // The setup guide, finished: every step done, the last stage open, Halo's self-check passed.
  for (const stepId of STEP_IDS) await invoke(backend, 'wizard:setStep', { instanceId, stepId, done: true });
  await invoke(backend, 'wizard:setStage', { instanceId, stage: 'map' });
  const checked = await invoke(backend, 'wizard:check', { instanceId });
  const failed = checked.view.checks.filter((check) => check.status !== 'passed');
  if (failed.length > 0)
    throw new Error(`setup checks did not pass: ${failed.map((check) => check.id).join(', ')}`);

  // Mappings: our organizations, suggested, the confident ones accepted, saved.
  const organizations = organizationsFor(fake.clients(), { count: 140, unknown: 12 });
  await invoke(backend, 'organizations:import', { format: 'csv', content: organizationsCsv(organizations) });
  await invoke(backend, 'options:refresh', { instanceId });
  await invoke(backend, 'mappings:suggest', { instanceId });
  const { rows } = await invoke(backend, 'mappings:get', { instanceId });
  const confident = rows.filter((row) => row.status === 'suggested' && (row.suggestion?.score ?? 0) >= 0.97);
  await invoke(backend, 'mappings:edit', {
    instanceId,
    edits: confident.map((row) => ({ organizationId: row.organization.id, action: 'accept' as const })),
  });
  await invoke(backend, 'mappings:save', { instanceId });
  await invoke(backend, 'mappings:suggest', { instanceId });

  await page.setViewportSize({ width: 1280, height: 820 });
  await page.reload();
  await page
    .getByRole('listbox', { name: 'Halo instances' })
    .getByRole('option', { name: /Production/ })
    .click();
  await page.getByText('Setup checked by Halo').first().waitFor();
  await page.getByRole('tab', { name: 'Connection' }).click();
  await page
    .getByText(/^Validated/)
    .first()
    .waitFor();
  // A run on screen, so the panel shows each request's answer rather than the stored summary alone.
  await page.getByRole('button', { name: 'Validate again' }).click();
  await page.getByText('Connected: everything works').waitFor({ timeout: 15_000 });
  const hero = await screenshotWholePage(session, 'docs-connection');
  await import('node:fs/promises').then((fs) => fs.copyFile(hero, path.join(DOCS, 'screenshot.png')));

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('tab', { name: 'Organization mapping' }).click();
  await page.locator('table.mapping-list tbody tr').first().waitFor();
  await page.screenshot({ path: path.join(DOCS, 'screenshot-mapping.png'), animations: 'disabled' });
  if (session.consoleErrors.length > 0)
    throw new Error(`console errors: ${session.consoleErrors.join('\n')}`);
  console.log('Wrote docs/screenshot.png and docs/screenshot-mapping.png');
} finally {
  await harness.dispose();
  await fake.stop();
}
