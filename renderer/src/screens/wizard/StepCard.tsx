import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import type { ChecklistStep } from '../../../../shared/checklist';
import type { WizardView } from '../../../../shared/wizard-contract';
import { CheckIcon, WarningIcon } from '../../components/Icons';
import { CopyValue } from './CopyValue';
import { MenuPath } from './MenuPath';
import { OpenInHalo } from './OpenInHalo';
import { SelfCheckNote } from './SelfCheckNote';

export type StepState = 'verified' | 'reopened' | 'done' | 'todo';

export function stepState(step: ChecklistStep, view: WizardView): StepState {
  const check = view.checks.find((candidate) => candidate.id === step.checkedBy);
  const done = view.doneSteps.includes(step.id);
  if (check?.status === 'failed') return 'reopened';
  if (done && check?.status === 'passed') return 'verified';
  return done ? 'done' : 'todo';
}

const STATE_WORDS: Record<StepState, string> = {
  verified: 'confirmed by Halo',
  reopened: 'needs fixing',
  done: 'done',
  todo: 'to do',
};

/**
 * One checklist step: its number and title, a Done checkbox kept per instance, the Halo menu path,
 * what to do, values to copy, "Open in Halo", the self-check's word on it, and the mistakes to avoid.
 */
export function StepCard({
  step,
  view,
  now,
  onDone,
  children,
}: {
  step: ChecklistStep;
  view: WizardView;
  now: Date;
  onDone(done: boolean): void;
  /** Extra content for this step (e.g. the Client ID and Secret fields of step 9). */
  children?: ReactNode;
}) {
  const state = stepState(step, view);
  const check = view.checks.find((candidate) => candidate.id === step.checkedBy);
  const titleId = `wizard-step-${step.id}`;
  return (
    <li className={`wizard-step wizard-step--${state}`} data-step={step.id} aria-labelledby={titleId}>
      <div className="wizard-step__number" aria-hidden="true">
        {step.number}
      </div>
      <div className="wizard-step__body">
        <div className="wizard-step__head">
          <h3 className="wizard-step__title" id={titleId}>
            <span className="visually-hidden">Step {step.number}: </span>
            {step.title}
            <span className="visually-hidden"> ({STATE_WORDS[state]})</span>
          </h3>
          <Checkbox
            className="wizard-check"
            isSelected={view.doneSteps.includes(step.id)}
            onChange={onDone}
            aria-label={`Step ${step.number} done`}
          >
            <span className="wizard-check__box" aria-hidden="true">
              <CheckIcon size={13} />
            </span>
            <span className="wizard-check__label">Done</span>
          </Checkbox>
        </div>
        <MenuPath path={step.menuPath} agentName={view.agentName} />
        {step.instructions.map((text) => (
          <p key={text} className="wizard-step__text">
            {text}
          </p>
        ))}
        {children}
        {step.copyValues.length > 0 ? (
          <div className="wizard-step__values">
            {step.copyValues.map((value) => (
              <CopyValue key={value.label} label={value.label} value={value.value} />
            ))}
          </div>
        ) : null}
        {step.openInHalo ? (
          <OpenInHalo instanceId={view.instanceId} target={step.openInHalo} host={view.host} />
        ) : null}
        <SelfCheckNote step={step} check={check} checkedAt={view.checkedAt} now={now} />
        {step.mistakes.length > 0 ? (
          <div className="wizard-mistakes">
            <p className="wizard-mistakes__title">
              <WarningIcon size={14} />
              Common mistakes
            </p>
            <ul>
              {step.mistakes.map((mistake) => (
                <li key={mistake}>{mistake}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </li>
  );
}
