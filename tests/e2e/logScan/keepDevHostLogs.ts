import { cp, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { e2eLogsDir } from './e2eLogsDir';

/** Copies a dev host's log folder aside before its profile folder is deleted, for the scan at the end of the run. */
export async function keepDevHostLogs(userDataDir: string): Promise<void> {
  const logs = path.join(userDataDir, 'logs');
  if (!existsSync(logs)) return;
  const target = await mkdtemp(path.join(e2eLogsDir(), `${path.basename(userDataDir)}-`));
  await cp(logs, target, { recursive: true });
}
