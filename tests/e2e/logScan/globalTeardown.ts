import { rm } from 'node:fs/promises';
import { e2eLogsDir } from './e2eLogsDir';
import { findSecretsInLogs } from './findSecretsInLogs';
import { readLogFiles } from './readLogFiles';
import { secretsOfTheE2eRun } from './secretsOfTheE2eRun';

/**
 * After every journey: the log files of all the dev hosts the run started must hold none of the run's personal data
 * or secrets, and there must be some. A failure keeps the folder for a look; a clean run removes it.
 */
export default async function globalTeardown(): Promise<void> {
  const dir = e2eLogsDir();
  const findings = findSecretsInLogs(await readLogFiles(dir), secretsOfTheE2eRun());
  if (findings.length > 0) throw new Error(`The dev hosts' log files of this run (kept in ${dir}):\n${findings.map((finding) => `  - ${finding}`).join('\n')}`);
  await rm(dir, { recursive: true, force: true });
}
