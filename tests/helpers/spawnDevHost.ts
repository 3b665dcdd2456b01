import { spawn, type ChildProcess } from 'node:child_process';

export interface SpawnedDevHost {
  /** The page's address, with its one-time token. */
  url: string;
  child: ChildProcess;
  /** What the dev host printed so far (its log). */
  output(): string;
}

/**
 * The real `npm run dev:web` entry point (tools/devhost/cli.ts under tsx) as its own process on a free port, with
 * `userDataDir` as its profile; resolves once it says where it listens. The renderer must be built (dist/renderer).
 */
export function spawnDevHost(userDataDir: string, args: readonly string[] = []): Promise<SpawnedDevHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/devhost/cli.ts', '--port=0', ...args], {
    env: { ...process.env, GUICHET_USER_DATA: userDataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the dev host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/\?devhost-token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the dev host exited with ${code}:\n${output}`));
    });
  });
}
