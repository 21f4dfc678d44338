import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo, startFakeHalo } from '../fake-halo';
import { fakeHaloConfiguration } from '../support/backend-calls';
import { rateLimitGate } from '../support/rate-limit-gate';
import { type AppHarness, renderApp, startBackend } from './render-app';

// In jsdom the backend and the page share one global object; the Halo client pins axios to its Node
// http adapter, so it talks to the fake Halo over real Node sockets here too, as it does in the app.

let app: AppHarness | undefined;
let fake: FakeHalo | undefined;
afterEach(async () => {
  app?.dispose();
  app = undefined;
  await fake?.stop();
  fake = undefined;
});

const panel = () => screen.getByRole('region', { name: 'Validation' });
const step = (id: string) => {
  const element = panel().querySelector<HTMLElement>(`[data-step="${id}"]`);
  if (!element) throw new Error(`no step ${id}`);
  return element;
};

describe('validation panel', { timeout: 20_000 }, () => {
  it('validates right after saving, step by step, and copies a redacted diagnostics report', async () => {
    // Token discovery (/api/authinfo) and the token pass; Agent/me waits behind the rate limit until the
    // running state has been seen.
    const gate = rateLimitGate({ passing: 2, retryAfterSeconds: 2 });
    fake = await startFakeHalo({ clients: 412, inactiveShare: 0, ...gate.fakeOptions });
    const started = startBackend({ haloClientOptions: { protocol: 'http' } });
    const created = await started.backend.invoke('instances:create', { name: 'Lab Halo' });
    if (!created.ok) throw new Error(created.error.message);
    app = renderApp(started);
    const { user } = app;
    await screen.findByRole('form', { name: 'Halo configuration' });

    await user.click(screen.getByRole('switch', { name: 'Is On-Premise' }));
    await user.click(screen.getByRole('textbox', { name: 'Resource Server Hostname' }));
    await user.paste(fake.host);
    await user.click(screen.getByRole('textbox', { name: 'Client ID' }));
    await user.paste(FAKE_CLIENT_ID);
    await user.click(screen.getByLabelText('Client Secret'));
    await user.paste(FAKE_CLIENT_SECRET);
    await user.click(screen.getByRole('button', { name: 'Save and validate' }));

    expect(await within(panel()).findByText('Checking the connection to Halo…')).toBeVisible();
    // Step by step: the token is shown done while Agent/me is still waiting.
    await waitFor(() => expect(step('token')).toHaveClass('step--ok'));
    expect(step('agent')).not.toHaveClass('step--ok');
    gate.open(fake);
    expect(
      await within(panel()).findByText('Connected: everything works', {}, { timeout: 10_000 }),
    ).toBeVisible();
    expect(step('token')).toHaveTextContent('Get an access token');
    expect(step('token')).toHaveTextContent(/\d+ ms/);
    expect(step('agent')).toHaveTextContent("Signed in as agent 'Rewst API' (id 7)");
    expect(step('customers')).toHaveTextContent('Can see 412 customers');
    expect(within(panel()).getByText(`http://${fake.host}/api`)).toBeVisible();

    // The sidebar learns about the new validation.
    const row = await screen.findByRole('option', { name: /Lab Halo/ });
    expect(row).toHaveTextContent(fake.host);
    expect(within(row).getByText(/Validated just now/)).toBeVisible();
    expect(row).toHaveTextContent('secret stored');

    await user.click(within(panel()).getByRole('button', { name: 'Copy diagnostics' }));
    expect(await within(panel()).findByRole('button', { name: 'Copied' })).toBeVisible();
    const report = await navigator.clipboard.readText();
    expect(report).toContain('instance: Lab Halo');
    expect(report).toContain(`resource server: ${fake.host}`);
    expect(report).toContain(`client id: ${FAKE_CLIENT_ID}`);
    expect(report).toContain('client secret: stored in keychain (not shown)');
    expect(report).toContain("evidence: Signed in as agent 'Rewst API' (id 7)");
    expect(report).toContain('evidence: Can see 412 customers');
    expect(report).not.toContain(FAKE_CLIENT_SECRET);
  });

  it('explains a refused secret and hints that the Client ID may have changed', async () => {
    fake = await startFakeHalo({ clients: 3 });
    const started = startBackend({ haloClientOptions: { protocol: 'http' } });
    const created = await started.backend.invoke('instances:create', { name: 'Lab Halo' });
    if (!created.ok) throw new Error(created.error.message);
    const saved = await started.backend.invoke('config:save', {
      instanceId: created.value.id,
      configuration: fakeHaloConfiguration(fake, 'Wrong0Secret1Value2For3This4Test5'),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    app = renderApp(started);
    const { user } = app;
    await user.click(await screen.findByRole('button', { name: 'Validate now' }));

    expect(
      await within(panel()).findByText('Failed at “Get an access token”', {}, { timeout: 10_000 }),
    ).toBeVisible();
    expect(step('token')).toHaveTextContent('invalid-client');
    expect(step('token')).toHaveTextContent('What to do:');
    expect(step('agent')).toHaveTextContent('Skipped because an earlier step failed.');
    // The Client-ID hint is said once, under the failed step, not repeated as a warning below it.
    expect(step('token')).toHaveTextContent('Halo may change the Client ID');
    expect(panel().querySelector('[data-warning="client-id-may-have-changed"]')).toBeNull();
    expect(within(panel()).getByRole('button', { name: 'Validate again' })).toBeEnabled();
    const row = await screen.findByRole('option', { name: /Lab Halo/ });
    expect(await within(row).findByText(/Validation failed:/)).toBeVisible();
  });

  it('says why a validation cannot start', async () => {
    const started = startBackend();
    const created = await started.backend.invoke('instances:create', { name: 'Empty' });
    if (!created.ok) throw new Error(created.error.message);
    app = renderApp(started);
    await screen.findByRole('form', { name: 'Halo configuration' });
    expect(
      within(panel()).getByText('Save the connection details and the app checks them right away.'),
    ).toBeVisible();
    expect(within(panel()).getByRole('button', { name: 'Validate now' })).toBeDisabled();
  });

  it('cancels a running "Validate again": says nothing changed and keeps the last result', async () => {
    const gate = rateLimitGate({ passing: 2, retryAfterSeconds: 1 });
    fake = await startFakeHalo({ clients: 3, inactiveShare: 0, ...gate.fakeOptions, rateLimit: false });
    const started = startBackend({ haloClientOptions: { protocol: 'http' } });
    const created = await started.backend.invoke('instances:create', { name: 'Lab Halo' });
    if (!created.ok) throw new Error(created.error.message);
    const instanceId = created.value.id;
    await started.backend.invoke('config:save', { instanceId, configuration: fakeHaloConfiguration(fake) });
    const first = await started.backend.invoke('config:validate', { instanceId });
    expect(first.ok && first.value.status).toBe('ok');
    fake.configure({ rateLimit: gate.fakeOptions.rateLimit });
    app = renderApp(started);
    const { user } = app;
    const heldFake = fake;

    await screen.findByRole('region', { name: 'Validation' });
    await user.click(within(panel()).getByRole('button', { name: 'Validate again' }));
    expect(await within(panel()).findByText('Checking the connection to Halo…')).toBeVisible();
    await waitFor(() => expect(heldFake.stats.rateLimited).toBeGreaterThan(0), { timeout: 10_000 });
    await user.click(within(panel()).getByRole('button', { name: 'Cancel' }));

    expect(
      await within(panel()).findByText(
        'Validation cancelled. Nothing was changed; validate again when ready.',
      ),
    ).toBeVisible();
    expect(within(panel()).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    // The stored result stands: the panel and the sidebar still say it validated, not that it failed.
    expect(within(panel()).getByText(/^Validated just now/)).toBeVisible();
    const row = screen.getByRole('option', { name: /Lab Halo/ });
    expect(within(row).getByText(/Validated just now/)).toBeVisible();
    expect(row).not.toHaveTextContent(/Validation failed/);
    expect(within(panel()).getByRole('button', { name: 'Validate again' })).toBeEnabled();
  });
});
