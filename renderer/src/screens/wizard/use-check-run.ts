import { useCallback, useRef } from 'react';
import type { WizardView } from '../../../../shared/wizard-contract';
import { api } from '../../api';
import { useValidationProgress } from '../validation/use-validation-run';

/**
 * Runs `wizard:check` (a validation, then the self-checks) and follows its `validation:progress` events,
 * in the same shape as the Connection screen's validation run, so the same ValidationPanel shows it.
 */
export function useCheckRun(instanceId: string, onView: (view: WizardView) => void, onFinished: () => void) {
  const viewListener = useRef(onView);
  viewListener.current = onView;
  const perform = useCallback(async () => {
    const { view, validation } = await api.wizard.check({ instanceId });
    return { result: validation, whenCurrent: () => viewListener.current(view) };
  }, [instanceId]);
  return useValidationProgress(instanceId, perform, onFinished);
}
