/**
 * Timers for latency and hang faults that `stop()` can cut short, so stopping a fake never waits for a
 * 30-second hang to run out and leaves no timer behind.
 */
export class Sleeper {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  private stopped = false;

  /** Resolves `true` after `ms`, or `false` at once if the fake stopped meanwhile (then give up). */
  sleep(ms: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(!this.stopped);
      }, ms);
      this.pending.set(timer, () => resolve(false));
    });
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  stopAll(): void {
    this.stopped = true;
    for (const [timer, wake] of this.pending) {
      clearTimeout(timer);
      wake();
    }
    this.pending.clear();
  }
}
