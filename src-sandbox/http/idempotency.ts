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

/** The answer of a request, made in the transaction that also keeps it for the replays. */
export type Commit = () => { status: number; body: unknown };

/**
 * Runs a request once per (principal, key). `prepare` does the asynchronous checks and gives the synchronous
 * commit, which runs in ONE transaction with the stored answer: a crash keeps both or neither, so a retry after a
 * restart either replays the answer or does the work for the first time. A repeat with the same fingerprint replays
 * the first answer (with `Idempotent-Replayed: true`); a different body under the same key is 422; a repeat while the
 * first is still running is 409. Failed first attempts (problems) are not stored: the client may retry them.
 */
export async function idempotent(
  ctx: SandboxContext,
  reply: FastifyReply,
  principal: string,
  key: string,
  fingerprint: string,
  prepare: () => Promise<Commit>,
): Promise<unknown> {
  const id = `${principal}\u0000${key}`;
  const { store } = ctx;
  if (store.idempotencyInFlight.has(id)) {
    throw new Problem(409, 'idempotency-in-flight', 'Request in progress', 'The first request with this key is still running.');
  }
  const seen = store.idempotencyRecord(id);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new Problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This key was used for a different request.');
    }
    reply.code(seen.status).header('Idempotent-Replayed', 'true');
    return seen.body;
  }
  store.idempotencyInFlight.add(id);
  try {
    const commit = await prepare();
    const result = store.tx(() => {
      const answer = commit();
      store.saveIdempotency(id, { fingerprint, status: answer.status, body: answer.body });
      store.countAccepted(key);
      return answer;
    });
    reply.code(result.status);
    return result.body;
  } finally {
    store.idempotencyInFlight.delete(id);
  }
}
