import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHaloClient, type HaloClient } from '../../../electron/halo/index';
import type { HaloConfiguration } from '../../../shared/domain';
import { type ValidationStep, validationResultSchema } from '../../../shared/validation';
import { FAKE_CLIENT_SECRET, type FakeHalo, type FakeHaloOptions } from '../../fake-halo/index';
import { unresolvableResolver } from '../../support/unresolvable-lookup';
import { assertNoSecret, configFor, fakesPerTest, loopbackLookup } from './helpers';

/** The three-request validation (halo-api.md §6) against the fake. */

const resources = fakesPerTest({ clients: 412, inactiveShare: 0 });

const fakeWith = (options: FakeHaloOptions = {}): Promise<FakeHalo> => resources.fake(options);

function client(
  config: HaloConfiguration,
  secret = FAKE_CLIENT_SECRET,
  lookup: LookupFunction = loopbackLookup,
): HaloClient {
  const created = createHaloClient(config, {
    clientSecret: secret,
    protocol: 'http',
    lookup,
    proxy: {},
    timeoutMs: 2_000,
  });
  return resources.track(created);
}

const agent = {
  id: 7,
  name: 'Rewst API',
  email: 'api@example.test',
  isdisabled: false,
  isapiagent: true,
  teamIds: [1],
};

describe('validate()', () => {
  it('ok: three steps with evidence, facts and endpoints, in exactly three requests after discovery', async () => {
    const fake = await fakeWith();
    const progress: ValidationStep[][] = [];
    const result = await client(configFor(fake)).validate({ onProgress: (steps) => progress.push(steps) });
    expect(validationResultSchema.parse(result)).toEqual(result);
    expect(result.status).toBe('ok');
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    expect(result.steps[1]?.evidence).toBe("Signed in as agent 'Rewst API' (id 7)");
    expect(result.steps[2]?.evidence).toBe('Can see 412 customers');
    expect(result.steps[0]?.evidence).toContain(fake.host);
    expect(result.steps.every((s) => s.durationMs !== null && s.durationMs >= 0)).toBe(true);
    expect(result.facts.customerCount).toBe(412);
    expect(result.facts.tokenScope).toBe('all');
    expect(result.facts.agent).toMatchObject({
      id: 7,
      name: 'Rewst API',
      isDisabled: false,
      isApiAgent: true,
    });
    expect(result.facts.agent?.teams.length).toBeGreaterThan(0);
    expect(result.facts.agent?.teams[0]).toMatchObject({ id: 1, name: '1st Line Support' });
    expect(result.endpoints).toEqual({ tokenUrl: `${fake.url}/auth/token`, apiBase: `${fake.url}/api` });
    expect(result.warnings).toEqual([]);
    expect(fake.stats.tokenRequests).toBe(1);
    expect(fake.stats.byPath['/api/agent/me']).toBe(1);
    expect(fake.stats.byPath['/api/client']).toBe(1);
    // progress: every step passes through running before its outcome
    const statuses = progress.map((steps) => steps.map((s) => s.status).join(','));
    expect(statuses).toContain('running,pending,pending');
    expect(statuses).toContain('ok,running,pending');
    expect(statuses).toContain('ok,ok,running');
    expect(statuses[statuses.length - 1]).toBe('ok,ok,ok');
  });

  it('a customer row Halo sends that cannot be read is named on the customers step, not dropped silently', async () => {
    const fake = await fakeWith();
    fake.injectFault('/api/client', {
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        page_no: 1,
        page_size: 1,
        record_count: 4,
        clients: [{ id: 'x', name: 'Odd' }],
      }),
    });
    const result = await client(configFor(fake)).validate();
    expect(result.steps[2]).toMatchObject({
      status: 'warning',
      evidence: 'Can see 4 customers, but 1 Halo client could not be read (no usable id)',
    });
  });

  it('zero customers: a warning that points at team membership and "Allow use of all Customers"', async () => {
    const fake = await fakeWith({ clients: 0 });
    const result = await client(configFor(fake)).validate();
    expect(result.status).toBe('warning');
    expect(result.steps[2]).toMatchObject({ status: 'warning', evidence: 'Can see 0 customers' });
    const warning = result.warnings.find((w) => w.code === 'no-customers');
    expect(warning?.message).toMatch(/team/);
    expect(warning?.message).toContain('Allow use of all Customers');
  });

  it('a disabled agent and a non-API agent are warnings', async () => {
    const fake = await fakeWith({ agent: { ...agent, isdisabled: true, isapiagent: false } });
    const result = await client(configFor(fake)).validate();
    expect(result.status).toBe('warning');
    expect(result.steps[1]?.status).toBe('warning');
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['agent-disabled', 'not-api-agent']);
    expect(result.facts.agent?.isDisabled).toBe(true);
    expect(result.steps[2]?.status).toBe('ok');
  });

  it('a wrong secret: token failed with invalid-client, the rest skipped, the Client ID hint', async () => {
    const fake = await fakeWith();
    const result = await client(configFor(fake), 'wrong-secret').validate();
    expect(result.status).toBe('failed');
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'skipped', 'skipped']);
    expect(result.steps[0]?.error?.code).toBe('invalid-client');
    expect(result.warnings.map((w) => w.code)).toEqual(['client-id-may-have-changed']);
    assertNoSecret(result, ['wrong-secret', FAKE_CLIENT_SECRET]);
  });

  it('missing scope: token ok, agent failed with missing-scope telling to set permissions to "all"', async () => {
    const fake = await fakeWith();
    fake.injectFault('/api/agent/me', { kind: 'status', status: 401, body: '' }, 2);
    const result = await client(configFor(fake)).validate();
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(result.steps[1]?.error?.code).toBe('missing-scope');
    expect(result.steps[1]?.error?.nextStep).toContain('"all"');
    expect(fake.stats.tokenRequests).toBe(2);
  });

  it('a customers failure is reported on the third step', async () => {
    const fake = await fakeWith();
    fake.injectFault('/api/client', { kind: 'status', status: 403 });
    const result = await client(configFor(fake)).validate();
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'failed']);
    expect(result.steps[2]?.error?.code).toBe('forbidden');
  });

  it('an unreachable host fails the token step with its classified error', async () => {
    // not real DNS, whose answer may come after the client's timeout (see unresolvableResolver)
    const resolver = unresolvableResolver();
    const result = await client(
      configFor({ host: 'halo-validate.invalid' }),
      FAKE_CLIENT_SECRET,
      resolver.lookup,
    ).validate();
    expect(resolver.asked).toContain('halo-validate.invalid');
    expect(result.steps[0]?.error?.code).toBe('dns');
    expect(result.endpoints.tokenUrl).toBeNull();
  });

  it('cancellation resolves with a cancelled step instead of rejecting', async () => {
    const fake = await fakeWith();
    fake.injectFault('/api/agent/me', { kind: 'hang', ms: 3_000 });
    const controller = new AbortController();
    let scheduled = false;
    const pending = client(configFor(fake)).validate({
      signal: controller.signal,
      // abort once the agent request is under way (it hangs), whatever the machine's speed
      onProgress: (steps) => {
        if (!scheduled && steps[1]?.status === 'running') {
          scheduled = true;
          setTimeout(() => controller.abort(), 30);
        }
      },
    });
    const result = await pending;
    expect(result.status).toBe('failed');
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(result.steps[1]?.error?.code).toBe('cancelled');
  });

  it('always asks for a fresh token, even when one is cached', async () => {
    const fake = await fakeWith();
    const c = client(configFor(fake));
    await c.listTeams();
    await c.validate();
    expect(fake.stats.tokenRequests).toBe(2);
  });
});
