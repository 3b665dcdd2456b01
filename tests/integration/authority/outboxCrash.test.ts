import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { counters, expectContractClean, makeTempDir, operator, start } from './authorityKit';
import { until } from '../../helpers/until';

const CHILD = path.join(import.meta.dirname, 'outboxChild.ts');

function run(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

describe('outbox: a crash mid-send loses and duplicates nothing', () => {
  let sb: SandboxHandle;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    sb = await start({ seed: 'empty' });
    tmp = await makeTempDir('authority-crash-');
  });
  afterAll(async () => {
    expectContractClean(sb);
    await sb.close();
    await tmp.cleanup();
  });

  it('SIGKILL while sending, restart: each item reaches the authority exactly once', async () => {
    const N = 5;
    // Every submission waits 700 ms at the server before being handled: the child is killed while one is in flight.
    sb.faults.add({ kind: 'delay', route: '/v1/spaces/*/submissions', method: 'POST', delayMs: 700, times: 0 });
    const first = run([tmp.dir, sb.apiUrl, sb.pki.dir, 'enqueue', String(N)]);
    await until(() => first.output().includes('enqueued'), 'the enqueued submissions', { timeoutMs: 60_000, everyMs: 20 });
    const keys = /enqueued (\S+)/.exec(first.output())![1]!.split(',');
    // Killed as soon as the server has accepted the first one: the next is then in flight (or about to be).
    await until(
      async () => {
        if (first.child.exitCode !== null) throw new Error(`the child ended before the kill:\n${first.output()}`);
        return Object.keys((await counters(sb)).acceptedByKey).length > 0;
      },
      'the first accepted submission',
      { timeoutMs: 60_000, everyMs: 20 },
    );
    first.child.kill('SIGKILL');
    await first.exit;
    await new Promise((r) => setTimeout(r, 800)); // the in-flight request finishes on the server
    const mid = await counters(sb);
    expect(Object.keys(mid.acceptedByKey).length).toBeGreaterThan(0);
    expect(Object.keys(mid.acceptedByKey).length).toBeLessThan(N);

    sb.faults.clear();
    // A network cut on the restart too: the first two answers are lost after the work was done.
    sb.faults.add({ kind: 'drop', route: '/v1/spaces/*/submissions', method: 'POST', phase: 'after', times: 2 });
    const second = run([tmp.dir, sb.apiUrl, sb.pki.dir, 'send']);
    expect(await second.exit).toBe(0);
    expect(second.output()).toContain('done');

    const end = await counters(sb);
    for (const key of keys) expect(end.acceptedByKey[key]).toBe(1);
    const { data } = await operator(sb, '/dossiers?space=PP-A7K3QZ');
    expect((data.items as unknown[]).length).toBe(N);
  });
});
