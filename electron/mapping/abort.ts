import type { AbortFlag } from './types';

/** Thrown when the caller's abort flag turns true while suggestions are being computed. */
export class MappingAbortedError extends Error {
  constructor() {
    super('Suggesting mappings was cancelled');
    this.name = 'AbortError';
  }
}

export function throwIfAborted(signal: AbortFlag | undefined): void {
  if (signal?.aborted === true) throw new MappingAbortedError();
}
