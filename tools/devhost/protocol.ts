import { z } from 'zod';

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
