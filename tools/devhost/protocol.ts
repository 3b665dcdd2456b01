import { z } from 'zod';

/**
 * The largest frame either side sends: an attachment chunk (3 MiB as about 4 M characters of base64) with room to
 * spare. The host closes the socket on a larger one; the page refuses to send one (a ValidationError, socket kept).
 */
export const WS_MAX_PAYLOAD = 8 * 1024 * 1024;

/** Messages on the dev host's WebSocket. The page only ever sends calls; the host answers and pushes events. */
export const wsCallMessageSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(200),
  input: z.unknown().optional(),
});

export type WsCallMessage = z.infer<typeof wsCallMessageSchema>;

export type WsServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; name: string; payload: unknown };
