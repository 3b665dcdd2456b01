import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { E2E_LOGS_ENV } from './e2eLogsDir';

/** A fresh folder for this run's dev host logs; the workers inherit its path. */
export default async function globalSetup(): Promise<void> {
  process.env[E2E_LOGS_ENV] = await mkdtemp(path.join(os.tmpdir(), 'guichet-e2e-logs-'));
}
