import type { FakeFault } from './types';

interface QueuedFault {
  pathMatch: string;
  fault: FakeFault;
  remaining: number;
}

/**
 * Faults waiting for the next requests whose path contains `pathMatch` (case-insensitive). Entries
 * are consumed in the order they were injected; an entry injected for N requests serves N of them.
 */
export class FaultQueue {
  private readonly queue: QueuedFault[] = [];

  add(pathMatch: string, fault: FakeFault, times = 1): void {
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`times must be a positive integer, got ${times}`);
    this.queue.push({ pathMatch: pathMatch.toLowerCase(), fault, remaining: times });
  }

  /** The fault for a request to `path`, if one is waiting; removes it from the queue. */
  take(path: string): FakeFault | undefined {
    const lowerPath = path.toLowerCase();
    const index = this.queue.findIndex((entry) => lowerPath.includes(entry.pathMatch));
    const entry = this.queue[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queue.splice(index, 1);
    return entry.fault;
  }
}
