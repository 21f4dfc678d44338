import { z } from 'zod';
import { type WizardCheck, wizardCheckSchema } from '../../shared/wizard-contract';
import type { SqliteDatabase } from './database';
import { type BadRowReporter, parseStoredJson } from './stored-json';

/** The last self-check of an instance: when it ran and its results (no secret, no token). */
export interface StoredWizardChecks {
  checkedAt: string;
  /** Empty when the stored checks cannot be read (reported): the guide shows them as not checked. */
  checks: WizardCheck[];
  agentName: string | null;
}

/** `wizard_checks.checks_json`. */
const storedChecksSchema = z.array(wizardCheckSchema);

export interface WizardRow {
  instanceId: string;
  currentStage: string | null;
  doneSteps: string[];
  checks: StoredWizardChecks | null;
}

/**
 * The setup wizard's progress per instance: `wizard_steps` (a done flag per checklist step),
 * `wizard_state` (the stage the technician was on) and `wizard_checks` (the last self-check). All three
 * go with their instance (ON DELETE CASCADE).
 */
export function createWizardRepository(db: SqliteDatabase, report: BadRowReporter) {
  const toChecks = (instanceId: string, checkedAt: string, json: string, agentName: string | null) => ({
    checkedAt,
    checks:
      parseStoredJson(
        storedChecksSchema,
        json,
        `The setup guide's checks of instance ${instanceId}`,
        report,
      ) ?? [],
    agentName,
  });
  const doneStatement = db.prepare<[string], { step_id: string }>(
    'SELECT step_id FROM wizard_steps WHERE instance_id = ? AND done = 1 ORDER BY step_id',
  );
  const setStepStatement = db.prepare(`
    INSERT INTO wizard_steps (instance_id, step_id, done, updated_at) VALUES (@instanceId, @stepId, @done, @now)
    ON CONFLICT (instance_id, step_id) DO UPDATE SET done = excluded.done, updated_at = excluded.updated_at`);
  const stageStatement = db.prepare<[string], { current_stage: string }>(
    'SELECT current_stage FROM wizard_state WHERE instance_id = ?',
  );
  const setStageStatement = db.prepare(`
    INSERT INTO wizard_state (instance_id, current_stage, updated_at) VALUES (@instanceId, @stage, @now)
    ON CONFLICT (instance_id) DO UPDATE SET current_stage = excluded.current_stage, updated_at = excluded.updated_at`);
  const checksStatement = db.prepare<
    [string],
    { checked_at: string; checks_json: string; agent_name: string | null }
  >('SELECT checked_at, checks_json, agent_name FROM wizard_checks WHERE instance_id = ?');
  const saveChecksStatement = db.prepare(`
    INSERT INTO wizard_checks (instance_id, checked_at, checks_json, agent_name)
    VALUES (@instanceId, @checkedAt, @checksJson, @agentName)
    ON CONFLICT (instance_id) DO UPDATE SET
      checked_at = excluded.checked_at, checks_json = excluded.checks_json, agent_name = excluded.agent_name`);
  const allStatement = db.prepare<
    [],
    {
      id: string;
      current_stage: string | null;
      done_steps: string | null;
      checked_at: string | null;
      checks_json: string | null;
      agent_name: string | null;
    }
  >(`
    SELECT i.id, s.current_stage,
           (SELECT group_concat(step_id, ' ') FROM wizard_steps w WHERE w.instance_id = i.id AND w.done = 1)
             AS done_steps,
           c.checked_at, c.checks_json, c.agent_name
    FROM instances i
    LEFT JOIN wizard_state s ON s.instance_id = i.id
    LEFT JOIN wizard_checks c ON c.instance_id = i.id
    ORDER BY i.created_at, i.name`);

  const repository = {
    doneSteps(instanceId: string): string[] {
      return doneStatement.all(instanceId).map((row) => row.step_id);
    },
    setStep(instanceId: string, stepId: string, done: boolean, now: string): void {
      setStepStatement.run({ instanceId, stepId, done: done ? 1 : 0, now });
    },
    stage(instanceId: string): string | null {
      return stageStatement.get(instanceId)?.current_stage ?? null;
    },
    setStage(instanceId: string, stage: string, now: string): void {
      setStageStatement.run({ instanceId, stage, now });
    },
    checks(instanceId: string): StoredWizardChecks | null {
      const row = checksStatement.get(instanceId);
      return row ? toChecks(instanceId, row.checked_at, row.checks_json, row.agent_name) : null;
    },
    saveChecks(instanceId: string, { checkedAt, checks, agentName }: StoredWizardChecks): void {
      saveChecksStatement.run({ instanceId, checkedAt, checksJson: JSON.stringify(checks), agentName });
    },
    /** Every instance's wizard row in one query, for the instance list. */
    all(): WizardRow[] {
      return allStatement.all().map((row) => ({
        instanceId: row.id,
        currentStage: row.current_stage,
        doneSteps: row.done_steps ? row.done_steps.split(' ') : [],
        checks:
          row.checked_at !== null && row.checks_json !== null
            ? toChecks(row.id, row.checked_at, row.checks_json, row.agent_name)
            : null,
      }));
    },
  };
  return repository;
}

export type WizardRepository = ReturnType<typeof createWizardRepository>;
