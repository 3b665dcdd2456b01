import type { CallSpec, EventSpec } from '../contract/define';
import type { BridgeTransport } from './BridgeTransport';
import type { GuichetApi } from './GuichetApi';

export interface BridgeContract {
  calls: Record<string, CallSpec>;
  events: Record<string, EventSpec>;
}

/**
 * Builds `window.guichet` from the contract and a transport. Used as is by the preload (IPC transport) and by the
 * development host's page (WebSocket transport), so both expose exactly the same named methods.
 */
export function createBridge(contract: BridgeContract, transport: BridgeTransport): GuichetApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(contract.calls)) {
    const dot = name.indexOf('.');
    const namespace = name.slice(0, dot);
    const method = name.slice(dot + 1);
    if (dot <= 0 || namespace === 'events') throw new Error(`Contract call name "${name}" is not "namespace.method".`);
    const group = (api[namespace] ??= {});
    group[method] = async (input?: unknown) => {
      const result = await transport.invoke(name, input);
      if (result.ok) return result.value;
      // Plain object on purpose: Error subclasses lose their fields when crossing contextBridge.
      throw { ...result.error };
    };
  }
  const eventNames = new Set(Object.keys(contract.events));
  api.events = {
    on(name: string, listener: (payload: unknown) => void): () => void {
      if (!eventNames.has(name)) throw new Error(`"${name}" is not an event of the contract.`);
      if (typeof listener !== 'function') throw new Error('listener must be a function.');
      return transport.subscribe(name, listener);
    },
  };
  return freezeDeep(api) as unknown as GuichetApi;
}

function freezeDeep<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner && typeof inner === 'object') freezeDeep(inner as object);
  }
  return Object.freeze(value);
}
