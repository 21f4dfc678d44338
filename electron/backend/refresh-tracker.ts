import type { BackendEvent } from '../../shared/ipc';
import type { OptionsProgressEvent, RefreshResult } from '../../shared/mapping-contract';
import type { RefreshOutcome, RefreshStatus } from '../../shared/refresh-status-contract';
import { toAppErrorData } from './app-error';

interface Entry {
  running: Promise<unknown> | null;
  progress: OptionsProgressEvent | null;
  last: RefreshOutcome | null;
}

/**
 * Keeps each instance's Refresh Options beyond the call that started it: the latest progress event
 * while it runs and, once it ends, its outcome (result, error or cancel). The reply of `options:refresh`
 * goes to the screen that asked; a screen mounted later (the technician switched tabs or instances
 * meanwhile) reads the same facts from here.
 */
export function createRefreshTracker(now: () => Date) {
  const entries = new Map<string, Entry>();
  let runs = 0;
  const entryOf = (instanceId: string): Entry => {
    let entry = entries.get(instanceId);
    if (!entry) {
      entry = { running: null, progress: null, last: null };
      entries.set(instanceId, entry);
    }
    return entry;
  };

  function outcomeOf(id: number, settled: PromiseSettledResult<RefreshResult>): RefreshOutcome {
    const finishedAt = now().toISOString();
    if (settled.status === 'fulfilled') return { id, finishedAt, outcome: 'done', result: settled.value };
    const error = toAppErrorData(settled.reason);
    if (error.code === 'cancelled') return { id, finishedAt, outcome: 'cancelled' };
    return { id, finishedAt, outcome: 'failed', error };
  }

  return {
    /**
     * Records `start()`'s run as the instance's refresh and answers what it answers. While one is
     * tracked already, the new call runs untracked (the registry refuses it as a duplicate anyway), so
     * that refusal never replaces the running refresh's outcome.
     */
    async track(instanceId: string, start: () => Promise<RefreshResult>): Promise<RefreshResult> {
      const entry = entryOf(instanceId);
      if (entry.running) return start();
      const id = ++runs;
      const work = start();
      entry.running = work;
      entry.progress = null;
      const settled = await Promise.allSettled([work]);
      const [result] = settled as [PromiseSettledResult<RefreshResult>];
      entry.running = null;
      entry.progress = null;
      entry.last = outcomeOf(id, result);
      return work;
    },
    /** Sees every backend event; keeps the latest refresh progress per instance. */
    observe(event: BackendEvent): void {
      if (event.type !== 'options:progress') return;
      const entry = entries.get(event.instanceId);
      if (entry?.running) entry.progress = event;
    },
    async status(instanceId: string, wait: boolean): Promise<RefreshStatus> {
      const entry = entryOf(instanceId);
      if (wait && entry.running) await Promise.allSettled([entry.running]);
      return { running: entry.running !== null, progress: entry.progress, last: entry.last };
    },
  };
}

export type RefreshTracker = ReturnType<typeof createRefreshTracker>;
