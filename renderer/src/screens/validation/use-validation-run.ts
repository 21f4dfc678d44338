import { useCallback, useEffect, useRef, useState } from 'react';
import type { ValidationResult, ValidationStep } from '../../../../shared/validation';
import { ApiError, api } from '../../api';

export type ValidationRun =
  | { phase: 'idle' }
  | { phase: 'running'; steps: ValidationStep[] }
  | { phase: 'done'; steps: ValidationStep[]; result: ValidationResult }
  /** The technician cancelled it (or the instance went away): nothing was stored, the last result stands. */
  | { phase: 'cancelled'; message: string }
  /** The validation could not start or crashed; the backend's error as data. */
  | { phase: 'error'; error: { code: string; message: string } };

/** What the three steps are called before the backend's first progress event names them. */
export const PENDING_STEPS: ValidationStep[] = [
  {
    id: 'token',
    label: 'Get an access token',
    status: 'running',
    durationMs: null,
    evidence: '',
    error: null,
  },
  {
    id: 'agent',
    label: 'Check the API agent',
    status: 'pending',
    durationMs: null,
    evidence: '',
    error: null,
  },
  {
    id: 'customers',
    label: 'Read customers',
    status: 'pending',
    durationMs: null,
    evidence: '',
    error: null,
  },
];

/** The backend's answer to a validation stopped by `config:cancelValidation`. */
function isCancelled(error: ApiError): boolean {
  return error.code === 'cancelled';
}

/**
 * Runs `config:validate` for one instance and follows its `validation:progress` events, so each step's
 * status appears as Halo answers. A newer run, or leaving the screen, makes an older run's answer moot.
 */
export function useValidationRun(instanceId: string, onFinished: () => void) {
  const perform = useCallback(
    async () => ({ result: await api.config.validate({ instanceId }) }),
    [instanceId],
  );
  return useValidationProgress(instanceId, perform, onFinished);
}

/** What a run hands back: the validation to show, and what else to do if the answer is still wanted. */
export interface ProgressRunOutcome {
  result: ValidationResult;
  /** Runs only if no newer run started and the screen is still there. */
  whenCurrent?: () => void;
}

/**
 * Any backend call that validates (config:validate, wizard:check) shown live: the steps follow the
 * `validation:progress` events for this instance until the call answers.
 */
export function useValidationProgress(
  instanceId: string,
  perform: () => Promise<ProgressRunOutcome>,
  onFinished: () => void,
) {
  const [run, setRun] = useState<ValidationRun>({ phase: 'idle' });
  const generation = useRef(0);
  const mounted = useRef(true);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = useCallback(async () => {
    const mine = ++generation.current;
    const isCurrent = () => mounted.current && generation.current === mine;
    setRun({ phase: 'running', steps: PENDING_STEPS });
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'validation:progress' && event.instanceId === instanceId && isCurrent()) {
        setRun((current) =>
          current.phase === 'running' ? { phase: 'running', steps: event.steps } : current,
        );
      }
    });
    try {
      const { result, whenCurrent } = await perform();
      if (isCurrent()) {
        setRun({ phase: 'done', steps: result.steps, result });
        whenCurrent?.();
      }
    } catch (caught) {
      if (caught instanceof ApiError && isCancelled(caught)) {
        if (isCurrent()) setRun({ phase: 'cancelled', message: caught.message });
        return;
      }
      const error =
        caught instanceof ApiError
          ? { code: caught.code, message: caught.message }
          : { code: 'internal', message: caught instanceof Error ? caught.message : String(caught) };
      if (isCurrent()) setRun({ phase: 'error', error });
    } finally {
      unsubscribe();
      if (isCurrent()) finished.current();
    }
  }, [instanceId, perform]);

  /** Asks the backend to stop this instance's running validation; the run then ends as 'cancelled'. */
  const cancel = useCallback(async () => {
    // A refused cancel changes nothing: the run still ends with its own answer, shown as usual.
    await api.config.cancelValidation({ instanceId }).catch(() => {});
  }, [instanceId]);

  return { run, start, cancel };
}
