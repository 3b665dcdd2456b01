/** IPC channel names are derived from contract names, so no channel exists outside the contract. */
export const CALL_CHANNEL_PREFIX = 'guichet:call:';
export const EVENT_CHANNEL_PREFIX = 'guichet:event:';

export const callChannel = (name: string): string => `${CALL_CHANNEL_PREFIX}${name}`;
export const eventChannel = (name: string): string => `${EVENT_CHANNEL_PREFIX}${name}`;
