import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../support/mapping-fixtures';
import { rateLimitGate } from '../support/rate-limit-gate';
import { openMapping, startMappingHarness, stopMappingHarness } from './mapping-harness';

/**
 * Issue 13, "the technician's day": what a technician does between the happy paths (switching tabs
 * while work runs, a wrong secret), over a real backend and the fake Halo.
 */
afterEach(stopMappingHarness);

describe("the technician's day", { timeout: 30_000 }, () => {
  it('a refresh keeps its progress and its summary across a tab switch (no stuck "Finishing…")', async () => {
    // The token and the page of clients pass; the top levels wait behind Halo's rate limit.
    const gate = rateLimitGate({ passing: 3, retryAfterSeconds: 1 });
    const app = await startMappingHarness({ fake: gate.fakeOptions });
    await app.user.click(screen.getByRole('button', { name: 'Refresh Options' }));
    await screen.findByRole('progressbar', { name: 'Refresh Options progress' });

    // Away and back while it runs: the screen shows the running refresh again, with its progress.
    await app.user.click(screen.getByRole('tab', { name: 'Connection' }));
    await openMapping(app);
    const progress = await screen.findByRole('progressbar', { name: 'Refresh Options progress' });
    await waitFor(() =>
      expect(progress.closest('[role="status"]')).toHaveTextContent(/Waiting for Halo|Reading top levels/),
    );
    expect(screen.getByRole('button', { name: 'Refresh Options' })).toBeDisabled();

    // Away again; it ends while the screen is gone; coming back shows how it ended.
    await app.user.click(screen.getByRole('tab', { name: 'Connection' }));
    gate.open(app.halo);
    await waitFor(
      async () =>
        expect((await invoke(app.backend, 'options:status', { instanceId: app.instanceId })).running).toBe(
          false,
        ),
      { timeout: 10_000 },
    );
    await openMapping(app);
    expect(await screen.findByText('Refreshed 5 Halo clients (5 new).')).toBeVisible();
    expect(screen.queryByRole('progressbar', { name: 'Refresh Options progress' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh Options' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Suggest Values' })).toBeEnabled();
    expect(screen.getByTestId('cache-age')).toHaveTextContent('5 clients');

    // The summary was shown once; the next visit does not repeat it.
    await app.user.click(screen.getByRole('tab', { name: 'Connection' }));
    await openMapping(app);
    expect(screen.queryByText('Refreshed 5 Halo clients (5 new).')).not.toBeInTheDocument();
  });

  it('a refused secret during Refresh is headlined as refused credentials, not "working offline"', async () => {
    const app = await startMappingHarness({ clientSecret: 'Wrong0Secret1Value2For3This4Test5' });
    await app.user.click(screen.getByRole('button', { name: 'Refresh Options' }));
    const headline = await screen.findByText(
      'Refresh Options failed: Halo refused the credentials.',
      {},
      { timeout: 10_000 },
    );
    expect(headline.closest('[role="alert"]')).not.toHaveTextContent(/working offline/);
  });
});
