import type { ZodError } from 'zod';
import type { AppErrorCode, AppErrorData } from '../../shared/ipc';
import { HaloError } from '../halo';
import { KeychainUnavailableError } from '../secrets';
import { StoreError } from '../store';

/** An error the user should see as it is: it crosses IPC as `{ code, message, details }`. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A hostile payload can raise thousands of issues (or one naming 50,000 unknown keys): keep the reply small. */
const MAX_ISSUES = 20;
const MAX_TEXT = 300;
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

export function requestValidationError(channel: string, error: ZodError): AppError {
  const issues = error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => ({ path: clip(issue.path.map(String).join('.')), message: clip(issue.message) }));
  const first = issues[0];
  const where = first?.path ? ` (${first.path})` : '';
  return new AppError(
    'invalid-request',
    `The request to ${channel} was refused: ${first?.message ?? 'it does not match the contract'}${where}.`,
    { channel, issues },
  );
}

/** Maps any thrown value to error data. Messages of unknown errors are kept; stacks never cross IPC. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof KeychainUnavailableError) {
    return { code: 'keychain-unavailable', message: error.message, details: {} };
  }
  if (error instanceof StoreError) {
    // Storage faults keep their own code; a database the app cannot use at all is 'database'.
    const code: AppErrorCode =
      error.code === 'database-too-new' || error.code === 'database-unreadable' ? 'database' : error.code;
    return { code, message: error.message, details: error.details };
  }
  if (error instanceof HaloError) {
    return { code: 'halo', message: error.info.message, details: { halo: error.info } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong inside Halo Setup: ${message}. Nothing was changed; try again, and export diagnostics if it keeps happening.`,
    details: {},
  };
}
