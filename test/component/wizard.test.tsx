import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../electron/backend';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../fake-halo';
import { fakeHaloConfiguration } from '../support/backend-calls';
import { rateLimitGate } from '../support/rate-limit-gate';
import { type AppHarness, renderApp, startBackend } from './render-app';

/**
 * The setup guide in jsdom over a real backend (SQLite in a temp folder, the real handlers) and, where
 * it validates, the fake Halo over real sockets.
 */

let app: AppHarness | undefined;
let fake: FakeHalo | undefined;
afterEach(async () => {
  app?.dispose();
  app = undefined;
  await fake?.stop();
  fake = undefined;
});

async function openGuide(options: Parameters<typeof startBackend>[0] = {}) {
  const started = startBackend(options);
  const created = await started.backend.invoke('instances:create', { name: 'Lab Halo' });
  if (!created.ok) throw new Error(created.error.message);
  app = renderApp(started);
  await app.user.click(await screen.findByRole('tab', { name: 'Setup guide' }));
  await screen.findByRole('tablist', { name: 'Setup stages' });
  return { ...app, instanceId: created.value.id };
}

const stage = (title: RegExp) =>
  within(screen.getByRole('tablist', { name: 'Setup stages' })).getByRole('tab', { name: title });

describe('setup guide', { timeout: 30_000 }, () => {
  it('keeps Done ticks and the stage in the backend, and moves between stages with the keyboard', async () => {
    const { user, backend, instanceId } = await openGuide();
    expect(screen.getByRole('heading', { name: 'Stage A · Create the API agent' })).toBeVisible();
    expect(screen.getAllByRole('listitem').filter((item) => item.hasAttribute('data-step'))).toHaveLength(4);

    const box = screen.getByRole('checkbox', { name: 'Step 3 done' });
    await user.click(box);
    await waitFor(async () => {
      const view = await backend.invoke('wizard:get', { instanceId });
      expect(view.ok && view.value.doneSteps).toEqual(['agent-create']);
    });
    expect(stage(/Create the API agent/)).toHaveTextContent('1 of 4 done');

    // Arrow keys move along the stage tabs; the stage is stored.
    act(() => stage(/Create the API agent/).focus());
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { name: 'Stage B · Create the application' })).toBeVisible();
    await waitFor(async () => {
      const view = await backend.invoke('wizard:get', { instanceId });
      expect(view.ok && view.value.currentStage).toBe('application');
    });

    // Space ticks the focused box.
    act(() => screen.getByRole('checkbox', { name: 'Step 5 done' }).focus());
    await user.keyboard(' ');
    expect(await screen.findByRole('checkbox', { name: 'Step 5 done' })).toBeChecked();
    await waitFor(async () => {
      const overview = await backend.invoke('wizard:overview', {});
      expect(overview.ok && overview.value.instances[0]?.doneSteps).toBe(2);
    });
    // The instance list shows where the guide is.
    const row = screen.getByRole('option', { name: /Lab Halo/ });
    await waitFor(() => expect(row).toHaveTextContent('Setup: stage B · 2/14 steps'));
  });

  it('carries the Client ID and Secret from stage B into the form, then checks and names the missing teams', async () => {
    fake = await startFakeHalo({
      clients: 25,
      inactiveShare: 0,
      teams: [
        { id: 1, name: 'Service Desk' },
        { id: 2, name: 'Projects' },
        { id: 3, name: 'Sales' },
        { id: 4, name: 'Accounts' },
      ],
      agent: {
        id: 7,
        name: 'Rewst API',
        email: 'api@example.test',
        isdisabled: false,
        isapiagent: true,
        teamIds: [1, 2],
      },
    });
    const secrets = createMemorySecretStore();
    const { user, instanceId } = await openGuide({ haloClientOptions: { protocol: 'http' }, secrets });
    await user.click(stage(/Create the application/));
    await user.click(await screen.findByRole('textbox', { name: 'Client ID from Halo' }));
    await user.paste(FAKE_CLIENT_ID);
    await user.click(screen.getByLabelText('Client Secret from Halo'));
    await user.paste(FAKE_CLIENT_SECRET);

    await user.click(stage(/Configure/));
    expect(await screen.findByRole('textbox', { name: 'Client ID' })).toHaveValue(FAKE_CLIENT_ID);
    expect(screen.getByLabelText('Client Secret')).toHaveValue(FAKE_CLIENT_SECRET);
    expect(screen.getByText(/from stage B are filled in below/)).toBeVisible();
    await user.click(screen.getByRole('switch', { name: 'Is On-Premise' }));
    await user.click(screen.getByRole('textbox', { name: 'Resource Server Hostname' }));
    await user.paste(fake.host);
    await user.click(screen.getByRole('button', { name: 'Save and validate' }));

    const checks = await screen.findByRole('region', { name: 'What Halo confirmed' });
    await within(checks).findByText(/4 of 5 confirmed, 1 to fix/, {}, { timeout: 10_000 });
    // One verdict: the connection works, the setup does not; nothing says "everything works".
    expect(screen.getByText('Connected, but 1 step of the checklist needs fixing')).toBeVisible();
    expect(screen.queryByText(/everything works/)).not.toBeInTheDocument();
    expect(checks.querySelector('[data-check="teams"]')).toHaveTextContent('missing: Sales, Accounts');
    expect(await secrets.get(instanceId)).toBe(FAKE_CLIENT_SECRET);
    const row = screen.getByRole('option', { name: /Lab Halo/ });
    await waitFor(() => expect(row).toHaveTextContent('Teams: 2 missing'));

    await user.click(within(checks).getByRole('button', { name: 'Go to step 14 (stage C)' }));
    const missing = await screen.findByRole('list', { name: 'Teams the agent is missing' });
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Sales', 'Accounts']);
    expect(screen.getByRole('checkbox', { name: 'Step 14 done' })).not.toBeChecked();
    // Back in stage B, the pasted secret is gone from the page: it lives in the keychain now.
    await user.click(stage(/Create the application/));
    expect(await screen.findByLabelText('Client Secret from Halo')).toHaveValue('');
  });

  it('shows no setup progress in the instance list until it is read, then the stored progress', async () => {
    const started = startBackend();
    const created = await started.backend.invoke('instances:create', { name: 'Lab Halo' });
    if (!created.ok) throw new Error(created.error.message);
    const instanceId = created.value.id;
    await started.backend.invoke('wizard:setStage', { instanceId, stage: 'teams' });
    await started.backend.invoke('wizard:setStep', { instanceId, stepId: 'agent-create', done: true });
    // The overview is held back, as a slow first read would be: the list must not claim "Setup not
    // started" for an instance whose guide is at stage C meanwhile.
    let releaseOverview = () => {};
    const overviewHeld = new Promise<void>((resolve) => {
      releaseOverview = resolve;
    });
    const { backend } = started;
    const holdingBackend: typeof backend = {
      ...backend,
      invoke: async (channel, request) => {
        if (channel === 'wizard:overview') await overviewHeld;
        return backend.invoke(channel, request);
      },
    };
    app = renderApp({ ...started, backend: holdingBackend });
    const row = await within(screen.getByRole('listbox', { name: 'Halo instances' })).findByRole('option', {
      name: /Lab Halo/,
    });
    await screen.findByRole('heading', { level: 1, name: 'Lab Halo' });
    expect(row).not.toHaveTextContent(/Setup/);
    await act(async () => releaseOverview());
    await waitFor(() => expect(row).toHaveTextContent('Setup: stage C · 1/14 steps'));
  });

  it('opens Halo pages on the instance host only once it is known', async () => {
    const opened: string[] = [];
    const { user, backend, instanceId } = await openGuide({
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    expect(screen.queryByRole('button', { name: 'Open Halo' })).toBeNull();
    expect(screen.getAllByText(/appears here once the Resource Server is saved/).length).toBeGreaterThan(0);

    const saved = await backend.invoke('config:save', {
      instanceId,
      configuration: {
        resourceServer: 'acme.halopsa.com',
        clientId: FAKE_CLIENT_ID,
        tenant: 'acme',
        authServer: '',
        isOnPremise: false,
        caCertificatePem: '',
        clientSecret: FAKE_CLIENT_SECRET,
      },
    });
    expect(saved.ok).toBe(true);
    // The guide reads the host when it opens: leave and come back.
    await user.click(screen.getByRole('tab', { name: 'Connection' }));
    await user.click(screen.getByRole('tab', { name: 'Setup guide' }));
    await user.click(await screen.findByRole('button', { name: 'Open Halo' }));
    await waitFor(() => expect(opened).toEqual(['https://acme.halopsa.com/']));
    await user.click(stage(/Create the application/));
    await user.click(await screen.findByRole('button', { name: 'Open Applications in Halo' }));
    await waitFor(() =>
      expect(opened).toEqual([
        'https://acme.halopsa.com/',
        'https://acme.halopsa.com/config/integrations/api/applications',
      ]),
    );
  });

  it('cancels the stage E check while Halo holds it, and keeps what was confirmed before', async () => {
    const gate = rateLimitGate({ passing: 1, retryAfterSeconds: 1 });
    fake = await startFakeHalo({ clients: 3, ...gate.fakeOptions });
    const { user, instanceId, backend } = await openGuide({ haloClientOptions: { protocol: 'http' } });
    await backend.invoke('config:save', { instanceId, configuration: fakeHaloConfiguration(fake) });
    const heldFake = fake;
    await user.click(stage(/Validate/));
    const validation = await screen.findByRole('region', { name: 'Validation' });
    await user.click(await within(validation).findByRole('button', { name: 'Validate now' }));
    await waitFor(() => expect(heldFake.stats.rateLimited).toBeGreaterThan(0), { timeout: 10_000 });
    await user.click(within(validation).getByRole('button', { name: 'Cancel' }));

    expect(
      await within(validation).findByText(
        'Validation cancelled. Nothing was changed; validate again when ready.',
      ),
    ).toBeVisible();
    const checks = screen.getByRole('region', { name: 'What Halo confirmed' });
    expect(checks).toHaveTextContent('After a validation, the steps the API can see are checked here.');
    const guide = await backend.invoke('wizard:get', { instanceId });
    expect(guide.ok && guide.value.checkedAt).toBe(null);
  });
});
