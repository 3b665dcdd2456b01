import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { logFileNumber } from '../../../src-main/log/logFiles';
import type { LogFileText } from './findSecretsInLogs';

/** Every log file (guichet.log.N) under `dir`, at any depth. */
export async function readLogFiles(dir: string): Promise<LogFileText[]> {
  const files: LogFileText[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || logFileNumber(entry.name) === null) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.push({ file: path.relative(dir, file), text: await readFile(file, 'utf8') });
  }
  return files;
}
