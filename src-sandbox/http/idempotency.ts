import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { Problem } from './problem';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

export function requireIdempotencyKey(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) {
    throw new Problem(400, 'idempotency-key-missing', 'Idempotency-Key required', 'This request needs an Idempotency-Key header.');
  }
  if (!KEY_PATTERN.test(key)) {
    throw new Problem(400, 'idempotency-key-invalid', 'Idempotency-Key invalid', 'Use 8 to 200 characters from [A-Za-z0-9._:-].');
  }
  return key;
}

/**
 * Runs `work` once per (principal, key). A repeat with the same fingerprint replays the first answer (with
 * `Idempotent-Replayed: true`); a different body under the same key is 422; a repeat while the first is still
 * running is 409. Failed first attempts (problems) are not stored: the client may retry them.
 */
export async function idempotent(
  ctx: SandboxContext,
  reply: FastifyReply,
  principal: string,
  key: string,
  fingerprint: string,
  work: () => Promise<{ status: number; body: unknown }>,
): Promise<unknown> {
  const id = `${principal}\u0000${key}`;
  const seen = ctx.store.idempotency.get(id);
  if (seen) {
    if (seen.inFlight) throw new Problem(409, 'idempotency-in-flight', 'Request in progress', 'The first request with this key is still running.');
    if (seen.fingerprint !== fingerprint) {
      throw new Problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This key was used for a different request.');
    }
    reply.code(seen.status).header('Idempotent-Replayed', 'true');
    return seen.body;
  }
  ctx.store.idempotency.set(id, { fingerprint, status: 0, body: null, inFlight: true });
  try {
    const result = await work();
    ctx.store.idempotency.set(id, { fingerprint, status: result.status, body: result.body, inFlight: false });
    ctx.store.countAccepted(key);
    reply.code(result.status);
    return result.body;
  } catch (e) {
    ctx.store.idempotency.delete(id);
    throw e;
  }
}
