import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN_PIN } from '../../../tools/devhost/setUpDemoToken';
import type { CallResult } from '../../../src-shared/contract/types';
import type { TokensView } from '../../../src-shared/tokens/tokenSchemas';

/** `npm run dev:web -- --softhsm`: a newcomer gets a card to sign in with, from the demo's own PKI, in one flag. */
describe('dev host --softhsm', () => {
  let dir: string;
  let child: ChildProcess;
  let url: URL;
  let output = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-devhost-softhsm-'));
    const env: NodeJS.ProcessEnv = { ...process.env, GUICHET_USER_DATA: dir };
    delete env.SOFTHSM2_CONF;
    child = spawn(process.execPath, ['--import', 'tsx', 'tools/devhost/cli.ts', '--port=0', '--softhsm'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<URL>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dev host did not start:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/\?devhost-token=[\w-]+)/.exec(output);
        // The URL comes first; wait for the lines after it too.
        if (match?.[1] && /File dialogs|No file dialogs/.test(output)) {
          clearTimeout(timer);
          resolve(new URL(match[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`dev host exited with ${code}:\n${output}`)));
    });
  }, 120_000);
  afterAll(async () => {
    if (child.exitCode === null) await new Promise<void>((resolve) => child.once('exit', () => resolve()) && child.kill('SIGTERM'));
    await rm(dir, { recursive: true, force: true });
  });

  it('lists a SoftHSM2 token with the demo person\'s certificates, and never prints its PIN', async () => {
    expect(output).toContain('Demo token "Anne Schmit (demo)"');
    expect(output).not.toContain(DEMO_TOKEN_PIN);
    const ws = new WebSocket(`ws://${url.host}/__devhost/ws?token=${url.searchParams.get('devhost-token')}`, { origin: url.origin });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const call = (name: string) =>
      new Promise<CallResult>((resolve) => {
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: CallResult };
          if (message.type === 'result' && message.id === 1) resolve(message.result!);
        });
        ws.send(JSON.stringify({ type: 'call', id: 1, name }));
      });
    const list = (await call('tokens.list')) as { ok: true; value: TokensView };
    ws.close();
    const token = list.value.slots.find((slot) => slot.token?.label === 'Anne Schmit (demo)')?.token;
    expect(token?.certificates.map((c) => c.role).sort()).toEqual(['authentication', 'ca', 'ca', 'signature']);
    expect(token?.certificates.find((c) => c.role === 'authentication')?.ssn).toBe('10000000000000000001');
  }, 60_000);
});
