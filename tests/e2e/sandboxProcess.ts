import { spawn, type ChildProcess } from 'node:child_process';

export interface SandboxProcess {
  url: string;
  apiUrl: string;
  port: number;
  operatorToken: string;
  /** GET/POST on the operator API. */
  operator<T>(path: string, json?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The sandbox as its own process (`npm run sandbox`), as an administrator or a developer runs it: tests stop it to
 * play an authority that is down, and start it again on the same port and data folder.
 */
export async function startSandboxProcess(options: { dataDir: string; port?: number; operatorToken: string }): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-sandbox/cli.ts', `--port=${options.port ?? 0}`, `--data=${options.dataDir}`, `--operator-token=${options.operatorToken}`, '--require-signature'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^url\s+(http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (match?.[1] && /^api\s+/m.test(output)) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}:\n${output}`)));
  });
  const operator = async <T>(path: string, json?: unknown): Promise<T> => {
    const res = await fetch(`${url}/operator${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${options.operatorToken}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return (await res.json()) as T;
  };
  return {
    url,
    apiUrl: `${url}/v1`,
    port: Number(new URL(url).port),
    operatorToken: options.operatorToken,
    operator,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
