import type { CallInput, CallName, CallOutput, ContractCalls, EventName, EventPayload } from '../contract/types';

type NamespaceOf<K> = K extends `${infer NS}.${string}` ? NS : never;

type Method<N extends CallName> = undefined extends CallInput<N>
  ? (input?: CallInput<N>) => Promise<CallOutput<N>>
  : (input: CallInput<N>) => Promise<CallOutput<N>>;

type MethodsOf<NS extends string> = {
  [K in keyof ContractCalls & string as K extends `${NS}.${infer Method}` ? Method : never]: Method<K & CallName>;
};

export interface GuichetEvents {
  /** Listens to one declared event; returns the function that stops listening. */
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

/**
 * `window.guichet`: one named method per contract call, grouped by the part before the dot
 * (`settings.get` -> `guichet.settings.get()`), plus `events.on` for declared events. A failed call rejects with a
 * plain `{name, message, kind, details}` object (it survives contextBridge); see `toContractError`.
 */
export type GuichetApi = { [NS in NamespaceOf<CallName>]: MethodsOf<NS> } & { events: GuichetEvents };
