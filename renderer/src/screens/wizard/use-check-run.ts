import { useCallback, useEffect, useRef, useState } from 'react';
import type { WizardView } from '../../../../shared/wizard-contract';
import { ApiError, api, call } from '../../api';
import { PENDING_STEPS, type ValidationRun } from '../validation/use-validation-run';

/**
 * Runs `wizard:check` (a validation, then the self-checks) and follows its `validation:progress` events,
 * in the same shape as the Connection screen's validation run, so the same ValidationPanel shows it.
 */
export function useCheckRun(instanceId: string, onView: (view: WizardView) => void, onFinished: () => void) {
  const [run, setRun] = useState<ValidationRun>({ phase: 'idle' });
  const generation = useRef(0);
  const mounted = useRef(true);
  const callbacks = useRef({ onView, onFinished });
  callbacks.current = { onView, onFinished };

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
      const { view, validation } = await call('wizard:check', { instanceId });
      if (isCurrent()) {
        setRun({ phase: 'done', steps: validation.steps, result: validation });
        callbacks.current.onView(view);
      }
    } catch (caught) {
      const error =
        caught instanceof ApiError
          ? { code: caught.code, message: caught.message }
          : { code: 'internal', message: caught instanceof Error ? caught.message : String(caught) };
      if (isCurrent()) setRun({ phase: 'error', error });
    } finally {
      unsubscribe();
      if (isCurrent()) callbacks.current.onFinished();
    }
  }, [instanceId]);

  return { run, start };
}
