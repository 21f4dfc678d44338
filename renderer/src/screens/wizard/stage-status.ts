import { CHECK_IDS, type StageId, stepsOf } from '../../../../shared/checklist';
import type { WizardView } from '../../../../shared/wizard-contract';

export interface StageStatus {
  /** A few words under the stage's title, e.g. "3 of 4 done", "1 to fix". */
  text: string;
  tone: 'done' | 'failed' | 'todo';
}

/** How far a stage is, from the stored ticks and the last self-check. */
export function stageStatus(stage: StageId, view: WizardView): StageStatus {
  const failedChecks = view.checks.filter((check) => check.status === 'failed');
  if (stage === 'agent' || stage === 'application' || stage === 'teams') {
    const steps = stepsOf(stage);
    const toFix = steps.filter((step) => failedChecks.some((check) => check.id === step.checkedBy)).length;
    if (toFix > 0) return { text: `${toFix} to fix`, tone: 'failed' };
    const done = steps.filter((step) => view.doneSteps.includes(step.id)).length;
    return { text: `${done} of ${steps.length} done`, tone: done === steps.length ? 'done' : 'todo' };
  }
  if (stage === 'configure') {
    return view.configured ? { text: 'Saved', tone: 'done' } : { text: 'Not saved yet', tone: 'todo' };
  }
  if (stage === 'validate') {
    if (!view.checkedAt) return { text: 'Not run yet', tone: 'todo' };
    if (failedChecks.length > 0) return { text: `${failedChecks.length} to fix`, tone: 'failed' };
    const passed = view.checks.filter((check) => check.status === 'passed').length;
    return passed === CHECK_IDS.length
      ? { text: 'All confirmed', tone: 'done' }
      : { text: `${passed} of ${CHECK_IDS.length} confirmed`, tone: 'todo' };
  }
  const allPassed = view.checks.filter((check) => check.status === 'passed').length === CHECK_IDS.length;
  return { text: allPassed ? 'Ready to map' : 'After stage E', tone: 'todo' };
}
