import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/devhost/cli.ts', '--port=0', ...args], {
    env: { ...process.env, GUICHET_USER_DATA: userDataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/\?devhost-token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    userDataDir,
    output: () => output,
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
      await rm(userDataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
