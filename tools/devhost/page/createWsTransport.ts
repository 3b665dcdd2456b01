import type { BridgeTransport } from '../../../src-shared/bridge/BridgeTransport';
import type { CallResult } from '../../../src-shared/contract/types';
import { WS_MAX_PAYLOAD } from '../protocol';

/**
 * The page side of the dev host: contract calls over a WebSocket to the same ipc router the Electron app uses.
 * Calls made while (re)connecting wait for the socket; a lost socket fails pending calls as a BridgeError.
 */
export function createWsTransport(url: string): BridgeTransport {
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: CallResult) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const connect = (): Promise<WebSocket> => {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => {
        socket = ws;
        resolve(ws);
      });
      ws.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as { type: string; id?: number; result?: CallResult; name?: string; payload?: unknown };
        if (message.type === 'result' && typeof message.id === 'number') {
          pending.get(message.id)?.(message.result as CallResult);
          pending.delete(message.id);
        } else if (message.type === 'event' && message.name) {
          for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
        }
      });
      ws.addEventListener('close', () => {
        socket = null;
        ready = null;
        for (const [id, settle] of pending) {
          settle({ ok: false, error: { name: 'BridgeError', message: 'The connection to the application was lost.', kind: 'expected', details: {} } });
          pending.delete(id);
        }
        reject(new Error('The connection to the application was lost.'));
      });
    });
    ready.catch(() => undefined);
    return ready;
  };

  return {
    async invoke(name, input) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      const frame = JSON.stringify({ type: 'call', id, name, input });
      // The host would close the socket on a larger frame (and fail every call in flight): refuse this one alone.
      if (frame.length > WS_MAX_PAYLOAD / 3 && new TextEncoder().encode(frame).length > WS_MAX_PAYLOAD) {
        return { ok: false, error: { name: 'ValidationError', message: 'The request is too large.', kind: 'expected', details: { issues: [{ path: '', message: 'too large', code: 'too_big' }] } } };
      }
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        ws.send(frame);
      });
    },
    subscribe(name, listener) {
      void connect();
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  };
}
