import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ChannelName } from '../../../shared/ipc';
import { type FakeHalo, startFakeHalo } from '../../fake-halo';
import { invoke as call, configuredInstance, detailsOf } from '../../support/backend-calls';
import { backendPerTest } from '../../support/backend-per-test';
import { rateLimitGate } from '../../support/rate-limit-gate';
import { pause, until } from '../../support/until';

// Issue 10: Validate, "Validate again" and the wizard's check get a Cancel like Refresh Options has. A
// cancelled validation sends nothing more to Halo and is not stored as a failure: the last result stays.

const perTest = backendPerTest();

/**
 * An instance validated once (ok), then a fake whose rate limit lets the next validation's token and
 * Agent/me through and holds its customers request (429, Retry-After 1 s) until the test lets go.
 */
async function validatedThenHeld(): Promise<{ backend: Backend; fake: FakeHalo; instanceId: string }> {
  const gate = rateLimitGate({ passing: 2, retryAfterSeconds: 1 });
  const fake = perTest.track(await startFakeHalo({ ...gate.fakeOptions, rateLimit: false }));
  const backend = perTest.open();
  const instanceId = await configuredInstance(backend, fake, 'Acme');
  expect((await call(backend, 'config:validate', { instanceId })).status).toBe('ok');
  fake.configure({ rateLimit: gate.fakeOptions.rateLimit });
  return { backend, fake, instanceId };
}

async function lastValidationOf(open: Backend, instanceId: string) {
  const { instances } = await call(open, 'instances:list', {});
  return instances.find((instance) => instance.id === instanceId)?.lastValidation ?? null;
}

describe.each<ChannelName>(['config:validate', 'wizard:check'])(
  '%s cancelled while Halo holds it',
  (channel) => {
    it('answers "cancelled", sends nothing more, and keeps the last stored result', async () => {
      const held = await validatedThenHeld();
      const before = await lastValidationOf(held.backend, held.instanceId);
      expect(before?.status).toBe('ok');
      const validating = held.backend.invoke(channel, { instanceId: held.instanceId });
      await until(() => held.fake.stats.rateLimited >= 1, 'the validation to be held by the rate limit');

      const cancel = await call(held.backend, 'config:cancelValidation', { instanceId: held.instanceId });
      expect(cancel).toEqual({ cancelled: true });
      const result = await validating;
      const requestsAtCancel = held.fake.stats.requests;
      held.fake.configure({ rateLimit: false });
      await pause(1500);

      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('cancelled');
        expect(result.error.message).toBe(
          'Validation cancelled. Nothing was changed; validate again when ready.',
        );
        expect(detailsOf(result.error, 'cancelled').operation).toBe('validation');
      }
      expect(held.fake.stats.requests).toBe(requestsAtCancel);
      expect(await lastValidationOf(held.backend, held.instanceId)).toEqual(before);
      // Nothing is left running: a new validation starts and succeeds, and there is nothing to cancel.
      expect(await call(held.backend, 'config:cancelValidation', { instanceId: held.instanceId })).toEqual({
        cancelled: false,
      });
      expect((await call(held.backend, 'config:validate', { instanceId: held.instanceId })).status).toBe(
        'ok',
      );
    });
  },
);

describe('config:cancelValidation', () => {
  it('refuses a second validation of the same instance while one runs', async () => {
    const held = await validatedThenHeld();
    const validating = held.backend.invoke('config:validate', { instanceId: held.instanceId });
    await until(() => held.fake.stats.rateLimited >= 1, 'the validation to be held by the rate limit');
    const second = await held.backend.invoke('wizard:check', { instanceId: held.instanceId });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('conflict');
      expect(second.error.message).toBe('A validation is already running for this instance.');
    }
    await call(held.backend, 'config:cancelValidation', { instanceId: held.instanceId });
    expect((await validating).ok).toBe(false);
  });

  it('deleting the instance stops its running validation before the delete', async () => {
    const held = await validatedThenHeld();
    const validating = held.backend.invoke('config:validate', { instanceId: held.instanceId });
    await until(() => held.fake.stats.rateLimited >= 1, 'the validation to be held by the rate limit');
    await call(held.backend, 'instances:delete', { id: held.instanceId });
    const requestsAtDelete = held.fake.stats.requests;
    held.fake.configure({ rateLimit: false });
    const result = await validating;
    await pause(1500);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(detailsOf(result.error, 'cancelled').operation).toBe('validation');
    expect(held.fake.stats.requests).toBe(requestsAtDelete);
  });
});
