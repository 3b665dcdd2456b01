/**
 * Where the e2e run keeps the log files of every dev host it started (their profile folders are deleted after each
 * test): set by the global setup, inherited by the workers, scanned by the global teardown.
 */
export const E2E_LOGS_ENV = 'GUICHET_E2E_LOGS_DIR';

export function e2eLogsDir(): string {
  const dir = process.env[E2E_LOGS_ENV];
  if (!dir) throw new Error(`${E2E_LOGS_ENV} is not set: the e2e run's global setup (tests/e2e/logScan/globalSetup.ts) did not run.`);
  return dir;
}
