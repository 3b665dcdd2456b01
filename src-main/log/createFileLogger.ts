import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import type { LogLevel } from '../../src-shared/settings/settingsSchema';
import type { Logger } from './Logger';
import { LOG_FILE_BASE } from './logFiles';
import { redactFields } from './redactFields';

export interface FileLoggerOptions {
  /** The platform's log folder (Electron's app.getPath('logs'); the dev host: the profile's logs/). */
  dir: string;
  level: LogLevel;
  /** A file is closed and the next one begun past this size (pino-roll's notation: '5m', '512k'). */
  maxFileSize?: string;
  /** How many files are kept, the one in use included: the folder's size stays under maxFiles × maxFileSize. */
  maxFiles?: number;
}

export interface FileLogger extends Logger {
  readonly dir: string;
  level(): LogLevel;
  /** The `logLevel` setting changed (a policy, a settings change): the next lines follow it. */
  setLevel(level: LogLevel): void;
  /** Everything logged so far is in the file (the diagnostics report reads it back). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Log lines as JSON in rotating files (pino, pino-roll), in a private folder: fields go through redactFields first,
 * which strips what looks like a secret should a caller pass one by mistake. Written in this thread (no transport
 * worker): a worker would have to load pino-roll from outside the app's ASAR.
 */
export async function createFileLogger(options: FileLoggerOptions): Promise<FileLogger> {
  const maxFiles = options.maxFiles ?? 5;
  if (maxFiles < 2) throw new RangeError('maxFiles must be at least 2 (the file in use and one before it).');
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const stream = await pinoRoll({
    file: path.join(options.dir, LOG_FILE_BASE),
    size: options.maxFileSize ?? '5m',
    // With removeOtherLogFiles, pino-roll counts the folder's files after opening the new one (earlier runs' included):
    // count is then the number kept in all, the file in use among them.
    limit: { count: maxFiles, removeOtherLogFiles: true },
    mode: 0o600,
    // Written as they come: a line is in the file before the next statement runs (a crash loses none, the report reads
    // them back), at the cost of a small synchronous write per event.
    sync: true,
  });
  const logger = pino(
    {
      level: options.level,
      // No pid or host name on each line: the host name often carries the person's name.
      base: null,
      messageKey: 'event',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  let closing: Promise<void> | null = null;
  const write = (level: LogLevel) => (event: string, fields: Record<string, unknown> = {}) => logger[level](redactFields(fields), event);
  return {
    dir: options.dir,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    level: () => logger.level as LogLevel,
    setLevel(level) {
      logger.level = level;
    },
    // Lines are written synchronously; pino-roll switches files on the next tick after a write that crossed the size,
    // so waiting one turn of the event loop leaves the folder as the lines so far make it.
    flush: () => new Promise<void>((resolve) => setImmediate(resolve)),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.end();
      });
      return closing;
    },
  };
}
