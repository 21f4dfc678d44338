import type { HaloErrorCode, HaloErrorInfo } from '../../shared/halo-errors';

/**
 * The one error type the Halo client throws. It carries the classified, secret-free `info` that crosses
 * IPC as data; `message` is the same text, so logs and stack traces read well too.
 *
 * Deliberately no `cause`: the underlying axios error holds the request config, i.e. the form body with
 * the client secret and the Authorization header, and `console.error` prints causes recursively.
 */
export class HaloError extends Error {
  override readonly name = 'HaloError';

  constructor(readonly info: HaloErrorInfo) {
    super(info.message);
  }

  get code(): HaloErrorCode {
    return this.info.code;
  }
}

export function isHaloError(value: unknown): value is HaloError {
  return value instanceof HaloError;
}
