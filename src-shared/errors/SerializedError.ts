import { z } from 'zod';

/** The one shape in which errors cross IPC or the dev host's WebSocket. */
export const serializedErrorSchema = z.object({
  name: z.string().min(1).max(100),
  message: z.string().max(10_000),
  kind: z.enum(['expected', 'bug', 'cancelled']),
  details: z.record(z.string(), z.unknown()),
});

export type SerializedError = z.infer<typeof serializedErrorSchema>;
