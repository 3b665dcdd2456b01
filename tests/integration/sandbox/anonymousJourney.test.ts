import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { ANTIBOT_TTL_MS } from '../../../src-sandbox/http/antibot';
import { api, expectContractClean, operator, start, submissionForm } from './helpers';

const PROCEDURE = 'criminal-record-extract';
const PROBLEM = 'urn:guichet:problem:';

/**
 * Procedures without authentication, over HTTP against the real sandbox: the anti-bot question (served, checked,
 * one use, limited attempts, expiry), the anonymous session it opens, the submission with contact, terms and simple
 * signature, and the confirmation e-mail the authority records. The clock of the questions is the test's, so expiry
 * is a step of the clock, not a wait.
 */
describe('sandbox: procedures without authentication', () => {
  let sb: SandboxHandle;
  let clockOffset = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-sandbox-anon-'));
  let version: string;

  const startHere = () =>
    start({ dataDir, contactPhoneRequired: [PROCEDURE], antibotClock: () => Date.now() + clockOffset });

  beforeAll(async () => {
    sb = await startHere();
    version = String((await api(sb, `/catalogue/${PROCEDURE}`)).data.version);
  });
  afterAll(async () => {
    expectContractClean(sb);
    await sb.close();
  });

  const question = async () => {
    const q = await api(sb, '/auth/anonymous/challenge', { method: 'POST' });
    expect(q.status).toBe(201);
    return q.data as { challengeId: string; question: Record<string, string>; expiresAt: string; attemptsLeft: number };
  };
  const expected = async (challengeId: string) => (await operator(sb, `/antibot/${challengeId}`)).data.answer as string;
  const answer = (challengeId: string, value: string) => api(sb, '/auth/anonymous', { method: 'POST', json: { challengeId, answer: value } });

  const submission = (over: Record<string, unknown> = {}) => ({
    procedureId: PROCEDURE,
    procedureVersion: version,
    language: 'fr',
    data: { firstName: 'Jean', lastName: 'Dupont' },
    contact: { email: 'jean.dupont@example.lu', phone: '+352621000111' },
    termsAccepted: true,
    simpleSignature: { name: 'Jean Dupont', consent: true, signedAt: '2026-12-01T09:30:00.000Z' },
    ...over,
  });
  const submit = (token: string, key: string, json: unknown) =>
    api(sb, '/submissions', { method: 'POST', token, headers: { 'idempotency-key': key }, body: submissionForm(json, []) });

  async function answeredSession(): Promise<string> {
    const q = await question();
    const session = await answer(q.challengeId, await expected(q.challengeId));
    expect(session.status).toBe(201);
    return session.data.token as string;
  }

  it('the catalogue says what a procedure without authentication asks to reach the person', async () => {
    const items = (await api(sb, '/catalogue')).data.items as { id: string; requiresAuthentication: boolean; contact?: unknown }[];
    expect(items.find((i) => i.id === PROCEDURE)).toMatchObject({ requiresAuthentication: false, contact: { email: 'required', phone: 'required' } });
    expect(items.find((i) => i.id === 'change-of-address')?.contact).toBeUndefined();
  });

  it('serves a localized question and checks the answer: wrong refused, right opens a session, once only', async () => {
    const q = await question();
    expect(q.challengeId.length).toBeGreaterThanOrEqual(16);
    expect(Object.keys(q.question).sort()).toEqual(['de', 'en', 'fr']);
    expect(q.attemptsLeft).toBe(3);
    expect(Date.parse(q.expiresAt)).toBeGreaterThan(Date.now());

    const right = await expected(q.challengeId);
    const wrong = await answer(q.challengeId, `${right}9`);
    expect(wrong.status).toBe(422);
    expect(wrong.data).toMatchObject({ type: `${PROBLEM}antibot-failed`, attemptsLeft: 2 });

    // Answers compare without case or spaces ("k f r" is "KFR").
    const session = await answer(q.challengeId, ` ${right.toLowerCase().split('').join(' ')} `);
    expect(session.status).toBe(201);
    expect(session.data).toMatchObject({ kind: 'anonymous', antibot: 'passed', person: null });

    // One use: the same question answered right again is refused.
    const reused = await answer(q.challengeId, right);
    expect(reused.status).toBe(401);
    expect(reused.data.type).toBe(`${PROBLEM}antibot-challenge-invalid`);
    expect((await answer('x'.repeat(32), '12')).data.type).toBe(`${PROBLEM}antibot-challenge-invalid`);
    expect((await api(sb, '/auth/anonymous', { method: 'POST', json: { challengeId: q.challengeId } })).status).toBe(400);
  });

  it('takes three wrong answers, then the question is spent even for the right one', async () => {
    const q = await question();
    const right = await expected(q.challengeId);
    const left: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await answer(q.challengeId, `${right}9`);
      expect(r.data.type).toBe(`${PROBLEM}antibot-failed`);
      left.push(r.data.attemptsLeft as number);
    }
    expect(left).toEqual([2, 1, 0]);
    expect((await answer(q.challengeId, right)).data.type).toBe(`${PROBLEM}antibot-challenge-invalid`);
  });

  it('refuses an expired question', async () => {
    const q = await question();
    const right = await expected(q.challengeId);
    clockOffset = ANTIBOT_TTL_MS + 1_000;
    try {
      const late = await answer(q.challengeId, right);
      expect(late.status).toBe(401);
      expect(late.data.type).toBe(`${PROBLEM}antibot-challenge-invalid`);
    } finally {
      clockOffset = 0;
    }
  });

  it('submits only from an answered session, with contact, terms and simple signature; records the e-mail', async () => {
    // A session without an answer serves eTracking, not submissions.
    const plain = await api(sb, '/auth/anonymous', { method: 'POST' });
    expect(plain.data.antibot).toBe('none');
    expect((await submit(plain.data.token, 'anon-plain-0001', submission())).data.type).toBe(`${PROBLEM}antibot-required`);

    const token = await answeredSession();
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ contact: undefined }, 422, 'contact-required'],
      [{ contact: { email: 'not-an-e-mail' } }, 400, 'bad-request'],
      [{ contact: { email: 'jean.dupont@example.lu' } }, 422, 'contact-phone-required'],
      [{ termsAccepted: false }, 422, 'terms-not-accepted'],
      [{ termsAccepted: undefined }, 422, 'terms-not-accepted'],
      [{ simpleSignature: undefined }, 422, 'simple-signature-required'],
      [{ simpleSignature: { name: 'Jean Dupont', consent: false, signedAt: '2026-12-01T09:30:00.000Z' } }, 422, 'simple-signature-required'],
      [{ simpleSignature: { name: '   ', consent: true, signedAt: '2026-12-01T09:30:00.000Z' } }, 422, 'simple-signature-required'],
      [{ procedureId: 'change-of-address', procedureVersion: '3' }, 403, 'authentication-required'],
    ];
    for (const [over, status, type] of refusals) {
      const r = await submit(token, 'anon-refused-01', submission(over));
      expect({ over, status: r.status, type: r.data.type }).toEqual({ over, status, type: `${PROBLEM}${type}` });
    }

    // Refusals do not spend the answer: the complete submission goes through.
    const accepted = await submit(token, 'anon-accepted-01', submission());
    expect(accepted.status).toBe(201);
    const reference = accepted.data.reference as string;
    expect(reference).toMatch(/^GU-\d{4}-\d{7,}$/);
    expect(accepted.data).toMatchObject({
      spaceId: null,
      procedureId: PROCEDURE,
      status: 'submitted',
      submittedBy: { personId: null, name: 'Jean Dupont' },
      signature: { status: 'absent', simple: { name: 'Jean Dupont', signedAt: '2026-12-01T09:30:00.000Z' } },
    });

    // The same request again (a lost answer) replays, even after the session was renewed; a new one is refused.
    const renewed = await api(sb, '/auth/session/renew', { method: 'POST', token });
    expect(renewed.data.antibot).toBe('used');
    const replay = await submit(renewed.data.token, 'anon-accepted-01', submission());
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data.reference).toBe(reference);
    expect((await submit(renewed.data.token, 'anon-second-001', submission())).data.type).toBe(`${PROBLEM}antibot-required`);

    const mail = await operator(sb, `/outgoing-mail?reference=${reference}`);
    expect(mail.data.items).toHaveLength(1);
    expect(mail.data.items[0]).toMatchObject({ to: 'jean.dupont@example.lu', language: 'fr', dossierReference: reference, procedureId: PROCEDURE });
    expect(mail.data.items[0].subject).toContain(reference);
    expect(mail.data.items[0].body).toContain(reference);
    expect(mail.data.items[0].body).toContain('casier judiciaire');

    // What went out is kept with the dossiers: a restarted authority still shows it.
    expectContractClean(sb);
    await sb.close();
    sb = await startHere();
    expect((await operator(sb, `/outgoing-mail?to=jean.dupont@example.lu`)).data.items.map((m: { dossierReference: string }) => m.dossierReference)).toEqual([reference]);
  });
});
