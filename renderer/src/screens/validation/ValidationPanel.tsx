import { useEffect, useRef, useState } from 'react';
import { buildDiagnosticsReport } from '../../../../shared/diagnostics';
import type { InstanceSummary } from '../../../../shared/domain';
import type { ConfigurationView } from '../../../../shared/ipc';
import type { ValidationResult, ValidationStep, ValidationWarning } from '../../../../shared/validation';
import { api } from '../../api';
import { AppButton } from '../../components/AppButton';
import {
  CheckCircleIcon,
  CheckIcon,
  CopyIcon,
  DashCircleIcon,
  ErrorCircleIcon,
  PendingIcon,
  RefreshIcon,
  SpinnerIcon,
  WarningIcon,
} from '../../components/Icons';
import { formatRelativeTime } from '../../lib/relative-time';
import { PENDING_STEPS, type ValidationRun } from './use-validation-run';
import './ValidationPanel.css';

/** Before any run: the three steps, waiting, each saying what it will prove. */
const IDLE_STEPS: ValidationStep[] = PENDING_STEPS.map((step) => ({ ...step, status: 'pending' }));

const STATUS_WORDS: Record<ValidationStep['status'], string> = {
  pending: 'Waiting',
  running: 'Running',
  ok: 'Passed',
  warning: 'Passed with a warning',
  failed: 'Failed',
  skipped: 'Skipped',
};

function StepIcon({ status }: { status: ValidationStep['status'] }) {
  switch (status) {
    case 'ok':
      return <CheckCircleIcon size={20} />;
    case 'warning':
      return <WarningIcon size={20} />;
    case 'failed':
      return <ErrorCircleIcon size={20} />;
    case 'running':
      return <SpinnerIcon size={20} />;
    case 'skipped':
      return <DashCircleIcon size={20} />;
    default:
      return <PendingIcon size={20} />;
  }
}

/** What each step proves, shown until the step has its own evidence. */
const STEP_PURPOSE: Record<ValidationStep['id'], string> = {
  token: 'Proves the Client ID, secret and tenant are accepted.',
  agent: 'Names the agent the application acts as in Halo.',
  customers: 'Counts the customers that agent can see.',
};

function formatDetails(details: Record<string, string | number | boolean | null>): string {
  const parts: string[] = [];
  if (details.status !== undefined && details.status !== null) parts.push(`HTTP ${details.status}`);
  if (typeof details.url === 'string') parts.push(details.url);
  return parts.join(' · ');
}

function StepRow({ step }: { step: ValidationStep }) {
  return (
    <li className={`step step--${step.status}`} data-step={step.id}>
      <span className="step__icon">
        <StepIcon status={step.status} />
      </span>
      <div className="step__body">
        <div className="step__head">
          <span className="step__label">{step.label}</span>
          <span className="visually-hidden">: {STATUS_WORDS[step.status]}</span>
          {step.durationMs !== null ? (
            <span className="step__time">{Math.round(step.durationMs)} ms</span>
          ) : null}
        </div>
        {step.evidence ? <p className="step__evidence">{step.evidence}</p> : null}
        {step.status === 'skipped' && !step.evidence ? (
          <p className="step__muted">Skipped because an earlier step failed.</p>
        ) : null}
        {(step.status === 'pending' || step.status === 'running') && !step.evidence ? (
          <p className="step__muted">{STEP_PURPOSE[step.id]}</p>
        ) : null}
        {step.error ? (
          <div className="step__error">
            <p className="step__error-message">{step.error.message}</p>
            <p className="step__next">
              <strong>What to do: </strong>
              {step.error.nextStep}
            </p>
            <p className="step__code">
              <code>{step.error.code}</code>
              {formatDetails(step.error.details) ? <span> · {formatDetails(step.error.details)}</span> : null}
            </p>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The Client-ID hint is already the "What to do" of a step that failed with invalid-client; listing it
 * again as a warning below would make the technician read the same advice twice.
 */
function warningsNotSaidAbove(result: ValidationResult): ValidationWarning[] {
  const saidAbove = result.steps.some((step) => step.error?.code === 'invalid-client');
  return result.warnings.filter((warning) => !(saidAbove && warning.code === 'client-id-may-have-changed'));
}

function Warnings({ warnings }: { warnings: ValidationWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="validation-warnings">
      <h4 className="validation-warnings__title">
        {warnings.length === 1 ? '1 thing to check' : `${warnings.length} things to check`}
      </h4>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.code} className="validation-warning" data-warning={warning.code}>
            <WarningIcon size={16} />
            <span>{warning.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Headline({
  run,
  instance,
  now,
  okHeadline,
}: {
  run: ValidationRun;
  instance: InstanceSummary;
  now: Date;
  okHeadline: string;
}) {
  if (run.phase === 'running') {
    return (
      <div className="validation-headline validation-headline--running" role="status">
        <SpinnerIcon size={18} />
        <span>Checking the connection to Halo…</span>
      </div>
    );
  }
  if (run.phase === 'error') {
    return (
      <div className="validation-headline validation-headline--failed" role="alert">
        <ErrorCircleIcon size={18} />
        <div>
          <strong>Could not validate</strong>
          <p>{run.error.message}</p>
        </div>
      </div>
    );
  }
  if (run.phase === 'cancelled') {
    // The last stored result still stands, so it is shown under the notice, as before this run.
    return (
      <>
        <div className="validation-headline validation-headline--cancelled" role="status">
          <DashCircleIcon size={18} />
          <strong>{run.message}</strong>
        </div>
        <PreviousHeadline instance={instance} now={now} />
      </>
    );
  }
  if (run.phase === 'done') {
    const { status } = run.result;
    const failed = run.result.steps.find((step) => step.status === 'failed');
    const text =
      status === 'ok'
        ? okHeadline
        : status === 'warning'
          ? 'Connected, with warnings'
          : `Failed at “${failed?.label ?? 'a step'}”`;
    return (
      <div
        className={`validation-headline validation-headline--${status}`}
        role={status === 'failed' ? 'alert' : 'status'}
      >
        {status === 'ok' ? (
          <CheckCircleIcon size={18} />
        ) : status === 'warning' ? (
          <WarningIcon size={18} />
        ) : (
          <ErrorCircleIcon size={18} />
        )}
        <strong>{text}</strong>
      </div>
    );
  }
  return <PreviousHeadline instance={instance} now={now} />;
}

/** The stored last validation, before any run on this screen (or after one was cancelled). */
function PreviousHeadline({ instance, now }: { instance: InstanceSummary; now: Date }) {
  const last = instance.lastValidation;
  if (last && last.status !== 'never') {
    return (
      <div
        className={`validation-headline validation-headline--${last.status} validation-headline--previous`}
      >
        {last.status === 'ok' ? (
          <CheckCircleIcon size={18} />
        ) : last.status === 'warning' ? (
          <WarningIcon size={18} />
        ) : (
          <ErrorCircleIcon size={18} />
        )}
        <div>
          <strong>
            {last.status === 'failed' ? 'Failed' : 'Validated'} {formatRelativeTime(last.at, now)}
          </strong>
          <p>{last.summary}</p>
        </div>
      </div>
    );
  }
  return null;
}

/**
 * "A quick validation says exactly what is right and what is wrong": three requests to Halo, each with
 * its status, time and evidence; a failure says what happened and what to do; warnings below. The
 * diagnostics report is plain text for a support ticket, built (and redacted) by shared/diagnostics.
 */
export function ValidationPanel({
  instance,
  configuration,
  run,
  onValidate,
  onCancel,
  now,
  okHeadline = 'Connected: everything works',
}: {
  instance: InstanceSummary;
  configuration: ConfigurationView | null;
  run: ValidationRun;
  onValidate(): void;
  /** Stops the running validation (shown as Cancel while it runs). */
  onCancel(): void;
  now: Date;
  /** What a passed validation says; the setup guide, which has its own verdict, says less. */
  okHeadline?: string;
}) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const resetTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(resetTimer.current), []);

  async function copyDiagnostics() {
    const app = await api.app.info().catch(() => null);
    const report = buildDiagnosticsReport({
      generatedAt: new Date().toISOString(),
      app,
      instanceName: instance.name,
      configuration,
      result: run.phase === 'done' ? run.result : null,
      failure: run.phase === 'error' ? run.error : null,
    });
    try {
      await navigator.clipboard.writeText(report);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
    clearTimeout(resetTimer.current);
    resetTimer.current = setTimeout(() => setCopyState('idle'), 2500);
  }

  const steps =
    run.phase === 'running' || run.phase === 'done' ? run.steps : run.phase === 'idle' ? IDLE_STEPS : [];
  const canValidate = configuration !== null && run.phase !== 'running';
  // One click is enough: the run ends as 'cancelled' (or done, if Halo answered first) and a new run resets it.
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    if (run.phase !== 'running') setCancelling(false);
  }, [run.phase]);

  return (
    <section
      className="card validation-panel"
      aria-labelledby="validation-title"
      aria-busy={run.phase === 'running'}
    >
      <div className="card__header">
        <h2 className="card__title" id="validation-title">
          Validation
        </h2>
        <p className="card__subtitle">
          Three quick requests: an access token, the API agent, one page of customers.
        </p>
      </div>

      <Headline run={run} instance={instance} now={now} okHeadline={okHeadline} />

      {(run.phase === 'idle' || run.phase === 'cancelled') && !instance.lastValidation ? (
        <p className="validation-empty">
          {configuration
            ? 'Run a validation to check that the saved configuration works.'
            : 'Save the connection details and the app checks them right away.'}
        </p>
      ) : null}

      {steps.length > 0 ? (
        <ol className="steps" aria-label="Validation steps">
          {steps.map((step) => (
            <StepRow key={step.id} step={step} />
          ))}
        </ol>
      ) : null}

      {run.phase === 'done' ? <Warnings warnings={warningsNotSaidAbove(run.result)} /> : null}

      {run.phase === 'done' ? (
        <dl className="endpoints">
          <dt>Token URL</dt>
          <dd>{run.result.endpoints.tokenUrl ?? 'not reached'}</dd>
          <dt>API base</dt>
          <dd>{run.result.endpoints.apiBase}</dd>
        </dl>
      ) : null}

      <div className="validation-actions">
        <AppButton variant="secondary" onPress={onValidate} isDisabled={!canValidate}>
          <RefreshIcon size={15} />
          {run.phase === 'idle' && !instance.lastValidation ? 'Validate now' : 'Validate again'}
        </AppButton>
        {run.phase === 'running' ? (
          <AppButton
            variant="quiet"
            onPress={() => {
              setCancelling(true);
              onCancel();
            }}
            isDisabled={cancelling}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </AppButton>
        ) : null}
        <AppButton variant="quiet" onPress={copyDiagnostics} isDisabled={run.phase === 'running'}>
          {copyState === 'copied' ? <CheckIcon size={15} /> : <CopyIcon size={15} />}
          {copyState === 'copied' ? 'Copied' : 'Copy diagnostics'}
        </AppButton>
        {copyState === 'failed' ? (
          <span className="validation-actions__note" role="alert">
            The clipboard refused; try again.
          </span>
        ) : null}
        <span className="visually-hidden" role="status">
          {copyState === 'copied' ? 'Diagnostics copied to the clipboard' : ''}
        </span>
      </div>
    </section>
  );
}
