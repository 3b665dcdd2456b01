import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, makeVault, PASSPHRASE } from './vaultTestKit';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'autosaveChild.ts');

describe('vault crash safety', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('keeps every committed autosave when the process is killed with SIGKILL mid-run', async () => {
    const vault = makeVault(dir);
    await vault.init();
    await vault.create(PASSPHRASE);
    vault.lock();

    const DRAFTS = 10;
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path.join(dir, 'vault'), '1000', String(DRAFTS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastCommitted = 0;
    let buffered = '';
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killAt = 200 + Math.floor(Math.random() * 400);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^saved (\d+)$/.exec(line);
        if (match) lastCommitted = Number(match[1]);
        if (lastCommitted >= killAt && !proc.killed) proc.kill('SIGKILL');
      }
    });
    const signal = await exited;
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(lastCommitted).toBeGreaterThanOrEqual(killAt);
    expect(lastCommitted).toBeLessThan(1000);

    const reopened = makeVault(dir, { openCheck: 'full' });
    await reopened.init();
    await reopened.unlock(PASSPHRASE);
    // The last save printed for each draft (or a later one that committed before the kill) is there.
    for (let id = 0; id < DRAFTS; id++) {
      let lastReported = 0;
      for (let n = lastCommitted; n > 0; n--) {
        if (n % DRAFTS === id) {
          lastReported = n;
          break;
        }
      }
      const draft = reopened.repos.drafts.get(`draft-${id}`);
      const saved = (draft?.values as { save: number } | undefined)?.save ?? 0;
      expect(saved).toBeGreaterThanOrEqual(lastReported);
      expect(saved).toBeLessThanOrEqual(1000);
    }
    expect(await reopened.health()).toMatchObject({ state: 'unlocked' });
    reopened.lock();
  });
});
