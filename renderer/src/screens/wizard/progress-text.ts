import { type CheckId, stageOf } from '../../../../shared/checklist';
import type { WizardProgress } from '../../../../shared/wizard-contract';

export type ProgressTone = 'failed' | 'ok' | 'neutral';

/** What is wrong, in the fewest words, for each check that failed. */
const FAILED_WORDS: Record<CheckId, string> = {
  agent: 'Agent: disabled',
  customers: 'Customers: none visible',
  application: 'Client ID or secret refused',
  scope: 'Permissions: too few',
  teams: 'Teams: agent missing some',
};

/**
 * An instance's setup progress in a few words for the instance list: what needs fixing first ("Teams: 2
 * missing"), else "Setup checked", else where the technician is ("Setup: stage B · 6/14 steps").
 */
export function progressText(progress: WizardProgress | undefined): { text: string; tone: ProgressTone } {
  if (!progress) return { text: 'Setup not started', tone: 'neutral' };
  const missing = progress.missingTeams?.length ?? 0;
  if (missing > 0) return { text: `Teams: ${missing} missing`, tone: 'failed' };
  const [firstFailed] = progress.failedChecks;
  if (firstFailed) return { text: FAILED_WORDS[firstFailed], tone: 'failed' };
  if (progress.checkedAt !== null && progress.missingTeams !== null) {
    return { text: 'Setup checked by Halo', tone: 'ok' };
  }
  if (progress.doneSteps === 0 && progress.currentStage === 'agent') {
    return { text: 'Setup not started', tone: 'neutral' };
  }
  const stage = stageOf(progress.currentStage);
  return {
    text: `Setup: stage ${stage.letter} · ${progress.doneSteps}/${progress.totalSteps} steps`,
    tone: 'neutral',
  };
}
