import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contractCalls } from '../../../src-shared/contract/contract';
import type { CallResult } from '../../../src-shared/contract/types';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { startDevHost, type DevHost } from '../../../tools/devhost/startDevHost';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { fuzzCases } from './fuzzCases';
import { DEEP_JSON, deepValue, hostileInput } from './hostileValues';

const callNames = Object.keys(contractCalls);
const PASSPHRASE = 'the fuzzing passphrase';

function topLevelKeys(schema: z.ZodType): string[] {
  const def = (schema as { _zod: { def: { type: string; shape?: Record<string, unknown>; innerType?: z.ZodType } } })._zod.def;
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  return def.innerType ? topLevelKeys(def.innerType) : [];
}

type Tally = { ok: number; expected: Map<string, number>; bugs: string[] };
const newTally = (): Tally => ({ ok: 0, expected: new Map(), bugs: [] });
function record(tally: Tally, call: string, result: CallResult): void {
  if (result.ok) tally.ok += 1;
  else if (result.error.kind === 'bug' || result.error.name === 'InternalError') tally.bugs.push(`${call}: ${result.error.name} ${result.error.message.slice(0, 200)}`);
  else tally.expected.set(result.error.name, (tally.expected.get(result.error.name) ?? 0) + 1);
}
const summary = (tally: Tally) =>
  `ok ${tally.ok}, ${[...tally.expected].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${count}`).join(', ')}, bugs ${tally.bugs.length}`;

describe('IPC fuzz: hostile input to every contract call gets a typed expected error, never a bug or a dead host', () => {
  it('has a fuzz case for every call of the contract, and none for calls that no longer exist', () => {
    expect(Object.keys(fuzzCases).sort()).toEqual([...callNames].sort());
  });

  describe('through the real router (as Electron IPC delivers: structured clones)', () => {
    let main: TestMain;
    beforeAll(async () => {
      main = await createTestMainContext();
      await main.context.vault.create(PASSPHRASE);
    });
    afterAll(() => main.cleanup());

    it('answers every hostile input with an expected error', async () => {
      const tally = newTally();
      const dispatch = async (name: string, input: unknown) => record(tally, name, await main.context.router.dispatch(name, input, { url: TEST_ORIGIN }));
      for (const name of callNames) {
        const spec = contractCalls[name as keyof typeof contractCalls];
        const fuzz = fuzzCases[name]!;
        await fc.assert(
          fc.asyncProperty(hostileInput(fuzz.seed, topLevelKeys(spec.input)), async (input) => {
            let cloned: unknown;
            try {
              cloned = structuredClone(input);
            } catch {
              return; // Electron's IPC could not carry it either.
            }
            await dispatch(name, cloned);
            // Keep the vault open so that later calls reach their handlers, not only the lock check.
            if (main.context.vault.status().state === 'locked') await main.context.vault.unlock(PASSPHRASE).catch(() => undefined);
          }),
          { numRuns: fuzz.runs ?? 25, seed: 20261201 },
        );
        await dispatch(name, deepValue());
        // Deep where the schema itself recurses (draft values, personal data): zod would overflow the stack there.
        for (const field of Object.keys(fuzz.seed ?? {})) {
          await dispatch(name, { ...fuzz.seed, [field]: deepValue() });
          await dispatch(name, { ...fuzz.seed, [field]: { nested: deepValue() } });
        }
        await dispatch(name, 'A'.repeat(9_000_000));
        await dispatch(name, { ...(fuzz.seed ?? {}), padding: 'B'.repeat(9_000_000) });
      }
      console.log(`ipc fuzz (router): ${summary(tally)}`);
      expect(tally.bugs).toEqual([]);
      expect(tally.expected.get('ValidationError') ?? 0).toBeGreaterThan(callNames.length * 3);
      // Main is still whole: it answers.
      expect(await main.context.router.dispatch('app.info', undefined, { url: TEST_ORIGIN })).toMatchObject({ ok: true });
    }, 600_000);
  });

  describe("through the dev host's WebSocket", () => {
    let dir: string;
    let host: DevHost;
    let socketUrl: string;
    const log = createMemoryLogger();

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-fuzz-host-'));
      await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>fuzz</title>');
      host = await startDevHost({ rendererRoot: dir, userDataDir: path.join(dir, 'profile'), log });
      const url = new URL(host.url);
      socketUrl = `ws://${url.host}/__devhost/ws?token=${url.searchParams.get('devhost-token')}`;
    });
    afterAll(async () => {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    });

    /** One socket; `send` answers the call's result, or 'closed' when the host closed the socket on that frame. */
    async function openSocket() {
      const ws = new WebSocket(socketUrl, { origin: host.origin, maxPayload: 64 * 1024 * 1024 });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      ws.on('error', () => undefined);
      let nextId = 1;
      const send = (frame: (id: number) => string | Buffer): Promise<CallResult | 'closed'> =>
        new Promise((resolve) => {
          const id = nextId++;
          const onMessage = (data: WebSocket.RawData) => {
            const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: CallResult };
            if (message.type === 'result' && message.id === id) {
              ws.off('message', onMessage);
              ws.off('close', onClose);
              resolve(message.result as CallResult);
            }
          };
          const onClose = () => {
            ws.off('message', onMessage);
            resolve('closed');
          };
          ws.on('message', onMessage);
          ws.once('close', onClose);
          if (ws.readyState !== WebSocket.OPEN) return onClose();
          ws.send(frame(id));
        });
      return { ws, send };
    }

    it('survives every frame: oversized, malformed, deep, hostile; each call answers an expected error', async () => {
      const tally = newTally();
      let closedSockets = 0;
      let socket = await openSocket();
      const exchange = async (name: string, frame: (id: number) => string | Buffer) => {
        const result = await socket.send(frame);
        if (result === 'closed') {
          closedSockets += 1;
          socket = await openSocket(); // the host is alive: a new socket connects
        } else record(tally, name, result);
      };
      const call = (name: string, input: unknown) => (id: number) => JSON.stringify({ type: 'call', id, name, input });

      // A malformed escape in a page URL (an <img src="/%ff"> in the page) is that request's error, not the host's end.
      expect((await fetch(`${host.origin}/%ff`)).status).toBe(400);
      expect((await fetch(`${host.origin}/%E0%A4%A`)).status).toBe(400);

      // The frames from the review: 9 MB (over maxPayload), 100k-deep input, not JSON, binary, not a call.
      await exchange('app.info', (id) => `{"type":"call","id":${id},"name":"app.info","input":"${'A'.repeat(9_000_000)}"}`);
      await exchange('app.info', (id) => `{"type":"call","id":${id},"name":"app.info","input":${DEEP_JSON}}`);
      await exchange('app.info', () => '{"type":"call",');
      await exchange('app.info', () => Buffer.from([0xff, 0xfe, 0x00, 0x01]));
      await exchange('app.info', (id) => JSON.stringify({ type: 'event', id, name: 'app.info' }));
      await exchange('nope', (id) => JSON.stringify({ type: 'call', id, name: 'x'.repeat(150), input: null }));

      for (const name of callNames) {
        const spec = contractCalls[name as keyof typeof contractCalls];
        const fuzz = fuzzCases[name]!;
        const samples = fc.sample(hostileInput(fuzz.seed, topLevelKeys(spec.input)), { numRuns: Math.min(fuzz.runs ?? 8, 8), seed: 42 });
        for (const input of samples) {
          let frame: string;
          try {
            frame = JSON.stringify({ input }); // what a page can put in a frame at all
          } catch {
            continue;
          }
          if (frame === undefined) continue;
          await exchange(name, call(name, input));
        }
      }
      console.log(`ipc fuzz (websocket): ${summary(tally)}, sockets closed by the host ${closedSockets}`);
      expect(tally.bugs).toEqual([]);
      expect(closedSockets).toBeGreaterThanOrEqual(4);
      const alive = await socket.send(call('app.info', undefined));
      expect(alive).toMatchObject({ ok: true, value: { host: 'devhost' } });
      socket.ws.close();
    }, 600_000);
  });
});
