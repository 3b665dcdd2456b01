import type { Logger } from './Logger';

/** One logger writing to several (the console and the log files); each keeps its own level. */
export function combineLoggers(...loggers: readonly Logger[]): Logger {
  return {
    debug: (event, fields) => loggers.forEach((log) => log.debug(event, fields)),
    info: (event, fields) => loggers.forEach((log) => log.info(event, fields)),
    warn: (event, fields) => loggers.forEach((log) => log.warn(event, fields)),
    error: (event, fields) => loggers.forEach((log) => log.error(event, fields)),
  };
}
