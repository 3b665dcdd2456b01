/**
 * The log files' names in the log folder: guichet.log.1, guichet.log.2, ... (pino-roll numbers them; the highest is
 * the one in use). Only these are ever read back (diagnostics, the e2e scan).
 */
export const LOG_FILE_BASE = 'guichet.log';

const LOG_FILE = /^guichet\.log\.(\d+)$/;

/** The number of a log file of ours, or null for any other file in the folder. */
export function logFileNumber(name: string): number | null {
  const match = LOG_FILE.exec(name);
  return match ? Number(match[1]) : null;
}

/** Our log files among a folder's names, oldest first. */
export function sortLogFiles(names: readonly string[]): string[] {
  return names
    .map((name) => ({ name, number: logFileNumber(name) }))
    .filter((entry): entry is { name: string; number: number } => entry.number !== null)
    .sort((a, b) => a.number - b.number)
    .map((entry) => entry.name);
}
