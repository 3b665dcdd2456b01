import type { BridgeTransport } from '../src-shared/bridge/BridgeTransport';
import { callChannel, eventChannel } from '../src-shared/contract/channels';
import type { CallResult } from '../src-shared/contract/types';

/** The part of Electron's ipcRenderer the transport uses; typed here so the transport is testable without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Carries contract calls over IPC. The IPC event object is never handed to the page (it exposes the sender). */
export function createIpcTransport(ipc: IpcRendererLike): BridgeTransport {
  return {
    async invoke(name, input) {
      return (await ipc.invoke(callChannel(name), input)) as CallResult;
    },
    subscribe(name, listener) {
      const channel = eventChannel(name);
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
}
