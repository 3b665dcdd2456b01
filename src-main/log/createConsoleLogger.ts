import type { Logger } from './Logger';
import { redactFields } from './redactFields';

type Level = 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { info: 0, warn: 1, error: 2 };

/** JSON lines on stderr, filtered by level. */
export function createConsoleLogger(minLevel: Level = 'info', write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const emit = (level: Level, event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...redactFields(fields) }));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}
