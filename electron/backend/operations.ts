import { AppError } from './app-error';

interface RunningOperation {
  controller: AbortController;
  /** Resolves when the operation's handler has finished (after its `finally`), whatever the outcome. */
  settled: Promise<void>;
  markSettled: () => void;
}

/** Keys are "<kind>:<instanceId>"; the instance is what a deletion stops. */
const instanceOf = (key: string) => key.slice(key.indexOf(':') + 1);

/**
 * Long-running operations that the user can cancel (Refresh Options, Suggest), one per key such as
 * "refresh:<instanceId>". Starting a second one with the same key is refused rather than queued: the
 * screen shows the one that runs.
 */
export function createOperationRegistry() {
  const running = new Map<string, RunningOperation>();
  /** Instances being deleted: nothing new may start for them. */
  const stopping = new Set<string>();
  return {
    start(key: string, busyMessage: string): AbortController {
      if (stopping.has(instanceOf(key))) {
        throw new AppError('not-found', 'That instance is being deleted; nothing more runs for it.', {
          operation: key,
        });
      }
      if (running.has(key)) throw new AppError('conflict', busyMessage, { operation: key });
      const controller = new AbortController();
      let markSettled = () => {};
      const settled = new Promise<void>((resolve) => {
        markSettled = resolve;
      });
      running.set(key, { controller, settled, markSettled });
      return controller;
    },
    finish(key: string, controller: AbortController): void {
      const operation = running.get(key);
      if (operation?.controller !== controller) return;
      running.delete(key);
      operation.markSettled();
    },
    /** Aborts the operation under `key`; false when none runs. */
    cancel(key: string): boolean {
      const operation = running.get(key);
      if (!operation) return false;
      operation.controller.abort();
      return true;
    },
    isRunning(key: string): boolean {
      return running.has(key);
    },
    /**
     * Aborts every operation of `instanceId`, waits until each has settled (so none sends another request
     * or writes a row), then runs `work` (the deletion) while no new one may start.
     */
    async stopInstanceWhile<T>(instanceId: string, work: () => Promise<T>): Promise<T> {
      stopping.add(instanceId);
      try {
        const operations = [...running].filter(([key]) => instanceOf(key) === instanceId);
        for (const [, operation] of operations) operation.controller.abort();
        await Promise.all(operations.map(([, operation]) => operation.settled));
        return await work();
      } finally {
        stopping.delete(instanceId);
      }
    },
    cancelAll(): void {
      for (const operation of running.values()) {
        operation.controller.abort();
        operation.markSettled();
      }
      running.clear();
    },
  };
}

export type OperationRegistry = ReturnType<typeof createOperationRegistry>;
