import type { HaloErrorInfo } from '../../shared/halo-errors';
import { judgeScope, SCOPES_CHECKED } from '../../shared/halo-scopes';
import type { ValidationResult, ValidationStep } from '../../shared/validation';
import type { WizardCheck } from '../../shared/wizard-contract';

/**
 * The wizard's self-checks: what a validation (token, Agent/me, one page of customers) plus Halo's team
 * list prove about the checklist steps. Pure: the handler fetches, this decides. Each check says what
 * Halo showed, and when it failed, what to change in Halo.
 */

/** A team from `/api/Team`, as far as the check needs it. */
export interface TeamFact {
  id: number;
  name: string;
  inactive?: boolean;
}

/** `/api/Team` as read: the teams, or why they could not be read, or null when not asked. */
export type TeamsOutcome = { ok: true; teams: TeamFact[] } | { ok: false; error: HaloErrorInfo } | null;

function step(result: ValidationResult, id: ValidationStep['id']): ValidationStep | undefined {
  return result.steps.find((candidate) => candidate.id === id);
}

function passed(id: WizardCheck['id'], evidence: string): WizardCheck {
  return { id, status: 'passed', evidence, fix: '', missingTeams: [] };
}

function failed(
  id: WizardCheck['id'],
  evidence: string,
  fix: string,
  missingTeams: string[] = [],
): WizardCheck {
  return { id, status: 'failed', evidence, fix, missingTeams };
}

function notChecked(id: WizardCheck['id'], why: string): WizardCheck {
  return { id, status: 'not-checked', evidence: why, fix: '', missingTeams: [] };
}

const EARLIER_FAILURE = 'Not checked: the validation stopped at an earlier step.';

/** Step 9: Halo issued a token for this Client ID and Secret, so the application exists with that method. */
function applicationCheck(result: ValidationResult): WizardCheck {
  const token = step(result, 'token');
  if (token?.status === 'ok' || token?.status === 'warning') {
    return passed('application', 'Halo accepted this Client ID and Secret and issued a token.');
  }
  if (token?.status === 'failed' && token.error?.code === 'invalid-client') {
    return failed(
      'application',
      'Halo refused the Client ID and Secret (invalid_client).',
      'Open the application in Halo (Configuration > Integrations > HaloPSA API > View Applications): its Client ID may have changed when it was saved. Copy it again into stage D. If it matches, generate a new Client Secret and paste that.',
    );
  }
  if (token?.status === 'failed' && token.error?.code === 'invalid-scope') {
    return passed(
      'application',
      'Halo accepted this Client ID and Secret, then refused the permission asked for (see the permissions check).',
    );
  }
  if (token?.status === 'failed') {
    return notChecked(
      'application',
      `Not checked: Halo could not be asked (${token.error?.message ?? 'the token request failed'}). Fix the connection in stage D first.`,
    );
  }
  return notChecked('application', EARLIER_FAILURE);
}

/**
 * Step 11: the token's scope lets this app read what it needs: “all”, or reading customers with
 * “all:teams” (shared/halo-scopes.ts). An application with less gets a token Halo then refuses.
 */
function scopeCheck(result: ValidationResult): WizardCheck {
  const token = step(result, 'token');
  const agent = step(result, 'agent');
  const scope = result.facts.tokenScope;
  const fix =
    'In Halo, open the application (Configuration > Integrations > HaloPSA API > View Applications), open its Permissions tab, select “all” (or only “read:customers” and “all:teams”, the least this app reads with) and save.';
  const checked = `Checked for ${SCOPES_CHECKED}.`;
  if (token?.status === 'failed' && token.error?.code === 'invalid-scope') {
    return failed(
      'scope',
      `Halo refused to issue a token for ${SCOPES_CHECKED} (invalid_scope): the application has none of these permission sets.`,
      fix,
    );
  }
  if (token?.status !== 'ok' && token?.status !== 'warning') return notChecked('scope', EARLIER_FAILURE);
  const named = scope !== null && scope.trim() !== '';
  const verdict = named ? judgeScope(scope) : null;
  if (verdict !== null && !verdict.enough) {
    const missing = verdict.missing.map((name) => `“${name}”`).join(' and ');
    return failed('scope', `Halo granted the scope “${scope}”, which lacks ${missing}. ${checked}`, fix);
  }
  if (agent?.status === 'failed' && agent.error?.code === 'missing-scope') {
    const granted = named ? `the scope “${scope}”` : 'no scope';
    return failed(
      'scope',
      `Halo issued a token with ${granted} and then refused it for API calls (401). ${checked}`,
      fix,
    );
  }
  if (verdict?.enough === true) return passed('scope', `Halo granted the scope “${scope}”. ${checked}`);
  if (agent?.status === 'ok' || agent?.status === 'warning') {
    return passed('scope', `Halo did not name the scope, but accepts this token for API calls. ${checked}`);
  }
  return notChecked('scope', EARLIER_FAILURE);
}

/** Step 3: `Agent/me` names an enabled agent. */
function agentCheck(result: ValidationResult): WizardCheck {
  const agent = result.facts.agent;
  if (!agent) return notChecked('agent', EARLIER_FAILURE);
  const who = `Agent/me: '${agent.name}' (id ${agent.id})`;
  if (agent.isDisabled) {
    return failed(
      'agent',
      `${who} is disabled.`,
      `Enable the agent '${agent.name}' in Halo (Configuration > Teams & Agents > Agents), then check again.`,
    );
  }
  const kind = agent.isApiAgent === true ? ', an API agent' : '';
  return passed('agent', `${who}, enabled${kind}.`);
}

/** Step 4: the agent can see customers (`record_count` > 0). */
function customersCheck(result: ValidationResult): WizardCheck {
  const customers = step(result, 'customers');
  if (customers?.status !== 'ok' && customers?.status !== 'warning') {
    return notChecked('customers', EARLIER_FAILURE);
  }
  const count = result.facts.customerCount;
  if (count === 0) {
    return failed(
      'customers',
      'The agent can see 0 customers.',
      'Tick “Allow use of all Customers” for the agent (step 4) and make it a member of every team (stage C), then check again.',
    );
  }
  if (count === null) return passed('customers', 'The agent can read customers (Halo did not say how many).');
  return passed('customers', `The agent can see ${count} customer${count === 1 ? '' : 's'}.`);
}

/** Steps 12-14: every (active) team of `/api/Team` is among the agent's teams in `Agent/me`. */
function teamsCheck(result: ValidationResult, teams: TeamsOutcome): WizardCheck {
  const agent = result.facts.agent;
  if (!agent || teams === null) return notChecked('teams', EARLIER_FAILURE);
  if (!teams.ok) {
    return notChecked(
      'teams',
      `Not checked: Halo did not list its teams (${teams.error.message}). Check the agent's teams by hand.`,
    );
  }
  const memberIds = new Set(agent.teams.flatMap((team) => (team.id === null ? [] : [team.id])));
  const memberNames = new Set(agent.teams.map((team) => team.name.trim().toLowerCase()));
  const required = teams.teams.filter((team) => team.inactive !== true);
  const missing = required
    .filter((team) => !memberIds.has(team.id) && !memberNames.has(team.name.trim().toLowerCase()))
    .map((team) => team.name);
  if (missing.length > 0) {
    const list = missing.map((name) => `“${name}”`).join(', ');
    return failed(
      'teams',
      `'${agent.name}' is in ${required.length - missing.length} of ${required.length} teams; missing: ${missing.join(', ')}.`,
      `In Halo, open the agent '${agent.name}' > Departments & Teams > Edit > Teams > Add, add ${list}, and save.`,
      missing,
    );
  }
  return passed('teams', `'${agent.name}' is in all ${required.length} teams.`);
}

/** All five checks, in checklist order. */
export function deriveWizardChecks(result: ValidationResult, teams: TeamsOutcome): WizardCheck[] {
  return [
    agentCheck(result),
    customersCheck(result),
    applicationCheck(result),
    scopeCheck(result),
    teamsCheck(result, teams),
  ];
}

/**
 * The checks after a validation started from the Connection screen, which reads no teams (it stays at the
 * three requests of a quick validation). The four checks a validation proves are derived afresh; the
 * teams check of the last full check stands while the same agent answers, because nothing this
 * validation saw can change it. With another agent, or none, it says to check again.
 */
export function checksAfterValidation(
  result: ValidationResult,
  previousTeams: WizardCheck | undefined,
  previousAgentName: string | null,
): WizardCheck[] {
  const agent = result.facts.agent;
  const sameAgent = agent !== null && previousAgentName !== null && agent.name === previousAgentName;
  const teams =
    sameAgent && previousTeams
      ? previousTeams
      : notChecked(
          'teams',
          agent
            ? `Not checked for '${agent.name}' yet: validate again in stage E to compare its teams with Halo's.`
            : EARLIER_FAILURE,
        );
  return deriveWizardChecks(result, null).map((check) => (check.id === 'teams' ? teams : check));
}
