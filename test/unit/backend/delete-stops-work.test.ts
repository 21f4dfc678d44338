import { describe, expect, it } from 'vitest';
import type { Backend, Logger } from '../../../electron/backend';
import type { SuggestRunner } from '../../../electron/backend/suggest-runner';
import { fakeClientRow, startFakeHalo } from '../../fake-halo';
import { invoke as call, configuredInstance, detailsOf } from '../../support/backend-calls';
import { backendPerTest } from '../../support/backend-per-test';
import { rateLimitGate } from '../../support/rate-limit-gate';
import { pause, until } from '../../support/until';

// Item 8 of issue 10: deleting an instance stops its running Refresh Options or Suggest first, so no
// request goes out with the deleted secret and no write lands on its deleted rows (FOREIGN KEY).

const perTest = backendPerTest();

/** Every line the backend logs at error level (an 'internal' failure such as a FOREIGN KEY error). */
function openBackend(errors: string[], suggestRunner?: SuggestRunner): Backend {
  const logger: Logger = { info() {}, warn() {}, error: (message) => errors.push(message) };
  return perTest.open({ logger, ...(suggestRunner ? { suggestRunner } : {}) });
}

describe('instances:delete while work runs for the instance', () => {
  it('stops a Refresh Options held by the rate limit: no request after the delete, no FOREIGN KEY error', async () => {
    // The token and the first page pass; the second page is answered 429 (Retry-After 1 s) until opened.
    const gate = rateLimitGate({ passing: 2, retryAfterSeconds: 1 });
    const fake = perTest.track(
      await startFakeHalo({
        clients: Array.from({ length: 250 }, (_, index) => fakeClientRow(100 + index, `Client ${index}`)),
        ...gate.fakeOptions,
      }),
    );
    const errors: string[] = [];
    const backend = openBackend(errors);
    const instanceId = await configuredInstance(backend, fake, 'Doomed');
    const refreshing = backend.invoke('options:refresh', { instanceId });
    const heldFake = fake;
    await until(() => heldFake.stats.rateLimited >= 1, 'the refresh to be held by the rate limit');

    const deleted = await call(backend, 'instances:delete', { id: instanceId });
    expect(deleted).toMatchObject({ id: instanceId, name: 'Doomed', removedSecret: true });
    const requestsAtDelete = fake.stats.requests;
    // Let any refresh still running through: had it survived the delete, it would now read every page,
    // send its requests with the deleted secret, and write its cache for rows that are gone.
    gate.open(fake);
    const refreshed = await refreshing;
    await pause(1500);

    expect(fake.stats.requests).toBe(requestsAtDelete);
    expect(refreshed.ok).toBe(false);
    if (!refreshed.ok) {
      expect(refreshed.error.code).not.toBe('internal');
      expect(refreshed.error.message).not.toMatch(/FOREIGN KEY/);
    }
    expect(errors.filter((line) => /FOREIGN KEY|internal/i.test(line))).toEqual([]);
    expect((await call(backend, 'instances:list', {})).instances).toEqual([]);
    // Nothing is left registered for the deleted instance.
    expect(await call(backend, 'options:cancel', { instanceId })).toEqual({ cancelled: false });
  });

  it('waits for a Suggest that is finishing its batch, and the Suggest writes nothing', async () => {
    const fake = perTest.track(
      await startFakeHalo({ clients: [fakeClientRow(31, 'Acme Ltd'), fakeClientRow(32, 'Globex')] }),
    );
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    // Like a worker in the middle of its last batch: it notices the abort only when the batch is done,
    // and answers with what it found.
    const finishingRunner: SuggestRunner = {
      mode: 'in-process',
      run: async (organizations, _clients, _options, signal) => {
        started();
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        await pause(300);
        return {
          suggestions: organizations.map((organization) => ({
            organizationId: organization.id,
            clientId: 31,
            score: 0.99,
            signal: 'name',
            reason: 'same name',
            ambiguous: false,
            runnerUp: null,
            candidates: [],
          })),
        } as unknown as Awaited<ReturnType<SuggestRunner['run']>>;
      },
      close: async () => {},
    };
    const errors: string[] = [];
    const backend = openBackend(errors, finishingRunner);
    const instanceId = await configuredInstance(backend, fake, 'Doomed');
    await call(backend, 'options:refresh', { instanceId });
    await call(backend, 'organizations:upsert', { name: 'Acme' });
    const suggesting = backend.invoke('mappings:suggest', { instanceId });
    await running;

    await call(backend, 'instances:delete', { id: instanceId });
    const suggested = await suggesting;

    expect(suggested.ok).toBe(false);
    if (!suggested.ok) {
      expect(detailsOf(suggested.error, 'cancelled').operation).toBe('suggest');
      expect(suggested.error.message).not.toMatch(/FOREIGN KEY/);
    }
    expect(errors).toEqual([]);
    expect((await call(backend, 'instances:list', {})).instances).toEqual([]);
  });
});
