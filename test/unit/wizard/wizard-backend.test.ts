import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ChannelName, ResponseOf } from '../../../shared/ipc';
import { defaultAgent, type FakeHalo, type FakeHaloOptions, startFakeHalo } from '../../fake-halo';
import { configuredInstance, fakeHaloConfiguration } from '../../support/backend-calls';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

/**
 * The wizard's backend against the fake Halo over real sockets and a real SQLite file: the self-check,
 * the steps it ticks and reopens, progress that survives a new backend on the same dataDir, and the
 * instance list's overview.
 */

const TEAMS = [
  { id: 1, name: '1st Line Support' },
  { id: 2, name: '2nd Line Support' },
  { id: 4, name: 'Projects' },
  { id: 8, name: 'Sales' },
  { id: 9, name: 'Accounts' },
];

/** The API agent in three of the five teams: Sales and Accounts are missing. */
const AGENT_MISSING_SALES_AND_ACCOUNTS = { ...defaultAgent(TEAMS), teamIds: [1, 2, 4] };

/** Shaped like a Halo client secret (two GUIDs), but not the fake's. */
const WRONG_SECRET = 'f3a9c1e7-2d4b-4a86-9e0f-5b7c3d1a9e28-1b6d8f0a-3c5e-4d72-b9a1-8e4f2c6d0a15';

let fake: FakeHalo | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await fake?.stop();
  fake = undefined;
});

function openBackend(dataDir?: string): { backend: Backend; dataDir: string } {
  let dir = dataDir;
  if (!dir) {
    const temp = makeTempDir('halo-setup-wizard-');
    cleanups.push(temp.cleanup);
    dir = temp.dir;
  }
  const backend = testBackend(dir, { haloClientOptions: { protocol: 'http' } });
  cleanups.unshift(() => backend.close());
  return { backend, dataDir: dir };
}

async function call<C extends ChannelName>(
  backend: Backend,
  channel: C,
  request: unknown,
): Promise<ResponseOf<C>> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function configured(backend: Backend, halo: FakeHalo, name = 'Production'): Promise<string> {
  return configuredInstance(backend, halo, name);
}

async function startWith(options: FakeHaloOptions): Promise<FakeHalo> {
  fake = await startFakeHalo({ clients: 40, inactiveShare: 0, ...options });
  return fake;
}

describe('wizard progress', () => {
  it('starts at stage A with nothing done, keeps ticks and the stage, and refuses unknown steps', async () => {
    const { backend } = openBackend();
    const { id } = await call(backend, 'instances:create', { name: 'Fresh' });
    const first = await call(backend, 'wizard:get', { instanceId: id });
    expect(first).toMatchObject({
      currentStage: 'agent',
      doneSteps: [],
      checks: [],
      host: null,
      configured: false,
    });

    await call(backend, 'wizard:setStep', { instanceId: id, stepId: 'sign-in', done: true });
    await call(backend, 'wizard:setStep', { instanceId: id, stepId: 'agents-new', done: true });
    const unticked = await call(backend, 'wizard:setStep', {
      instanceId: id,
      stepId: 'sign-in',
      done: false,
    });
    expect(unticked.doneSteps).toEqual(['agents-new']);
    const moved = await call(backend, 'wizard:setStage', { instanceId: id, stage: 'teams' });
    expect(moved.currentStage).toBe('teams');

    const bad = await backend.invoke('wizard:setStep', { instanceId: id, stepId: 'hack', done: true });
    expect(bad.ok ? null : bad.error.code).toBe('invalid-request');
    const gone = await backend.invoke('wizard:get', { instanceId: '00000000-0000-4000-8000-000000000000' });
    expect(gone.ok ? null : gone.error.code).toBe('not-found');
  });

  it('survives a new backend on the same dataDir, and goes with its instance', async () => {
    const halo = await startWith({});
    const opened = openBackend();
    const id = await configured(opened.backend, halo);
    await call(opened.backend, 'wizard:setStep', { instanceId: id, stepId: 'halo-api-page', done: true });
    await call(opened.backend, 'wizard:setStage', { instanceId: id, stage: 'application' });
    await call(opened.backend, 'wizard:check', { instanceId: id });
    opened.backend.close();

    const { backend } = openBackend(opened.dataDir);
    const view = await call(backend, 'wizard:get', { instanceId: id });
    expect(view.currentStage).toBe('application');
    expect(view.doneSteps).toContain('halo-api-page');
    expect(view.checks.map((check) => check.status)).toEqual(Array(5).fill('passed'));
    expect(view.agentName).toBe('Rewst API');
    expect(view.host).toBe(halo.host);
    expect(view.configured).toBe(true);

    await call(backend, 'instances:delete', { id });
    const overview = await call(backend, 'wizard:overview', {});
    expect(overview.instances).toEqual([]);
  });
});

describe('wizard:check against the fake Halo', () => {
  it('turns the confirmed steps green with evidence when everything is right', async () => {
    const halo = await startWith({ teams: TEAMS });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    const { view, validation } = await call(backend, 'wizard:check', { instanceId: id });
    expect(validation.status).toBe('ok');
    const checks = new Map(view.checks.map((check) => [check.id, check]));
    expect(checks.get('teams')?.evidence).toBe("'Rewst API' is in all 5 teams.");
    expect(checks.get('customers')?.evidence).toBe('The agent can see 40 customers.');
    expect(checks.get('scope')?.evidence).toBe(
      'Halo granted the scope “all”. Checked for “all”, or “read:customers” with “all:teams”.',
    );
    expect(checks.get('agent')?.evidence).toBe("Agent/me: 'Rewst API' (id 7), enabled, an API agent.");
    expect(view.doneSteps.sort()).toEqual(
      ['agent-create', 'agent-permissions', 'auth-method', 'scope-all', 'teams-select-all'].sort(),
    );
    expect(halo.stats.byPath['/api/team'] ?? halo.stats.byPath['/api/Team']).toBe(1);
    const listed = await call(backend, 'instances:list', {});
    expect(listed.instances[0]?.lastValidation?.status).toBe('ok');
  });

  it('names the two teams the agent is missing and reopens step 14; the overview counts them', async () => {
    const halo = await startWith({
      teams: TEAMS,
      agent: AGENT_MISSING_SALES_AND_ACCOUNTS,
    });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    await call(backend, 'wizard:setStep', { instanceId: id, stepId: 'teams-select-all', done: true });
    const { view } = await call(backend, 'wizard:check', { instanceId: id });
    const teams = view.checks.find((check) => check.id === 'teams');
    expect(teams?.status).toBe('failed');
    expect(teams?.missingTeams).toEqual(['Sales', 'Accounts']);
    expect(teams?.fix).toContain('add “Sales”, “Accounts”');
    expect(view.doneSteps).not.toContain('teams-select-all');
    expect(view.doneSteps).toContain('agent-create');

    const overview = await call(backend, 'wizard:overview', {});
    expect(overview.instances[0]).toMatchObject({
      instanceId: id,
      missingTeams: ['Sales', 'Accounts'],
      failedChecks: ['teams'],
      totalSteps: 14,
      doneSteps: 4,
    });
  });

  it('an application without the "all" permission: the scope check fails and reopens step 11', async () => {
    const halo = await startWith({ grantedScope: 'read:customers' });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    await call(backend, 'wizard:setStep', { instanceId: id, stepId: 'scope-all', done: true });
    const { view, validation } = await call(backend, 'wizard:check', { instanceId: id });
    expect(validation.status).toBe('failed');
    expect(validation.steps.find((step) => step.id === 'agent')?.error?.code).toBe('missing-scope');
    const scope = view.checks.find((check) => check.id === 'scope');
    expect(scope?.status).toBe('failed');
    expect(scope?.evidence).toBe(
      'Halo granted the scope “read:customers”, which lacks “all:teams”. Checked for “all”, or “read:customers” with “all:teams”.',
    );
    expect(view.doneSteps).not.toContain('scope-all');
    expect(view.doneSteps).toContain('auth-method');
    expect(view.checks.find((check) => check.id === 'teams')?.status).toBe('not-checked');
    expect(halo.stats.byPath['/api/team'] ?? 0).toBe(0);
  });

  it('an application Halo refuses the scope for (invalid_scope): the application passes, the scope check names the permission', async () => {
    const halo = await startWith({ grantedScope: 'read:customers', refuseUngrantedScope: true });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    const { view, validation } = await call(backend, 'wizard:check', { instanceId: id });
    const token = validation.steps.find((step) => step.id === 'token');
    expect(token?.error?.code).toBe('invalid-scope');
    expect(token?.error?.nextStep).toMatch(/Integrations > HaloPSA API > the application > Permissions/);
    expect(view.checks.find((check) => check.id === 'application')?.status).toBe('passed');
    const scope = view.checks.find((check) => check.id === 'scope');
    expect(scope?.status).toBe('failed');
    expect(scope?.evidence).toMatch(/invalid_scope/);
    expect(scope?.fix).toMatch(/Permissions tab/);
  });

  it('least privilege: Halo refuses "all", the app asks for read:customers and all:teams, and every check passes', async () => {
    const halo = await startWith({
      teams: TEAMS,
      grantedScope: 'read:customers all:teams',
      refuseUngrantedScope: true,
    });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    halo.resetStats();
    const { view, validation } = await call(backend, 'wizard:check', { instanceId: id });
    expect(validation.status).toBe('ok');
    expect([...view.checks].map((check) => check.status)).toEqual(Array(5).fill('passed'));
    expect(view.checks.find((check) => check.id === 'scope')?.evidence).toBe(
      'Halo granted the scope “read:customers all:teams”. Checked for “all”, or “read:customers” with “all:teams”.',
    );
    expect(view.checks.find((check) => check.id === 'teams')?.evidence).toBe(
      "'Rewst API' is in all 5 teams.",
    );
    expect(halo.stats.tokenRequests).toBe(2); // "all" refused, then the least set
    // Refresh Options reads every customer with those permissions alone, asking for the least set at once.
    halo.resetStats();
    const refreshed = await call(backend, 'options:refresh', { instanceId: id });
    expect(refreshed.clients.total).toBe(40);
    expect(refreshed.topLevels).toBe(3);
    expect(halo.stats.tokenRequests).toBeLessThanOrEqual(1);
  });

  it('an application with reading customers but not all:teams: both scope sets refused, the check names both', async () => {
    const halo = await startWith({ grantedScope: 'read:customers', refuseUngrantedScope: true });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    halo.resetStats();
    const { view, validation } = await call(backend, 'wizard:check', { instanceId: id });
    const token = validation.steps.find((step) => step.id === 'token');
    expect(token?.error?.code).toBe('invalid-scope');
    expect(token?.error?.message).toMatch(/refused “all” and then “read:customers all:teams”/);
    expect(halo.stats.tokenRequests).toBe(2);
    const scope = view.checks.find((check) => check.id === 'scope');
    expect(scope).toMatchObject({ status: 'failed' });
    expect(scope?.evidence).toBe(
      'Halo refused to issue a token for “all”, or “read:customers” with “all:teams” (invalid_scope): the application has none of these permission sets.',
    );
    expect(scope?.fix).toContain('“read:customers” and “all:teams”');
  });

  it("a wrong secret fixed and validated from Connection turns the guide's application check green", async () => {
    const halo = await startWith({ teams: TEAMS });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    await call(backend, 'config:save', {
      instanceId: id,
      configuration: fakeHaloConfiguration(halo, WRONG_SECRET),
    });
    const before = await call(backend, 'wizard:check', { instanceId: id });
    expect(before.view.checks.find((check) => check.id === 'application')?.status).toBe('failed');
    expect(before.view.doneSteps).not.toContain('auth-method');

    await call(backend, 'config:save', { instanceId: id, configuration: fakeHaloConfiguration(halo) });
    const validation = await call(backend, 'config:validate', { instanceId: id });
    expect(validation.status).toBe('ok');
    const after = await call(backend, 'wizard:get', { instanceId: id });
    const checks = new Map(after.checks.map((check) => [check.id, check]));
    expect(checks.get('application')?.status).toBe('passed');
    expect(checks.get('scope')?.status).toBe('passed');
    expect(checks.get('customers')?.evidence).toBe('The agent can see 40 customers.');
    expect(after.doneSteps).toEqual(expect.arrayContaining(['auth-method', 'scope-all', 'agent-create']));
    expect(after.checkedAt).toBe(validation.finishedAt);
    // A validation reads no teams; the first agent seen is not yet compared with Halo's teams.
    expect(checks.get('teams')?.status).toBe('not-checked');
    expect(checks.get('teams')?.evidence).toContain("Not checked for 'Rewst API' yet");
    expect(halo.stats.byPath['/api/team'] ?? 0).toBe(0);
  });

  it('a validation from Connection keeps the last teams finding and leaves a hand-set tick alone', async () => {
    const halo = await startWith({
      teams: TEAMS,
      agent: AGENT_MISSING_SALES_AND_ACCOUNTS,
    });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    const checked = await call(backend, 'wizard:check', { instanceId: id });
    expect(checked.view.doneSteps).not.toContain('teams-select-all');
    // The technician added the teams in Halo and ticked the step by hand.
    await call(backend, 'wizard:setStep', { instanceId: id, stepId: 'teams-select-all', done: true });

    await call(backend, 'config:validate', { instanceId: id });
    const after = await call(backend, 'wizard:get', { instanceId: id });
    const teams = after.checks.find((check) => check.id === 'teams');
    expect(teams?.status).toBe('failed');
    expect(teams?.missingTeams).toEqual(['Sales', 'Accounts']);
    expect(after.doneSteps).toContain('teams-select-all');
    expect(after.checkedAt).not.toBe(checked.view.checkedAt);
    expect(halo.stats.byPath['/api/team'] ?? halo.stats.byPath['/api/Team']).toBe(1);
  });

  it('a validation from Connection gives no guide progress to an instance set up without the guide', async () => {
    const halo = await startWith({ teams: TEAMS });
    const { backend } = openBackend();
    const id = await configured(backend, halo);
    expect((await call(backend, 'config:validate', { instanceId: id })).status).toBe('ok');
    const view = await call(backend, 'wizard:get', { instanceId: id });
    expect(view.checks).toEqual([]);
    expect(view.doneSteps).toEqual([]);
    expect(view.checkedAt).toBeNull();
  });

  it('refuses to check an instance without a configuration, saying what to do', async () => {
    const { backend } = openBackend();
    const { id } = await call(backend, 'instances:create', { name: 'Empty' });
    const result = await backend.invoke('wizard:check', { instanceId: id });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-configuration');
      expect(result.error.message).toContain('Save a configuration');
    }
  });
});
