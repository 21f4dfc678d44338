import { useEffect, useState } from 'react';
import type { WizardProgress } from '../../../../shared/wizard-contract';
import { api } from '../../api';

/**
 * Every instance's wizard progress, read again whenever `version` changes (the app passes its instance
 * list, which it refreshes after anything changes). A failed read leaves the last known progress. Null
 * until the first read answers: "no progress yet" and "not read yet" must not look the same (the list
 * would say "Setup not started" for a moment about an instance whose setup is done).
 */
export function useWizardOverview(version: unknown): ReadonlyMap<string, WizardProgress> | null {
  const [progress, setProgress] = useState<ReadonlyMap<string, WizardProgress> | null>(null);
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    api.wizard
      .overview({})
      .then(({ instances }) => {
        if (live) setProgress(new Map(instances.map((entry) => [entry.instanceId, entry])));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [version]);
  return progress;
}
