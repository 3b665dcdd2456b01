import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// `npm start` where Electron's binary is not installed and cannot be fetched. The binary is looked for in an empty
// folder (ELECTRON_OVERRIDE_DIST_PATH), the download cache is empty, and Electron's mirror is on loopback: the
// script can reach no other host.
const electronVersion = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
const temporary: string[] = [];
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `guichet-start-${name}-`));
  temporary.push(dir);
  return dir;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function runStart(mirror: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Nothing from the caller's npm or Electron settings may point the download elsewhere.
    if (!/^(npm_|electron_|ELECTRON_|HTTPS?_PROXY$|https?_proxy$|NO_PROXY$|no_proxy$)/i.test(key)) env[key] = value;
  }
  Object.assign(env, {
    ELECTRON_OVERRIDE_DIST_PATH: tempDir('dist'),
    electron_config_cache: tempDir('cache'),
    ELECTRON_MIRROR: mirror,
    npm_config_electron_mirror: mirror,
    ELECTRON_GET_NO_PROGRESS: '1',
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start-electron.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function expectPlainFailure(result: { status: number | null; stdout: string; stderr: string }): void {
  expect(result.status, result.stdout + result.stderr).not.toBe(0);
  expect(result.status).not.toBeNull();
  const all = result.stdout + result.stderr;
  // No stack, no error class names: one sentence saying what happened and what to do instead.
  expect(all).not.toMatch(/^\s+at /m);
  expect(all).not.toMatch(/\b[A-Z]\w*Error\b|\bat async\b|file:\/\//);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Electron's binary is not installed and could not be downloaded( \(.+\))?, so the desktop app cannot start here; `npm run dev:web` runs the same app in a browser\.$/);
}

describe('npm start without the Electron binary', () => {
  it('says in one sentence that Electron could not be fetched and that npm run dev:web runs the app, and exits non-zero', async () => {
    expectPlainFailure(await runStart(`http://127.0.0.1:${await closedPort()}/`));
  }, 90_000);

  it('asked Electron\'s mirror (here on loopback) for the binary, and nothing else', async () => {
    const asked: string[] = [];
    const server = createServer((request, response) => {
      asked.push(request.url ?? '');
      response.writeHead(404).end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };

    expectPlainFailure(await runStart(`http://127.0.0.1:${port}/`));
    expect(asked).toEqual([`/v${electronVersion}/electron-v${electronVersion}-${process.platform}-${process.arch}.zip`]);
  }, 90_000);
});
