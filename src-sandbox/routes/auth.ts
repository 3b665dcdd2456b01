import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { token } from '../data/ids';
import { demoPersons } from '../data/persons';
import { Problem, problems } from '../http/problem';
import { bearer, requireSession } from '../http/access';
import { hasDigitalSignature, refused, subjectSerialNumber, verifyRsaSha256 } from '../pki/trust';
import type { Session } from '../data/types';

const CHALLENGE_TTL_MS = 120_000;

function sessionBody(s: Session): Record<string, unknown> {
  const person = s.personId ? demoPersons.find((p) => p.id === s.personId) : undefined;
  return {
    token: s.token,
    tokenType: 'Bearer',
    kind: s.kind,
    expiresAt: new Date(s.expiresAt).toISOString(),
    expiresIn: Math.round((s.expiresAt - Date.now()) / 1000),
    person: person ? { givenName: person.givenName, surname: person.surname, ssn: person.ssn, privateSpaceId: person.privateSpaceId } : null,
    ...(s.kind === 'anonymous' ? { antibot: s.antibot ?? 'none' } : {}),
  };
}

export function authRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const newSession = (kind: Session['kind'], personId: string | null, extra: Pick<Session, 'certificateSerial' | 'anonymousId' | 'antibot'> = {}): Session => {
    const now = Date.now();
    const s: Session = {
      token: token(),
      kind,
      personId,
      createdAt: now,
      expiresAt: now + ctx.sessionTtlSeconds * 1000,
      ...(extra.certificateSerial ? { certificateSerial: extra.certificateSerial } : {}),
      ...(kind === 'anonymous' ? { anonymousId: extra.anonymousId ?? token(16), antibot: extra.antibot ?? 'none' } : {}),
    };
    ctx.store.sessions.set(s.token, s);
    return s;
  };

  app.post('/v1/auth/challenge', async (_request, reply) => {
    const nonce = token(32);
    const expiresAt = Date.now() + CHALLENGE_TTL_MS;
    ctx.store.challenges.set(nonce, expiresAt);
    reply.code(201);
    return { nonce, expiresAt: new Date(expiresAt).toISOString(), algorithm: 'RSASSA-PKCS1-v1_5-SHA256' };
  });

  app.post('/v1/auth/session', async (request, reply) => {
    const body = request.body as { nonce: string; certificates: string[]; signature: string; algorithm: string };
    const expires = ctx.store.challenges.get(body.nonce);
    ctx.store.challenges.delete(body.nonce); // single use, whatever the outcome
    if (!expires || expires < Date.now()) {
      throw new Problem(401, 'challenge-invalid', 'Challenge invalid', 'The nonce is unknown, used or expired: ask for a new challenge.');
    }
    const leaf = await ctx.trust.verifyChain(body.certificates);
    if (!hasDigitalSignature(leaf)) throw refused('certificate-wrong-usage', 'This certificate is not an authentication certificate.');
    if (!verifyRsaSha256(leaf, Buffer.from(body.nonce, 'utf8'), Buffer.from(body.signature, 'base64'))) {
      throw refused('signature-invalid', 'The signature over the nonce does not verify with the certificate.');
    }
    const ssn = subjectSerialNumber(leaf);
    const person = demoPersons.find((p) => p.ssn === ssn);
    if (!person) {
      throw new Problem(403, 'person-not-registered', 'Not registered', `No person is registered for the certificate SSN ${ssn ?? '(none)'}.`);
    }
    reply.code(201);
    return sessionBody(newSession('person', person.id, { certificateSerial: leaf.serialNumber }));
  });

  /** The anti-bot question that procedures without authentication ask (their CAPTCHA), in de/fr/en. */
  app.post('/v1/auth/anonymous/challenge', async (_request, reply) => {
    const q = ctx.antibot.create();
    reply.code(201);
    return { challengeId: q.challengeId, question: q.question, expiresAt: new Date(q.expiresAt).toISOString(), attemptsLeft: q.attemptsLeft };
  });

  /**
   * Without a body: a session for the catalogue and eTracking. With {challengeId, answer}: the answer is checked
   * first, and the session may then submit one procedure without authentication (antibot 'passed').
   */
  app.post('/v1/auth/anonymous', async (request, reply) => {
    const body = request.body as { challengeId?: string; answer?: string } | null | undefined;
    const answered = body !== null && body !== undefined && typeof body === 'object';
    if (answered) ctx.antibot.check(String(body.challengeId), String(body.answer));
    reply.code(201);
    return sessionBody(newSession('anonymous', null, { antibot: answered ? 'passed' : 'none' }));
  });

  app.post('/v1/auth/session/renew', async (request, reply) => {
    const old = requireSession(ctx, request);
    ctx.store.sessions.delete(old.token);
    // Renewing keeps who the session is: the anonymous id (its idempotency records) and what its anti-bot answer allows.
    const s = newSession(old.kind, old.personId, { certificateSerial: old.certificateSerial, anonymousId: old.anonymousId, antibot: old.antibot });
    reply.code(201);
    return sessionBody(s);
  });

  app.get('/v1/auth/session', async (request) => sessionBody(requireSession(ctx, request)));

  app.delete('/v1/auth/session', async (request, reply) => {
    const t = bearer(request);
    if (!t || !ctx.store.sessions.delete(t)) throw problems.unauthenticated();
    reply.code(204);
    return null;
  });
}
