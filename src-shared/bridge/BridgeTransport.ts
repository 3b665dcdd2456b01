import type { CallResult } from '../contract/types';

/**
 * How a bridge reaches main: IPC in the preload, a WebSocket in the development host. The transport knows nothing
 * of the contract; the bridge factory only ever hands it names the contract declares.
 */
export interface BridgeTransport {
  invoke(name: string, input: unknown): Promise<CallResult>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
}
