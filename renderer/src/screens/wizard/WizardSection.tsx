import type { Key } from 'react-aria-components';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { STAGE_IDS, STAGES, type Stage, type StageId } from '../../../../shared/checklist';
import type { InstanceSummary } from '../../../../shared/domain';
import type { WizardView } from '../../../../shared/wizard-contract';
import { AppButton } from '../../components/AppButton';
import { CheckIcon, ErrorCircleIcon } from '../../components/Icons';
import { ChecklistStage } from './ChecklistStage';
import { ConfigureStage } from './ConfigureStage';
import { MapStage } from './MapStage';
import { stageStatus } from './stage-status';
import { useCheckRun } from './use-check-run';
import { useWizard } from './use-wizard';
import { ValidateStage } from './ValidateStage';
import { ArrowLeftIcon, ArrowRightIcon } from './wizard-icons';
import './wizard.css';

function isStageId(key: Key): key is StageId {
  return (STAGE_IDS as readonly Key[]).includes(key);
}

/**
 * The setup guide of one instance: Halo's API-account checklist as stages A-F. The stage and the ticks
 * are stored per instance, so the guide reopens where the technician left it; after a validation, the
 * steps the API can confirm show Halo's evidence, and the ones it found wrong reopen with what to fix.
 */
export function WizardSection({
  instance,
  now,
  onChanged,
  canOpenMapping,
  onOpenMapping,
}: {
  instance: InstanceSummary;
  now: Date;
  onChanged(): void;
  canOpenMapping: boolean;
  onOpenMapping(): void;
}) {
  const { wizard, actionError, setStep, setStage, replace } = useWizard(instance.id, onChanged);
  const { run, start, cancel } = useCheckRun(instance.id, replace, onChanged);

  if (wizard.state === 'loading') return <p className="loading">Loading the setup guide…</p>;
  if (wizard.state === 'error') {
    return (
      <p className="banner banner--error" role="alert">
        {wizard.message}
      </p>
    );
  }
  const { view } = wizard;
  const index = STAGE_IDS.indexOf(view.currentStage);
  const previous = index > 0 ? STAGES[index - 1] : undefined;
  const next = STAGES[index + 1];

  function content(stage: Stage, current: WizardView) {
    switch (stage.id) {
      case 'agent':
      case 'application':
      case 'teams':
        return (
          <ChecklistStage
            stage={stage.id}
            view={current}
            now={now}
            onStepDone={(stepId, done) => void setStep(stepId, done)}
          />
        );
      case 'configure':
        return (
          <ConfigureStage
            instanceId={instance.id}
            onSaved={() => {
              onChanged();
              void setStage('validate').then(start);
            }}
          />
        );
      case 'validate':
        return (
          <ValidateStage
            instance={instance}
            view={current}
            run={run}
            onCheck={() => void start()}
            onCancelCheck={() => void cancel()}
            onGoToStage={(target) => void setStage(target)}
            now={now}
          />
        );
      default:
        return (
          <MapStage
            view={current}
            canOpenMapping={canOpenMapping}
            onOpenMapping={onOpenMapping}
            onGoToValidate={() => void setStage('validate')}
          />
        );
    }
  }

  return (
    <section className="wizard" aria-label="Setup guide">
      <Tabs
        className="wizard__tabs"
        selectedKey={view.currentStage}
        onSelectionChange={(key) => {
          if (isStageId(key) && key !== view.currentStage) void setStage(key);
        }}
      >
        <TabList aria-label="Setup stages" className="wizard-stages">
          {STAGES.map((stage) => {
            const status = stageStatus(stage.id, view);
            return (
              <Tab key={stage.id} id={stage.id} className={`wizard-stage wizard-stage--${status.tone}`}>
                <span className="wizard-stage__letter" aria-hidden="true">
                  {status.tone === 'done' ? (
                    <CheckIcon size={14} />
                  ) : status.tone === 'failed' ? (
                    <ErrorCircleIcon size={14} />
                  ) : (
                    stage.letter
                  )}
                </span>
                <span className="wizard-stage__text">
                  <span className="wizard-stage__title">
                    <span className="visually-hidden">Stage {stage.letter}: </span>
                    {stage.title}
                  </span>
                  <span className="wizard-stage__status">{status.text}</span>
                </span>
              </Tab>
            );
          })}
        </TabList>
        {actionError ? (
          <p className="banner banner--error" role="alert">
            {actionError}
          </p>
        ) : null}
        {STAGES.map((stage) => (
          <TabPanel key={stage.id} id={stage.id} className="wizard-panel">
            <header className="wizard-panel__header">
              <h2 className="wizard-panel__title">
                Stage {stage.letter} · {stage.title}
              </h2>
              <p className="wizard-panel__summary">{stage.summary}</p>
            </header>
            {content(stage, view)}
            <nav className="wizard-panel__nav" aria-label="Stage navigation">
              {previous ? (
                <AppButton variant="quiet" onPress={() => void setStage(previous.id)}>
                  <ArrowLeftIcon size={15} />
                  Back: {previous.letter}. {previous.title}
                </AppButton>
              ) : (
                <span />
              )}
              {next ? (
                <AppButton variant="primary" onPress={() => void setStage(next.id)}>
                  Next: {next.letter}. {next.title}
                  <ArrowRightIcon size={15} />
                </AppButton>
              ) : null}
            </nav>
          </TabPanel>
        ))}
      </Tabs>
    </section>
  );
}
