import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../fake-halo';
import { type HeldPort, holdPort } from '../support/held-port';
import { type Harness, SETTLES, screenshotWholePage, startHarness } from './harness';
import {
  checkItem,
  checksCard,
  createInstanceAndOpenGuide,
  doneBox,
  instanceRow,
  stageTab,
  stepItem,
  tickSteps,
} from './wizard-helpers';

/**
 * The setup guide walked end to end in Chromium: the built renderer, a real backend on a real SQLite file,
 * the real Halo client, and the fake Halo on 127.0.0.1. An agent missing two teams, an application without
 * the "all" permission, a fix in Halo followed by a second check, and a restart on the same dataDir.
 */

const TEAMS = [
  { id: 1, name: '1st Line Support' },
  { id: 2, name: '2nd Line Support' },
  { id: 4, name: 'Projects' },
  { id: 5, name: 'Service Desk' },
  { id: 8, name: 'Sales' },
  { id: 9, name: 'Accounts' },
];
const AGENT = {
  id: 7,
  name: 'Rewst API',
  email: 'rewst.api@brightline-it.example',
  isdisabled: false,
  isapiagent: true,
};

let harness: Harness;
let fake: FakeHalo | undefined;
let heldPort: HeldPort | undefined;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
  await heldPort?.release();
  heldPort = undefined;
});
afterAll(async () => {
  await harness?.dispose();
});

/** The Copy button writes the clipboard asynchronously after the click: wait until it holds the value. */
async function expectClipboard(page: Page, value: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(value);
}

describe('setup guide (e2e)', () => {
  it('walks A-F: names the two missing teams, rechecks after the fix, and resumes after a restart', async () => {
    // Halo is restarted on the same port later: the port stays held meanwhile, so no other server gets it.
    heldPort = await holdPort();
    fake = await startFakeHalo({
      port: heldPort.port,
      clients: 412,
      inactiveShare: 0,
      teams: TEAMS,
      agent: { ...AGENT, teamIds: [1, 2, 4, 5] },
      latencyMs: 60,
    });
    const opened: string[] = [];
    const backendOptions = {
      haloClientOptions: { protocol: 'http' as const },
      openExternal: async (url: string) => {
        opened.push(url);
      },
    };
    const session = await harness.open({ backend: backendOptions });
    const { page } = session;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await createInstanceAndOpenGuide(page, 'Brightline Halo');

    // Stage A: four steps, each with its menu path, mistakes and whether the API can check it.
    await expect
      .poll(() => stageTab(page, 'Create the API agent').getAttribute('aria-selected'), SETTLES)
      .toBe('true');
    await page.getByRole('heading', { name: 'Stage A · Create the API agent' }).waitFor();
    await expect.poll(() => stepItem(page, 'agents-new').textContent(), SETTLES).toContain('Configuration');
    await expect
      .poll(() => stepItem(page, 'agent-create').textContent(), SETTLES)
      .toContain('needs no Halo licence');
    await expect
      .poll(() => stepItem(page, 'agent-permissions').textContent(), SETTLES)
      .toContain('Allow use of all Customers');
    await expect.poll(() => stepItem(page, 'sign-in').textContent(), SETTLES).toContain('Manual step.');
    await expect
      .poll(() => stepItem(page, 'agent-create').textContent(), SETTLES)
      .toContain('Checked automatically in stage E.');
    // Before the host is known, "Open in Halo" says where it will come from.
    await expect
      .poll(() => stepItem(page, 'sign-in').textContent(), SETTLES)
      .toContain('once the Resource Server is saved');
    await stepItem(page, 'agent-create').getByRole('button', { name: 'Copy Agent name' }).click();
    await expectClipboard(page, 'Rewst API');
    // Done by keyboard: Tab to the box, Space to tick.
    await doneBox(page, 1).focus();
    await page.keyboard.press('Space');
    await tickSteps(page, [1, 2, 3, 4]);
    await screenshotWholePage(session, 'wizard-01-stage-a-agent');

    // Stage B, reached with the arrow keys on the stage tabs.
    await stageTab(page, 'Create the API agent').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Stage B · Create the application' }).waitFor();
    await expect
      .poll(() => stepItem(page, 'auth-method').textContent(), SETTLES)
      .toContain('Client ID may change after');
    await expect.poll(() => stepItem(page, 'scope-all').textContent(), SETTLES).toContain('must be “all”');
    await stepItem(page, 'auth-method').getByRole('button', { name: 'Copy Authentication method' }).click();
    await expectClipboard(page, 'Client ID and Secret (Services)');
    await page.getByRole('textbox', { name: 'Client ID from Halo' }).fill(FAKE_CLIENT_ID.toUpperCase());
    await page.getByLabel('Client Secret from Halo').fill(FAKE_CLIENT_SECRET);
    await page.getByRole('textbox', { name: 'Client ID from Halo' }).blur();
    await tickSteps(page, [5, 6, 7, 8, 9, 10, 11]);
    await screenshotWholePage(session, 'wizard-02-stage-b-application');

    // Stage C.
    await page.getByRole('button', { name: /^Next: C\. Teams/ }).click();
    await page.getByRole('heading', { name: 'Stage C · Teams' }).waitFor();
    await tickSteps(page, [12, 13, 14]);
    await screenshotWholePage(session, 'wizard-03-stage-c-teams');

    // Stage D: the configuration form, with the Client ID and Secret from stage B already in it.
    await page.getByRole('button', { name: /^Next: D\. Configure/ }).click();
    await page.getByRole('heading', { name: 'Stage D · Configure' }).waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Client ID', exact: true }).inputValue(), SETTLES)
      .toBe(FAKE_CLIENT_ID);
    await expect
      .poll(() => page.getByLabel('Client Secret', { exact: true }).inputValue(), SETTLES)
      .toBe(FAKE_CLIENT_SECRET);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'from stage B' }).count(), SETTLES)
      .toBe(1);
    await page.getByRole('switch', { name: 'Is On-Premise' }).click({ force: true });
    await page.getByRole('textbox', { name: 'Resource Server Hostname', exact: true }).fill(fake.host);
    await screenshotWholePage(session, 'wizard-04-stage-d-configure');
    await page.getByRole('button', { name: 'Save and validate' }).click();

    // Stage E runs the check by itself; the teams check names the two missing teams.
    await page.getByRole('heading', { name: 'Stage E · Validate' }).waitFor();
    await checksCard(page)
      .getByText(/Checked just now: 4 of 5 confirmed, 1 to fix/)
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => checkItem(page, 'teams').textContent(), SETTLES)
      .toContain("'Rewst API' is in 4 of 6 teams; missing: Sales, Accounts.");
    await expect
      .poll(() => checkItem(page, 'agent').textContent(), SETTLES)
      .toContain("Agent/me: 'Rewst API' (id 7), enabled");
    await expect
      .poll(() => checkItem(page, 'scope').textContent(), SETTLES)
      .toContain('Halo granted the scope “all”. Checked for “all”, or “read:customers” with “all:teams”.');
    await expect
      .poll(() => checkItem(page, 'customers').textContent(), SETTLES)
      .toContain('The agent can see 412 customers.');
    expect(await page.content()).not.toContain(FAKE_CLIENT_SECRET);
    await expect
      .poll(async () => instanceRow(page, 'Brightline Halo').textContent())
      .toContain('Teams: 2 missing');
    await expect.poll(() => stageTab(page, 'Teams').textContent(), SETTLES).toContain('1 to fix');
    await screenshotWholePage(session, 'wizard-05-stage-e-teams-missing');

    // The failed check reopened step 14, which names the teams and says what to fix.
    await checkItem(page, 'teams').getByRole('button', { name: 'Go to step 14 (stage C)' }).click();
    await page.getByRole('heading', { name: 'Stage C · Teams' }).waitFor();
    const step14 = stepItem(page, 'teams-select-all');
    await expect.poll(() => step14.getAttribute('class'), SETTLES).toContain('wizard-step--reopened');
    await expect.poll(() => doneBox(page, 14).isChecked(), SETTLES).toBe(false);
    await expect
      .poll(() => step14.getByRole('list', { name: 'Teams the agent is missing' }).textContent(), SETTLES)
      .toBe('SalesAccounts');
    await expect.poll(() => step14.textContent(), SETTLES).toContain('add “Sales”, “Accounts”, and save');
    // The menu path now names the agent Halo reported.
    expect(
      await stepItem(page, 'agent-teams').getByRole('list', { name: 'Where in Halo' }).textContent(),
    ).toContain('Rewst API');
    await stepItem(page, 'agent-teams').getByRole('button', { name: 'Open Configuration in Halo' }).click();
    await page.waitForFunction(() => true);
    await expect.poll(() => opened).toEqual([`https://${fake?.host}/config`]);
    await screenshotWholePage(session, 'wizard-06-stage-c-reopened');

    // Stage B shows the evidence of the confirmed steps.
    await stageTab(page, 'Create the application').click();
    await expect
      .poll(() => stepItem(page, 'scope-all').textContent(), SETTLES)
      .toContain('Confirmed by Halo just now.');
    await expect
      .poll(() => stepItem(page, 'auth-method').textContent(), SETTLES)
      .toContain('Halo accepted this Client ID and Secret');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Client ID from Halo' }).inputValue(), SETTLES)
      .toBe('');
    await screenshotWholePage(session, 'wizard-07-stage-b-confirmed');

    // The technician adds the two teams in Halo; the same Halo answers again on the same port. The fake
    // cannot change its agent while running, so it restarts, on the port held since the start.
    await fake.stop();
    fake = await startFakeHalo({
      port: heldPort.port,
      clients: 412,
      inactiveShare: 0,
      teams: TEAMS,
      agent: { ...AGENT, teamIds: TEAMS.map((team) => team.id) },
    });
    await stageTab(page, 'Validate').click();
    await page.getByRole('button', { name: 'Validate again' }).click();
    await checksCard(page)
      .getByText(/5 of 5 confirmed\./)
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => checkItem(page, 'teams').textContent(), SETTLES)
      .toContain("'Rewst API' is in all 6 teams.");
    await expect
      .poll(async () => instanceRow(page, 'Brightline Halo').textContent())
      .toContain('Setup checked by Halo');
    await screenshotWholePage(session, 'wizard-08-stage-e-all-confirmed');

    await page.getByRole('button', { name: /^Next: F\. Map organizations/ }).click();
    await page.getByRole('heading', { name: 'Stage F · Map organizations' }).waitFor();
    await expect.poll(() => page.getByText('Halo confirmed the setup').count(), SETTLES).toBe(1);
    await screenshotWholePage(session, 'wizard-09-stage-f-map');
    // Stage F is the way into the mapping screen.
    await page.getByRole('button', { name: 'Map organizations' }).click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Organization mapping' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByRole('tab', { name: 'Setup guide' }).click();
    await page.getByRole('heading', { name: 'Stage F · Map organizations' }).waitFor();

    // Back to stage C, then close the app; a new backend on the same dataDir reopens on the same stage.
    await stageTab(page, 'Teams').click();
    await page.getByRole('heading', { name: 'Stage C · Teams' }).waitFor();
    await doneBox(page, 13).uncheck({ force: true });
    await expect.poll(() => doneBox(page, 13).isChecked()).toBe(false);
    const { dataDir } = session;
    await session.close();

    const reopened = await harness.open({ dataDir, backend: backendOptions });
    const again = reopened.page;
    await instanceRow(again, 'Brightline Halo').waitFor();
    await expect
      .poll(() => instanceRow(again, 'Brightline Halo').textContent(), SETTLES)
      .toContain('Setup checked by Halo');
    // Setup is under way, so the app reopens on the guide by itself, at the saved stage.
    await again.getByRole('heading', { name: 'Stage C · Teams' }).waitFor();
    await expect
      .poll(() => again.getByRole('tab', { name: 'Setup guide' }).getAttribute('aria-selected'), SETTLES)
      .toBe('true');
    await expect.poll(() => doneBox(again, 12).isChecked(), SETTLES).toBe(true);
    await expect.poll(() => doneBox(again, 13).isChecked(), SETTLES).toBe(false);
    await expect.poll(() => doneBox(again, 14).isChecked(), SETTLES).toBe(true);
    await expect
      .poll(() => stepItem(again, 'teams-select-all').getAttribute('class'), SETTLES)
      .toContain('wizard-step--verified');
    await expect.poll(() => stageTab(again, 'Teams').textContent(), SETTLES).toContain('2 of 3 done');
    await screenshotWholePage(reopened, 'wizard-10-resumed-after-restart');
    expect(reopened.consoleErrors).toEqual([]);
  });

  it('an application without the "all" permission: the scope check fails and reopens step 11', async () => {
    fake = await startFakeHalo({ clients: 40, inactiveShare: 0, grantedScope: 'read:customers' });
    const session = await harness.open({ backend: { haloClientOptions: { protocol: 'http' } } });
    const { page } = session;
    await createInstanceAndOpenGuide(page, 'Contoso sandbox');
    await stageTab(page, 'Configure').click();
    await page.getByRole('heading', { name: 'Stage D · Configure' }).waitFor();
    await page.getByRole('switch', { name: 'Is On-Premise' }).click({ force: true });
    await page.getByRole('textbox', { name: 'Resource Server Hostname', exact: true }).fill(fake.host);
    await page.getByRole('textbox', { name: 'Client ID', exact: true }).fill(FAKE_CLIENT_ID);
    await page.getByLabel('Client Secret', { exact: true }).fill(FAKE_CLIENT_SECRET);
    await page.getByRole('button', { name: 'Save and validate' }).click();

    await checksCard(page)
      .getByText(/1 of 5 confirmed, 1 to fix/)
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => checkItem(page, 'scope').textContent(), SETTLES)
      .toContain(
        'Halo granted the scope “read:customers”, which lacks “all:teams”. Checked for “all”, or “read:customers” with “all:teams”.',
      );
    await expect.poll(() => checkItem(page, 'teams').textContent(), SETTLES).toContain('Not checked');
    await expect
      .poll(() => page.getByRole('region', { name: 'Validation' }).textContent(), SETTLES)
      .toContain('missing-scope');
    await expect
      .poll(async () => instanceRow(page, 'Contoso sandbox').textContent())
      .toContain('Permissions: too few');
    await screenshotWholePage(session, 'wizard-11-stage-e-scope-missing');

    await checkItem(page, 'scope').getByRole('button', { name: 'Go to step 11 (stage B)' }).click();
    await page.getByRole('heading', { name: 'Stage B · Create the application' }).waitFor();
    const step11 = stepItem(page, 'scope-all');
    await expect.poll(() => step11.getAttribute('class'), SETTLES).toContain('wizard-step--reopened');
    await expect
      .poll(() => step11.textContent(), SETTLES)
      .toContain(
        'open its Permissions tab, select “all” (or only “read:customers” and “all:teams”, the least this app reads with) and save',
      );
    await expect
      .poll(() => stepItem(page, 'auth-method').getAttribute('class'), SETTLES)
      .toContain('wizard-step--verified');
    await step11.scrollIntoViewIfNeeded();
    await screenshotWholePage(session, 'wizard-12-stage-b-scope-reopened');
    expect(session.consoleErrors).toEqual([]);
  });

  it('dark theme: the guide follows the OS', async () => {
    fake = await startFakeHalo({ clients: 40, inactiveShare: 0 });
    const session = await harness.open({
      colorScheme: 'dark',
      backend: { haloClientOptions: { protocol: 'http' } },
    });
    const { page } = session;
    await createInstanceAndOpenGuide(page, 'Dark lab');
    await stageTab(page, 'Create the application').click();
    await page.getByRole('heading', { name: 'Stage B · Create the application' }).waitFor();
    await screenshotWholePage(session, 'wizard-13-stage-b-dark');
    expect(session.consoleErrors).toEqual([]);
  });
});
