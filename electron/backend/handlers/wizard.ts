import {
  CHECK_IDS,
  type CheckId,
  STEP_IDS,
  type StepId,
  stepCheckedBy,
  TOTAL_STEPS,
} from '../../../shared/checklist';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import {
  stageIdSchema,
  type WizardCheck,
  type WizardProgress,
  type WizardView,
} from '../../../shared/wizard-contract';
import { isHaloError } from '../../halo';
import type { BackendContext } from '../context';
import { clientForInstance } from '../halo-access';
import { requireInstance } from '../instance-lookup';
import { checksAfterValidation, deriveWizardChecks, type TeamsOutcome } from '../wizard-checks';
import { validateInstance, whileValidating } from './validation';

/**
 * The setup wizard: progress per instance (stage, done steps) and the self-check that validates the
 * configuration and then proves which checklist steps were done right. A passed check ticks its step; a
 * failed one unticks ("reopens") it, so the technician sees exactly where to go back to.
 */

const knownSteps = new Set<string>(STEP_IDS);

export function wizardView(context: BackendContext, instanceId: string): WizardView {
  const { wizard, configurations } = context.store;
  const stage = stageIdSchema.safeParse(wizard.stage(instanceId));
  const stored = wizard.checks(instanceId);
  const configuration = configurations.get(instanceId);
  return {
    instanceId,
    currentStage: stage.success ? stage.data : 'agent',
    doneSteps: wizard.doneSteps(instanceId).filter((id): id is StepId => knownSteps.has(id)),
    checks: stored?.checks ?? [],
    checkedAt: stored?.checkedAt ?? null,
    agentName: stored?.agentName ?? null,
    host: configuration?.resourceServer ?? null,
    configured: configuration?.hasClientSecret ?? false,
  };
}

export function getWizard(
  context: BackendContext,
  request: ParsedRequestOf<'wizard:get'>,
): ResponseOf<'wizard:get'> {
  requireInstance(context, request.instanceId);
  return wizardView(context, request.instanceId);
}

export function setWizardStep(
  context: BackendContext,
  request: ParsedRequestOf<'wizard:setStep'>,
): ResponseOf<'wizard:setStep'> {
  requireInstance(context, request.instanceId);
  context.store.wizard.setStep(request.instanceId, request.stepId, request.done, context.now().toISOString());
  return wizardView(context, request.instanceId);
}

export function setWizardStage(
  context: BackendContext,
  request: ParsedRequestOf<'wizard:setStage'>,
): ResponseOf<'wizard:setStage'> {
  requireInstance(context, request.instanceId);
  context.store.wizard.setStage(request.instanceId, request.stage, context.now().toISOString());
  return wizardView(context, request.instanceId);
}

/** `/api/Team` through the instance's cached client (same token as the validation that just ran). */
async function readTeams(
  context: BackendContext,
  instanceId: string,
  signal: AbortSignal,
): Promise<TeamsOutcome> {
  const halo = await clientForInstance(context, instanceId, 'validation');
  try {
    const teams = await halo.listTeams({ signal });
    return {
      ok: true,
      teams: teams.map((team) => ({ id: team.id, name: team.name, inactive: team.inactive === true })),
    };
  } catch (error) {
    if (isHaloError(error)) return { ok: false, error: error.info };
    throw error;
  }
}

/**
 * Validates (the same handler as `config:validate`, so progress events and the instance list's
 * "Validated 5 min ago" come for free), reads Halo's teams when the agent is known, derives the checks,
 * keeps them, and ticks or reopens the steps they confirm.
 */
export async function checkWizard(
  context: BackendContext,
  request: ParsedRequestOf<'wizard:check'>,
): Promise<ResponseOf<'wizard:check'>> {
  const { instanceId } = request;
  const { validation, teams } = await whileValidating(context, instanceId, async (signal) => {
    const validated = await validateInstance(context, { instanceId }, signal);
    return {
      validation: validated,
      teams: validated.facts.agent ? await readTeams(context, instanceId, signal) : null,
    };
  });
  const checks = deriveWizardChecks(validation, teams);
  // The instance may have been deleted while Halo answered: then there is nothing to keep.
  requireInstance(context, instanceId);
  keepChecks(context, instanceId, validation, checks, new Set(CHECK_IDS));
  return { view: wizardView(context, instanceId), validation };
}

/**
 * `config:validate` (the Connection screen's Validate): the validation, and, for an instance whose guide
 * has been checked before, the guide's checks follow it, so a scope fixed in Halo and validated from
 * Connection no longer shows as "to fix" in the guide. An instance set up without the guide gets no
 * guide progress from this.
 */
export async function validateAndFollowGuide(
  context: BackendContext,
  request: ParsedRequestOf<'config:validate'>,
): Promise<ResponseOf<'config:validate'>> {
  const { instanceId } = request;
  const validation = await whileValidating(context, instanceId, (signal) =>
    validateInstance(context, request, signal),
  );
  const stored = context.store.wizard.checks(instanceId);
  if (!stored || !context.store.instances.get(instanceId)) return validation;
  const previousTeams = stored.checks.find((check) => check.id === 'teams');
  const checks = checksAfterValidation(validation, previousTeams, stored.agentName);
  // The kept teams check is last run's finding, not this one's: it must not redo a tick the technician
  // changed by hand since.
  const teamsKept = checks.some((check) => check === previousTeams);
  const fresh = new Set<CheckId>(CHECK_IDS.filter((id) => id !== 'teams' || !teamsKept));
  keepChecks(context, instanceId, validation, checks, fresh);
  return validation;
}

/** Stores the checks and ticks or reopens the steps that the `fresh` ones confirm, in one transaction. */
function keepChecks(
  context: BackendContext,
  instanceId: string,
  validation: ResponseOf<'config:validate'>,
  checks: WizardCheck[],
  fresh: ReadonlySet<CheckId>,
): void {
  const now = context.now().toISOString();
  context.store.transaction(() => {
    context.store.wizard.saveChecks(instanceId, {
      checkedAt: validation.finishedAt,
      checks,
      agentName: validation.facts.agent?.name ?? context.store.wizard.checks(instanceId)?.agentName ?? null,
    });
    for (const check of checks) {
      if (check.status === 'not-checked' || !fresh.has(check.id)) continue;
      context.store.wizard.setStep(instanceId, stepCheckedBy(check.id).id, check.status === 'passed', now);
    }
  });
}

/** Every instance's progress in a few numbers, for the instance list. */
export function wizardOverview(context: BackendContext): ResponseOf<'wizard:overview'> {
  const instances: WizardProgress[] = context.store.wizard.all().map((row) => {
    const stage = stageIdSchema.safeParse(row.currentStage);
    const checks = row.checks?.checks ?? [];
    const teams = checks.find((check) => check.id === 'teams');
    const missingTeams =
      teams?.status === 'failed' ? teams.missingTeams : teams?.status === 'passed' ? [] : null;
    return {
      instanceId: row.instanceId,
      currentStage: stage.success ? stage.data : 'agent',
      doneSteps: row.doneSteps.filter((id) => knownSteps.has(id)).length,
      totalSteps: TOTAL_STEPS,
      missingTeams,
      failedChecks: checks.filter((check) => check.status === 'failed').map((check): CheckId => check.id),
      checkedAt: row.checks?.checkedAt ?? null,
    };
  });
  return { instances };
}
