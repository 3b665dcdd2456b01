import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createIpcTransport, type IpcRendererLike } from '../../../src-preload/createIpcTransport';
import { createBridge } from '../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../src-shared/contract/contract';
import { createTestMainContext, TEST_ORIGIN } from '../../helpers/createTestMainContext';

/** An ipcRenderer/ipcMain pair in one process: invoke goes to the real router as Electron's ipcMain.handle would. */
function fakeIpcPair(dispatch: (channel: string, input: unknown) => Promise<unknown>) {
  const emitter = new EventEmitter();
  const invoked: string[] = [];
  const ipc: IpcRendererLike = {
    invoke: async (channel, input) => {
      invoked.push(channel);
      return structuredClone(await dispatch(channel, structuredClone(input)));
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  return { ipc, emitter, invoked };
}

describe('preload IPC transport', () => {
  it('sends each call on its own contract channel and never hands the IPC event to the page', async () => {
    const main = await createTestMainContext();
    try {
      const { ipc, emitter, invoked } = fakeIpcPair((channel, input) => main.context.router.dispatch(channel.replace('guichet:call:', ''), input, { url: TEST_ORIGIN }));
      const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createIpcTransport(ipc));
      const view = await bridge.settings.set({ language: 'fr' });
      expect(view.values.language).toBe('fr');
      expect(invoked).toEqual(['guichet:call:settings.set']);

      const received: unknown[][] = [];
      const off = bridge.events.on('settings.changed', (...args: unknown[]) => received.push(args));
      emitter.emit('guichet:event:settings.changed', { sender: 'secret ipc event' }, view);
      off();
      emitter.emit('guichet:event:settings.changed', {}, view);
      expect(received).toEqual([[view]]);
    } finally {
      await main.cleanup();
    }
  });
});
