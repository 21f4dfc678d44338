import { useEffect, useState } from 'react';
import {
  CHECK_IDS,
  CHECK_LABELS,
  CHECKLIST,
  type StageId,
  stageOf,
  stepCheckedBy,
} from '../../../../shared/checklist';
import type { InstanceSummary } from '../../../../shared/domain';
import type { ConfigurationView } from '../../../../shared/ipc';
import type { WizardView } from '../../../../shared/wizard-contract';
import { api } from '../../api';
import { AppButton } from '../../components/AppButton';
import { CheckCircleIcon, DashCircleIcon, ErrorCircleIcon, WarningIcon } from '../../components/Icons';
import { formatRelativeTime } from '../../lib/relative-time';
import type { ValidationRun } from '../validation/use-validation-run';
import { ValidationPanel } from '../validation/ValidationPanel';
import { CHECK_PROMISES } from './check-texts';
import { ArrowRightIcon } from './wizard-icons';

/**
 * One line over both cards: a working connection is not a finished setup, so this says which of the
 * checklist's steps Halo found wrong, even when the validation itself passed.
 */
function CheckHeadline({ view }: { view: WizardView }) {
  if (!view.checkedAt) return null;
  const failed = view.checks.filter((check) => check.status === 'failed');
  const passed = view.checks.filter((check) => check.status === 'passed').length;
  if (failed.length > 0) {
    return (
      <div className="validation-headline validation-headline--failed wizard-validate__headline">
        <ErrorCircleIcon size={18} />
        <div>
          <strong>
            {failed.length === 1
              ? 'Connected, but 1 step of the checklist needs fixing'
              : `Connected, but ${failed.length} steps of the checklist need fixing`}
          </strong>
          <ul className="wizard-validate__failures">
            {failed.map((check) => {
              const step = stepCheckedBy(check.id);
              return (
                <li key={check.id}>
                  Step {step.number} ({CHECK_LABELS[check.id]}): {check.evidence}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    );
  }
  if (passed === CHECK_IDS.length) {
    return (
      <div className="validation-headline validation-headline--ok wizard-validate__headline">
        <CheckCircleIcon size={18} />
        <div>
          <strong>Halo confirmed every step it can see</strong>
          <p>Agent, customers, application, the “all” permission and every team are in place.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="validation-headline validation-headline--warning wizard-validate__headline">
      <WarningIcon size={18} />
      <div>
        <strong>Some steps could not be checked yet</strong>
        <p>Fix what the validation reports, then validate again.</p>
      </div>
    </div>
  );
}

/**
 * Stage E: the validation (the Connection screen's panel), then what it proved about the checklist: each
 * self-check with Halo's evidence, or what to fix and a way back to its step.
 */
export function ValidateStage({
  instance,
  view,
  run,
  onCheck,
  onCancelCheck,
  onGoToStage,
  now,
}: {
  instance: InstanceSummary;
  view: WizardView;
  run: ValidationRun;
  onCheck(): void;
  onCancelCheck(): void;
  onGoToStage(stage: StageId): void;
  now: Date;
}) {
  const [configuration, setConfiguration] = useState<ConfigurationView | null>(null);
  useEffect(() => {
    let live = true;
    api.config
      .get({ instanceId: instance.id })
      .then((response) => live && setConfiguration(response.configuration))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [instance.id]);

  const manual = CHECKLIST.filter((step) => step.checkedBy === null).map((step) => step.number);
  const failed = view.checks.filter((check) => check.status === 'failed').length;
  const passed = view.checks.filter((check) => check.status === 'passed').length;

  return (
    <div className="wizard-validate">
      <CheckHeadline view={view} />
      <ValidationPanel
        instance={instance}
        configuration={configuration}
        run={run}
        onValidate={onCheck}
        onCancel={onCancelCheck}
        now={now}
        // The headline above is the one verdict on the setup; the panel only speaks for the connection.
        okHeadline="Connection works"
      />
      <section className="card wizard-checks" aria-labelledby="wizard-checks-title">
        <div className="card__header">
          <h3 className="card__title" id="wizard-checks-title">
            What Halo confirmed
          </h3>
          <p className="card__subtitle">
            {view.checkedAt
              ? `Checked ${formatRelativeTime(view.checkedAt, now)}: ${passed} of ${CHECK_IDS.length} confirmed${failed ? `, ${failed} to fix` : ''}.`
              : 'After a validation, the steps the API can see are checked here.'}
          </p>
        </div>
        <ul className="wizard-checks__list">
          {CHECK_IDS.map((id) => {
            const check = view.checks.find((candidate) => candidate.id === id);
            const step = stepCheckedBy(id);
            const status = check?.status ?? 'not-checked';
            const Icon =
              status === 'passed' ? CheckCircleIcon : status === 'failed' ? ErrorCircleIcon : DashCircleIcon;
            const stage = stageOf(step.stage);
            return (
              <li key={id} className={`wizard-checks__item wizard-checks__item--${status}`} data-check={id}>
                <span className="wizard-checks__icon">
                  <Icon size={18} />
                </span>
                <div className="wizard-checks__body">
                  <p className="wizard-checks__head">
                    <strong>{CHECK_LABELS[id]}</strong>
                    <span className="wizard-checks__step">
                      Step {step.number} · stage {stage.letter}
                    </span>
                    <span className="visually-hidden">
                      :{' '}
                      {status === 'passed'
                        ? 'confirmed'
                        : status === 'failed'
                          ? 'needs fixing'
                          : 'not checked yet'}
                    </span>
                  </p>
                  <p className="wizard-checks__evidence">{check ? check.evidence : CHECK_PROMISES[id]}</p>
                  {check?.status === 'failed' ? (
                    <>
                      <p className="wizard-checks__fix">
                        <strong>What to fix: </strong>
                        {check.fix}
                      </p>
                      <AppButton variant="secondary" size="small" onPress={() => onGoToStage(step.stage)}>
                        Go to step {step.number} (stage {stage.letter})
                        <ArrowRightIcon size={14} />
                      </AppButton>
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
        <p className="wizard-checks__manual">
          Halo’s API cannot see steps {manual.join(', ')}: they stay as you ticked them.
        </p>
        <span className="visually-hidden" role="status">
          {run.phase === 'done' && view.checkedAt
            ? `Checks finished: ${passed} confirmed, ${failed} to fix.`
            : ''}
        </span>
      </section>
    </div>
  );
}
