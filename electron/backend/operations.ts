import { AppError } from './app-error';

/**
 * Long-running operations that the user can cancel (Refresh Options, Suggest), one per key such as
 * "refresh:<instanceId>". Starting a second one with the same key is refused rather than queued: the
 * screen shows the one that runs.
 */
export function createOperationRegistry() {
  const running = new Map<string, AbortController>();
  return {
    start(key: string, busyMessage: string): AbortController {
      if (running.has(key)) throw new AppError('conflict', busyMessage, { operation: key });
      const controller = new AbortController();
      running.set(key, controller);
      return controller;
    },
    finish(key: string, controller: AbortController): void {
      if (running.get(key) === controller) running.delete(key);
    },
    /** Aborts the operation under `key`; false when none runs. */
    cancel(key: string): boolean {
      const controller = running.get(key);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    isRunning(key: string): boolean {
      return running.has(key);
    },
    cancelAll(): void {
      for (const controller of running.values()) controller.abort();
      running.clear();
    },
  };
}

export type OperationRegistry = ReturnType<typeof createOperationRegistry>;
