import { describe, expect, it } from 'vitest';
import { deriveWizardChecks, type TeamsOutcome } from '../../../electron/backend/wizard-checks';
import { CHECK_IDS, CHECKLIST, STAGES, STEP_IDS, stepCheckedBy, stepsOf } from '../../../shared/checklist';
import type { ValidationResult, ValidationStep } from '../../../shared/validation';

/** A validation result as runValidation shapes it, with only what a test changes spelled out. */
function result(patch: {
  steps?: Partial<Record<ValidationStep['id'], Partial<ValidationStep>>>;
  facts?: Partial<ValidationResult['facts']>;
}): ValidationResult {
  const base: ValidationStep[] = (['token', 'agent', 'customers'] as const).map((id) => ({
    id,
    label: id,
    status: 'ok',
    durationMs: 5,
    evidence: id === 'token' ? "Token issued by acme.halopsa.com, scope 'all', valid 60 min" : '',
    error: null,
    ...patch.steps?.[id],
  }));
  return {
    status: 'ok',
    startedAt: '2030-01-01T00:00:00.000Z',
    finishedAt: '2030-01-01T00:00:01.000Z',
    endpoints: { tokenUrl: 'https://acme.halopsa.com/auth/token', apiBase: 'https://acme.halopsa.com/api' },
    steps: base,
    warnings: [],
    facts: {
      tokenScope: 'all',
      agent: {
        id: 7,
        name: 'Rewst API',
        email: null,
        isDisabled: false,
        isApiAgent: true,
        teams: [
          { id: 1, name: '1st Line Support' },
          { id: 2, name: '2nd Line Support' },
        ],
      },
      customerCount: 412,
      ...patch.facts,
    },
  };
}

const TEAMS: TeamsOutcome = {
  ok: true,
  teams: [
    { id: 1, name: '1st Line Support' },
    { id: 2, name: '2nd Line Support' },
  ],
};

const byId = (checks: ReturnType<typeof deriveWizardChecks>) =>
  new Map(checks.map((check) => [check.id, check]));

describe('the checklist', () => {
  it('has the fourteen steps of the guide, numbered 1-14, grouped into stages A-C, each with a menu path or a page', () => {
    expect(CHECKLIST.map((step) => step.number)).toEqual([...Array(14).keys()].map((n) => n + 1));
    expect(CHECKLIST.map((step) => step.id)).toEqual([...STEP_IDS]);
    expect(stepsOf('agent').map((s) => s.number)).toEqual([1, 2, 3, 4]);
    expect(stepsOf('application').map((s) => s.number)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(stepsOf('teams').map((s) => s.number)).toEqual([12, 13, 14]);
    expect(STAGES.map((stage) => stage.letter).join('')).toBe('ABCDEF');
    for (const step of CHECKLIST) expect(step.menuPath.length > 0 || step.openInHalo !== null).toBe(true);
    expect(
      stepsOf('application').some((s) => s.menuPath.join(' > ').includes('Integrations > HaloPSA API')),
    ).toBe(true);
  });

  it('names the mistakes the issue asks for: Client ID changes, scope all, all customers, no licence', () => {
    const all = CHECKLIST.flatMap((step) => step.mistakes).join('\n');
    expect(all).toMatch(/Client ID may change after the application is saved/);
    expect(all).toMatch(/must be “all”/);
    expect(all).toMatch(/Allow use of all Customers/);
    expect(all).toMatch(/needs no Halo licence/);
  });

  it('gives every check exactly one step to confirm, and leaves the rest manual', () => {
    for (const id of CHECK_IDS) expect(stepCheckedBy(id).checkedBy).toBe(id);
    expect(CHECKLIST.filter((step) => step.checkedBy !== null)).toHaveLength(CHECK_IDS.length);
    expect(stepCheckedBy('teams').number).toBe(14);
    expect(stepCheckedBy('scope').number).toBe(11);
    expect(stepCheckedBy('agent').number).toBe(3);
  });
});

describe('deriveWizardChecks', () => {
  it('passes all five with evidence when Halo confirms everything', () => {
    const checks = byId(deriveWizardChecks(result({}), TEAMS));
    expect([...checks.values()].map((check) => check.status)).toEqual(Array(5).fill('passed'));
    expect(checks.get('agent')?.evidence).toBe("Agent/me: 'Rewst API' (id 7), enabled, an API agent.");
    expect(checks.get('customers')?.evidence).toBe('The agent can see 412 customers.');
    expect(checks.get('scope')?.evidence).toBe(
      'Halo granted the scope “all”. Checked for “all”, or “read:customers” with “all:teams”.',
    );
    expect(checks.get('teams')?.evidence).toBe("'Rewst API' is in all 2 teams.");
    expect(checks.get('application')?.evidence).toContain('issued a token');
  });

  it('names the teams the agent is missing, by id, and ignores inactive teams', () => {
    const teams: TeamsOutcome = {
      ok: true,
      teams: [
        { id: 1, name: '1st Line Support' },
        { id: 2, name: '2nd Line Support' },
        { id: 8, name: 'Sales' },
        { id: 9, name: 'Accounts' },
        { id: 12, name: 'Old team', inactive: true },
      ],
    };
    const teamsCheck = byId(deriveWizardChecks(result({}), teams)).get('teams');
    expect(teamsCheck?.status).toBe('failed');
    expect(teamsCheck?.missingTeams).toEqual(['Sales', 'Accounts']);
    expect(teamsCheck?.evidence).toBe("'Rewst API' is in 2 of 4 teams; missing: Sales, Accounts.");
    expect(teamsCheck?.fix).toContain('add “Sales”, “Accounts”');
  });

  it('matches team membership by name when Agent/me gives no ids', () => {
    const agent = result({}).facts.agent;
    if (!agent) throw new Error('agent expected');
    const noIds = result({
      facts: {
        agent: { ...agent, teams: agent.teams.map((t) => ({ id: null, name: t.name.toUpperCase() })) },
      },
    });
    expect(byId(deriveWizardChecks(noIds, TEAMS)).get('teams')?.status).toBe('passed');
  });

  it.each([
    ['read:customers all:teams', 'passed', ''],
    ['all:teams edit:customers', 'passed', ''],
    ['all:teams', 'failed', 'lacks “read:customers”.'],
    ['read:customers read:tickets', 'failed', 'lacks “all:teams”.'],
    ['read:tickets', 'failed', 'lacks “read:customers” and “all:teams”.'],
  ])('the scope “%s” is %s for the least-privilege set', (tokenScope, status, lacks) => {
    const scope = byId(deriveWizardChecks(result({ facts: { tokenScope } }), TEAMS)).get('scope');
    expect(scope?.status).toBe(status);
    expect(scope?.evidence).toContain('Checked for “all”, or “read:customers” with “all:teams”.');
    if (lacks !== '') expect(scope?.evidence).toContain(lacks);
  });

  it('fails the scope check when Halo grants less than "all", whether or not the API refused the token', () => {
    const narrow = byId(deriveWizardChecks(result({ facts: { tokenScope: 'read:customers' } }), TEAMS));
    expect(narrow.get('scope')?.status).toBe('failed');
    expect(narrow.get('scope')?.evidence).toBe(
      'Halo granted the scope “read:customers”, which lacks “all:teams”. Checked for “all”, or “read:customers” with “all:teams”.',
    );
    expect(narrow.get('scope')?.fix).toContain('Permissions tab, select “all”');

    const refused = result({
      steps: {
        agent: {
          status: 'failed',
          error: { code: 'missing-scope', message: '401', nextStep: 'x', details: {} },
        },
        customers: { status: 'skipped' },
      },
      facts: { tokenScope: '', agent: null, customerCount: null },
    });
    const checks = byId(deriveWizardChecks(refused, null));
    expect(checks.get('scope')?.status).toBe('failed');
    expect(checks.get('scope')?.evidence).toContain('with no scope');
    expect(checks.get('application')?.status).toBe('passed');
    expect(checks.get('agent')?.status).toBe('not-checked');
    expect(checks.get('teams')?.status).toBe('not-checked');
    expect(checks.get('customers')?.status).toBe('not-checked');
  });

  it('fails the application check on invalid_client, and only says "not checked" on a connection problem', () => {
    const invalid = result({
      steps: {
        token: {
          status: 'failed',
          error: { code: 'invalid-client', message: 'no', nextStep: 'x', details: {} },
        },
        agent: { status: 'skipped' },
        customers: { status: 'skipped' },
      },
      facts: { tokenScope: null, agent: null, customerCount: null },
    });
    const application = byId(deriveWizardChecks(invalid, null)).get('application');
    expect(application?.status).toBe('failed');
    expect(application?.fix).toContain('Client ID may have changed');

    const dns = result({
      steps: {
        token: { status: 'failed', error: { code: 'dns', message: 'nowhere', nextStep: 'x', details: {} } },
        agent: { status: 'skipped' },
        customers: { status: 'skipped' },
      },
      facts: { tokenScope: null, agent: null, customerCount: null },
    });
    const unreachable = byId(deriveWizardChecks(dns, null));
    expect(unreachable.get('application')?.status).toBe('not-checked');
    expect(unreachable.get('application')?.evidence).toContain('nowhere');
    expect([...unreachable.values()].every((check) => check.status === 'not-checked')).toBe(true);
  });

  it('fails a disabled agent and an agent that sees no customers', () => {
    const agent = result({}).facts.agent;
    if (!agent) throw new Error('agent expected');
    const checks = byId(
      deriveWizardChecks(
        result({
          steps: { agent: { status: 'warning' }, customers: { status: 'warning' } },
          facts: { agent: { ...agent, isDisabled: true }, customerCount: 0 },
        }),
        TEAMS,
      ),
    );
    expect(checks.get('agent')?.status).toBe('failed');
    expect(checks.get('agent')?.fix).toContain("Enable the agent 'Rewst API'");
    expect(checks.get('customers')?.status).toBe('failed');
    expect(checks.get('customers')?.fix).toContain('Allow use of all Customers');
  });

  it('says the teams were not checked when Halo would not list them', () => {
    const teams: TeamsOutcome = {
      ok: false,
      error: { code: 'forbidden', message: 'Halo answered 403 on /api/Team', nextStep: 'x', details: {} },
    };
    const check = byId(deriveWizardChecks(result({}), teams)).get('teams');
    expect(check?.status).toBe('not-checked');
    expect(check?.evidence).toContain('403');
  });
});
