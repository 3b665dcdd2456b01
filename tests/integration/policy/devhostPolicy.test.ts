import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Runs the real `npm run dev:web` entry point and collects what it prints until it exits. */
function runDevHost(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/devhost/cli.ts', '--port=0', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('a policy that cannot be applied stops the app at start, with a clear message', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-policy-start-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('names the file and the misspelt setting, in the system language, and starts nothing', async () => {
    const file = path.join(dir, 'policy.json');
    await writeFile(file, JSON.stringify({ managed: { idleLockMinute: 5, authorityUrl: 'not a url' } }));
    const profile = path.join(dir, 'profile');
    const { code, output } = await runDevHost([`--policy=${file}`], { LANG: 'de_LU.UTF-8', LC_ALL: 'de_LU.UTF-8', GUICHET_USER_DATA: profile });
    expect(code).toBe(2);
    expect(output).toContain('Guichet Desktop kann nicht starten');
    expect(output).toContain(`Richtlinie: ${file}`);
    expect(output).toContain('managed.idleLockMinute: unknown setting');
    expect(output).toContain('managed.authorityUrl');
    expect(output).not.toContain('dev host) at');
    // Nothing was started: no profile folder, no vault.
    await expect(rm(profile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a policy file that is not JSON, in English by default', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ "managed": ');
    const { code, output } = await runDevHost([`--policy=${file}`], { LANG: 'C', LC_ALL: 'C', GUICHET_USER_DATA: path.join(dir, 'profile2') });
    expect(code).toBe(2);
    expect(output).toContain('Guichet Desktop cannot start');
    expect(output).toMatch(/not valid JSON/);
  });
});
