import type { StageId, StepId } from '../../../../shared/checklist';
import { stepsOf } from '../../../../shared/checklist';
import type { WizardView } from '../../../../shared/wizard-contract';
import { CredentialsCapture } from './CredentialsCapture';
import { StepCard } from './StepCard';

/** Stages A, B and C: their checklist steps, in the guide's order. */
export function ChecklistStage({
  stage,
  view,
  now,
  onStepDone,
}: {
  stage: StageId;
  view: WizardView;
  now: Date;
  onStepDone(stepId: StepId, done: boolean): void;
}) {
  return (
    <ol className="wizard-steps" aria-label="Steps">
      {stepsOf(stage).map((step) => (
        <StepCard
          key={step.id}
          step={step}
          view={view}
          now={now}
          onDone={(done) => onStepDone(step.id, done)}
        >
          {step.id === 'auth-method' ? (
            <CredentialsCapture instanceId={view.instanceId} configured={view.configured} />
          ) : null}
        </StepCard>
      ))}
    </ol>
  );
}
