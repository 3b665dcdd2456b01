import { test as base } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { spawnDevHost } from '../helpers/spawnDevHost';
import { keepDevHostLogs } from './logScan/keepDevHostLogs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface DevHostProcess {
  url: string;
  origin: string;
  userDataDir: string;
  output: () => string;
  /** Stops the host and starts a new one on the same profile folder (a restart of the app). */
  restart(): Promise<DevHostProcess>;
}

async function launch(userDataDir: string, children: ChildProcess[], args: readonly string[]): Promise<DevHostProcess> {
  // The real `npm run dev:web` entry point (after the renderer build done by `npm run test:e2e`).
  const { url, child, output } = await spawnDevHost(userDataDir, args);
  children.push(child);
  return {
    url,
    origin: new URL(url).origin,
    userDataDir,
    output,
    async restart() {
      await stop(child);
      return launch(userDataDir, children, args);
    },
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A second app on its own profile (another person's computer), for journeys between two people; stopped with it. */
export async function startSecondDevHost(args: readonly string[]): Promise<DevHostProcess & { stop(): Promise<void> }> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'guichet-e2e-second-'));
  const children: ChildProcess[] = [];
  const host = await launch(userDataDir, children, args);
  return {
    ...host,
    async stop() {
      await Promise.all(children.map(stop));
      await keepDevHostLogs(userDataDir);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ devhost: DevHostProcess; devhostArgs: string[] }>({
  /** Extra command-line arguments of the dev host (`test.use({ devhostArgs: ['--policy=…'] })`). */
  devhostArgs: [[], { option: true }],
  devhost: async ({ devhostArgs }, use) => {
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'guichet-e2e-'));
    const children: ChildProcess[] = [];
    try {
      await use(await launch(userDataDir, children, devhostArgs));
    } finally {
      await Promise.all(children.map(stop));
      await keepDevHostLogs(userDataDir);
      await rm(userDataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
