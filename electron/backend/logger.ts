/**
 * What the backend logs through. It has no Electron import: the main process passes an electron-log
 * logger (see electron/main/logging.ts), tests pass one that writes real files or collects lines, and
 * nothing passes one by default (the backend stays silent).
 *
 * The backend logs what a technician or a support engineer needs to follow a session — channel names,
 * durations, error codes — and never a request or response payload: payloads carry client IDs, host
 * names and, on config:save, the client secret itself.
 */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Small, flat, non-secret facts only: names, numbers, codes. */
export type LogFields = Record<string, string | number | boolean | null>;

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};
