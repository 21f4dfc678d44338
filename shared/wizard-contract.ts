import { z } from 'zod';
import { CHECK_IDS, HALO_PAGE_IDS, STAGE_IDS, STEP_IDS } from './checklist';
import { instanceIdSchema } from './domain';
import { validationResultSchema } from './validation';

/**
 * The setup wizard's part of the IPC contract (spread into `channels` in shared/ipc.ts): progress per
 * instance (current stage, done steps), the self-checks that confirm steps against Halo, and the one
 * way to open a Halo page: `links:openInHalo`, which builds the https URL on the instance's own host.
 */

export const stageIdSchema = z.enum(STAGE_IDS);
export const stepIdSchema = z.enum(STEP_IDS);
export const checkIdSchema = z.enum(CHECK_IDS);
export const haloPageIdSchema = z.enum(HALO_PAGE_IDS);

export const wizardCheckSchema = z.object({
  id: checkIdSchema,
  /** 'not-checked': the validation stopped before this check could run (an earlier failure). */
  status: z.enum(['passed', 'failed', 'not-checked']),
  /** What Halo showed, e.g. "Signed in as agent 'Rewst API' (id 7), enabled". */
  evidence: z.string(),
  /** What to change in Halo when the check failed (empty otherwise). */
  fix: z.string(),
  /** Teams check only: the names of the teams the agent is not in. */
  missingTeams: z.array(z.string()),
});
export type WizardCheck = z.infer<typeof wizardCheckSchema>;

export const wizardViewSchema = z.object({
  instanceId: instanceIdSchema,
  currentStage: stageIdSchema,
  /** The checklist steps ticked as done (by the technician, or by a passed check). */
  doneSteps: z.array(stepIdSchema),
  /** The last self-check of each kind; empty before the first check. */
  checks: z.array(wizardCheckSchema),
  checkedAt: z.string().nullable(),
  /** The agent's name as Halo reported it, to fill the menu paths; null before a check saw it. */
  agentName: z.string().nullable(),
  /** The instance's host once a configuration is saved (where "Open in Halo" goes), else null. */
  host: z.string().nullable(),
  /** A configuration with a stored secret exists (stage D is done). */
  configured: z.boolean(),
});
export type WizardView = z.infer<typeof wizardViewSchema>;

/** One instance's progress in a few numbers, for the instance list. */
export const wizardProgressSchema = z.object({
  instanceId: instanceIdSchema,
  currentStage: stageIdSchema,
  doneSteps: z.number().int().nonnegative(),
  totalSteps: z.number().int().positive(),
  /** Null until a check compared the agent's teams with Halo's. */
  missingTeams: z.array(z.string()).nullable(),
  failedChecks: z.array(checkIdSchema),
  checkedAt: z.string().nullable(),
});
export type WizardProgress = z.infer<typeof wizardProgressSchema>;

const byInstance = z.object({ instanceId: instanceIdSchema }).strict();

export const wizardChannels = {
  'wizard:get': { request: byInstance, response: wizardViewSchema },
  'wizard:setStep': {
    request: z.object({ instanceId: instanceIdSchema, stepId: stepIdSchema, done: z.boolean() }).strict(),
    response: wizardViewSchema,
  },
  'wizard:setStage': {
    request: z.object({ instanceId: instanceIdSchema, stage: stageIdSchema }).strict(),
    response: wizardViewSchema,
  },
  /** Validates (streaming `validation:progress`), then runs the self-checks and keeps them. */
  'wizard:check': {
    request: byInstance,
    response: z.object({ view: wizardViewSchema, validation: validationResultSchema }),
  },
  /** Every instance's progress, for the instance list. */
  'wizard:overview': {
    request: z.object({}).strict(),
    response: z.object({ instances: z.array(wizardProgressSchema) }),
  },
  /** Opens a Halo page on the instance's own host (https only) through the app's one external-link gate. */
  'links:openInHalo': {
    request: z.object({ instanceId: instanceIdSchema, target: haloPageIdSchema }).strict(),
    response: z.object({ url: z.string() }),
  },
} as const;
