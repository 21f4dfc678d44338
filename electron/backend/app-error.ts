import type { ZodError } from 'zod';
import type { AppErrorCode, AppErrorData, AppErrorDetails } from '../../shared/ipc';
import { HaloError } from '../halo';
import { KeychainUnavailableError } from '../secrets';
import { StoreError } from '../store';

/**
 * An error the user should see as it is: it crosses IPC as `data`, `{ code, message, details }`, with the
 * details typed per code by the contract (shared/app-errors.ts). Read `data` and switch on its code.
 */
class AppErrorWithData extends Error {
  readonly data: AppErrorData;
  constructor(code: AppErrorCode, message: string, details: AppErrorData['details']) {
    super(message);
    this.name = 'AppError';
    this.data = { code, message, details } as AppErrorData;
  }
  get code(): AppErrorCode {
    return this.data.code;
  }
}

/**
 * `new AppError(code, message, details)`: the constructor's type pairs each code with its own details,
 * so a wrong or missing field is a compile error where the error is raised. (A class constructor cannot be
 * generic, hence the typed alias of the class.)
 */
export const AppError = AppErrorWithData as unknown as {
  new <C extends AppErrorCode>(code: C, message: string, details: AppErrorDetails<C>): AppErrorWithData;
  prototype: AppErrorWithData;
};
export type AppError = AppErrorWithData;

/** Work the user (or deleting the instance) stopped: nothing was changed, and the screen says so calmly. */
export function cancelledError(
  operation: AppErrorDetails<'cancelled'>['operation'],
  message: string,
  nextStep: string,
): AppError {
  return new AppError('cancelled', message, { operation, nextStep });
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
  if (error instanceof AppError) return error.data;
  if (error instanceof KeychainUnavailableError) {
    return { code: 'keychain-unavailable', message: error.message, details: {} };
  }
  if (error instanceof StoreError) {
    // Storage faults keep their own code; a database the app cannot use at all is 'database'.
    const code =
      error.code === 'database-too-new' || error.code === 'database-unreadable' ? 'database' : error.code;
    return { code, message: error.message, details: error.details };
  }
  if (error instanceof HaloError) {
    // A request stopped by its abort signal is a cancellation like any other, not a Halo failure.
    if (error.info.code === 'cancelled') {
      return cancelledError(null, error.info.message, error.info.nextStep).data;
    }
    return { code: 'halo', message: error.info.message, details: { halo: error.info } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong inside Halo Setup: ${message}. Nothing was changed; try again, and export diagnostics if it keeps happening.`,
    details: {},
  };
}
