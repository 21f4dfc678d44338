import { useCallback, useEffect, useRef, useState } from 'react';
import type { StageId, StepId } from '../../../../shared/checklist';
import type { WizardView } from '../../../../shared/wizard-contract';
import { api } from '../../api';
import { messageOf } from '../../lib/errors';

export type WizardState =
  | { state: 'loading' }
  | { state: 'ready'; view: WizardView }
  | { state: 'error'; message: string };

/**
 * One instance's wizard progress from the backend, and the changes the screen makes to it. Every change
 * answers with the whole view, so the screen shows what was stored, not what it hoped for.
 */
export function useWizard(instanceId: string, onChanged: () => void) {
  const [wizard, setWizard] = useState<WizardState>({ state: 'loading' });
  const [actionError, setActionError] = useState<string | null>(null);
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => {
    let live = true;
    api.wizard
      .get({ instanceId })
      .then((view) => live && setWizard({ state: 'ready', view }))
      .catch((error: unknown) => live && setWizard({ state: 'error', message: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [instanceId]);

  const apply = useCallback(async (work: () => Promise<WizardView>) => {
    try {
      const view = await work();
      setWizard({ state: 'ready', view });
      setActionError(null);
      changed.current();
    } catch (error) {
      setActionError(messageOf(error));
    }
  }, []);

  const setStep = useCallback(
    (stepId: StepId, done: boolean) => {
      // Tick at once (a checkbox must answer the click); the backend's answer confirms or corrects it.
      setWizard((current) => {
        if (current.state !== 'ready') return current;
        const others = current.view.doneSteps.filter((id) => id !== stepId);
        return { state: 'ready', view: { ...current.view, doneSteps: done ? [...others, stepId] : others } };
      });
      return apply(() => api.wizard.setStep({ instanceId, stepId, done }));
    },
    [apply, instanceId],
  );

  const setStage = useCallback(
    (stage: StageId) => {
      // Show the stage at once; the backend's answer confirms it.
      setWizard((current) =>
        current.state === 'ready'
          ? { state: 'ready', view: { ...current.view, currentStage: stage } }
          : current,
      );
      return apply(() => api.wizard.setStage({ instanceId, stage }));
    },
    [apply, instanceId],
  );

  /** After a save or a check elsewhere: read the view again. */
  const reload = useCallback(() => apply(() => api.wizard.get({ instanceId })), [apply, instanceId]);

  const replace = useCallback((view: WizardView) => {
    setWizard({ state: 'ready', view });
  }, []);

  return { wizard, actionError, setStep, setStage, reload, replace };
}
