import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import type { LogMessage, NodeLogger } from 'electron-log';
import { redactSecrets } from '../../shared/diagnostics';
import type { LogFields, Logger } from '../backend/logger';

/**
 * The app's log: electron-log's file transport writing `<userData>/logs/main.log`, rotated by size, with
 * a hook that redacts secrets and tokens from every message before any transport sees it.
 *
 * Why electron-log, and why its plain-Node flavour (`electron-log/node`): it is the maintained standard
 * for Electron logging (size-based rotation, safe sync writes, uncaught-error capture), and the Node
 * flavour has no Electron import, so this module runs unchanged in the tests. The Electron flavour
 * (`electron-log/main`) would also register an `__ELECTRON_LOG__` ipcMain listener that lets any renderer
 * write to the log; the app has no renderer logging, so that door stays shut.
 *
 * This module imports no `electron`: the main process passes the folder (app.getPath('userData')/logs).
 */

export const LOG_FILE_NAME = 'main.log';
/** Rotate at 1 MiB and keep main.1.log ... main.5.log: about 6 MiB at most, days of normal use. */
export const MAX_LOG_BYTES = 1024 * 1024;
export const KEPT_LOG_FILES = 5;

export interface LoggingOptions {
  logsDir: string;
  /** Echo to stdout/stderr too (development); the packaged app writes the file only. */
  console?: boolean;
  maxBytes?: number;
}

/** Points an electron-log instance at the logs folder, with rotation and redaction. Returns the file path. */
export function configureLogging(log: NodeLogger, options: LoggingOptions): string {
  const file = path.join(options.logsDir, LOG_FILE_NAME);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.level = 'info';
  log.transports.file.maxSize = options.maxBytes ?? MAX_LOG_BYTES;
  log.transports.file.archiveLogFn = (oldFile) => rotateLogFiles(oldFile.path, KEPT_LOG_FILES);
  log.transports.console.level = options.console ? 'info' : false;
  // No network or IPC sink, ever (electron-log/node has no IPC transport at all outside Electron).
  const transports: Record<string, { level: unknown } | null | undefined> = log.transports;
  for (const name of ['remote', 'ipc']) {
    const transport = transports[name];
    if (transport) transport.level = false;
  }
  log.hooks.push(redactLogMessage);
  return file;
}

/** main.log -> main.1.log -> main.2.log ...; the oldest beyond `keep` is deleted. */
export function rotateLogFiles(current: string, keep: number): void {
  const { dir, name, ext } = path.parse(current);
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  renameSync(current, numbered(1));
}

/**
 * The redaction hook: every piece of a message becomes text (errors with their stack, objects through
 * util.inspect) and goes through the same `redactSecrets` as the diagnostics report: bearer and basic
 * credentials, secret- and token-named keys, JWTs, long random-looking strings.
 */
export function redactLogMessage(message: LogMessage): LogMessage {
  const data: unknown[] = message.data;
  return { ...message, data: data.map((part) => redactSecrets(toText(part))) };
}

function toText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  return inspect(part, { depth: 5, breakLength: Number.POSITIVE_INFINITY });
}

/** The backend's Logger on top of electron-log: "message {"channel":"...","ms":3}". */
export function backendLogger(log: NodeLogger): Logger {
  const line = (message: string, fields?: LogFields) =>
    fields ? `${message} ${JSON.stringify(fields)}` : message;
  return {
    info: (message, fields) => log.info(line(message, fields)),
    warn: (message, fields) => log.warn(line(message, fields)),
    error: (message, fields) => log.error(line(message, fields)),
  };
}

/** The last `count` lines of the log (reaching into main.1.log when main.log was just rotated). */
export function recentLogLines(logFile: string, count: number): string[] {
  const { dir, name, ext } = path.parse(logFile);
  const lines: string[] = [];
  for (const file of [logFile, path.join(dir, `${name}.1${ext}`)]) {
    if (lines.length >= count || !existsSync(file)) continue;
    const fileLines = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
    lines.unshift(...fileLines.slice(-(count - lines.length)));
  }
  return lines.map((text) => redactSecrets(text));
}
