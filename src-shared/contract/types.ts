import type { z } from 'zod';
import type { contractCalls, contractEvents } from './contract';
import type { SerializedError } from '../errors/SerializedError';

export type ContractCalls = typeof contractCalls;
export type ContractEvents = typeof contractEvents;
export type CallName = keyof ContractCalls & string;
export type EventName = keyof ContractEvents & string;

/** What the caller passes (before zod defaults/transforms). */
export type CallInput<N extends CallName> = z.input<ContractCalls[N]['input']>;
/** What the handler receives after parsing. */
export type ParsedCallInput<N extends CallName> = z.output<ContractCalls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<ContractCalls[N]['output']>;
export type EventPayload<N extends EventName> = z.output<ContractEvents[N]['payload']>;

/** The envelope every call answers with, over IPC and over the dev host's WebSocket alike. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: SerializedError };
