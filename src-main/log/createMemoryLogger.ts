import type { LogLevel } from '../../src-shared/settings/settingsSchema';
import type { Logger } from './Logger';
import { redactFields } from './redactFields';

export interface LogEntry {
  level: LogLevel;
  event: string;
  fields: Record<string, unknown>;
}

/** Keeps log lines in memory: for tests that check what was (and was not) logged. */
export function createMemoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const push = (level: LogEntry['level']) => (event: string, fields: Record<string, unknown> = {}) => {
    entries.push({ level, event, fields: redactFields(fields) });
  };
  return { entries, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}
