import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { AuthorityApi } from '../../../src-main/authority/AuthorityApi';
import { AuthorityClient } from '../../../src-main/authority/AuthorityClient';
import { createSubmissionPdf } from '../../../src-main/documents/createSubmissionPdf';
import { AuthorityRequestError } from '../../../src-shared/authority/errors';
import { expectContractClean, operator, start } from './authorityKit';
import { qpdfCheck, run, writeTemp } from '../signing/tools';

const PROCEDURE = 'criminal-record-extract';

/** The refusal's problem slug, or the error itself when it is not a refusal (the test then shows what it was). */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof AuthorityRequestError ? (error.details as { type: string }).type : error;
  }
}

/**
 * The client's typed methods for procedures without authentication, against the real sandbox over HTTP: every
 * answer goes through the zod schemas. The submission carries the PDF with the simple signature block.
 */
describe('authority client: a procedure without authentication', () => {
  let sb: SandboxHandle;
  let client: AuthorityClient;
  let api: AuthorityApi;
  beforeAll(async () => {
    sb = await start();
    client = new AuthorityClient({ baseUrl: sb.apiUrl });
    api = new AuthorityApi(client);
  });
  afterAll(async () => {
    client.dispose();
    expectContractClean(sb);
    await sb.close();
  });

  it('question, wrong answer, right answer, reused question, submission with the signed PDF, the e-mail', async () => {
    const catalogue = await api.listCatalogue();
    const entry = catalogue!.items.find((i) => i.id === PROCEDURE)!;
    expect(entry).toMatchObject({ requiresAuthentication: false, contact: { email: 'required', phone: 'optional' } });

    const question = await api.createAntibotChallenge();
    expect(question.question.fr).toBeTruthy();
    const { answer } = (await operator(sb, `/antibot/${question.challengeId}`)).data as { answer: string };

    expect(await refusal(api.createAnsweredAnonymousSession({ challengeId: question.challengeId, answer: `${answer}0` }))).toBe('antibot-failed');
    const session = await api.createAnsweredAnonymousSession({ challengeId: question.challengeId, answer });
    expect(session).toMatchObject({ kind: 'anonymous', antibot: 'passed', person: null });
    expect(await refusal(api.createAnsweredAnonymousSession({ challengeId: question.challengeId, answer }))).toBe('antibot-challenge-invalid');

    const signedAt = new Date();
    const signature = { name: 'Jean Dupont', consent: true, signedAt: signedAt.toISOString() };
    const pdf = await createSubmissionPdf({
      locale: 'fr',
      procedure: { id: PROCEDURE, version: String(entry.version), title: 'Demander un extrait du casier judiciaire' },
      space: { label: 'Sans authentification' },
      date: signedAt,
      sections: [{ title: 'Identité', fields: [{ label: 'Prénom', value: 'Jean' }, { label: 'Nom', value: 'Dupont' }] }],
      attachments: [],
      simpleSignature: { name: signature.name, signedAt, email: 'jean.dupont@example.lu' },
    });
    expect(qpdfCheck(pdf).code).toBe(0);
    const submission = {
      procedureId: PROCEDURE,
      procedureVersion: String(entry.version),
      language: 'fr' as const,
      data: { firstName: 'Jean', lastName: 'Dupont' },
      contact: { email: 'jean.dupont@example.lu' },
      termsAccepted: true,
      simpleSignature: signature,
    };
    const document = { filename: 'demande.pdf', mediaType: 'application/pdf', content: Buffer.from(pdf) };

    expect(await refusal(api.createAnonymousSubmission(session.token, 'client-anon-0001', { ...submission, termsAccepted: false }, { document }))).toBe('terms-not-accepted');
    const sent = await api.createAnonymousSubmission(session.token, 'client-anon-0002', submission, { document });
    expect(sent.replayed).toBe(false);
    expect(sent.dossier).toMatchObject({ spaceId: null, status: 'submitted', signature: { status: 'absent', simple: { name: 'Jean Dupont' } } });
    expect(sent.dossier.attachments).toHaveLength(1);
    const again = await api.createAnonymousSubmission(session.token, 'client-anon-0002', submission, { document });
    expect(again).toMatchObject({ replayed: true, dossier: { reference: sent.dossier.reference } });
    expect(await refusal(api.createAnonymousSubmission(session.token, 'client-anon-0003', submission, { document }))).toBe('antibot-required');

    // What the authority kept is the PDF as sent, block included.
    expect(sent.dossier.attachments[0]).toMatchObject({ mediaType: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('hex') });
    expect(run('pdftotext', ['-enc', 'UTF-8', writeTemp('sent.pdf', pdf), '-']).out.replace(/\s+/g, ' ')).toContain('Signature électronique simple');

    const mail = (await operator(sb, `/outgoing-mail?reference=${sent.dossier.reference}`)).data.items as { to: string; subject: string }[];
    expect(mail).toEqual([expect.objectContaining({ to: 'jean.dupont@example.lu', subject: `Votre demande ${sent.dossier.reference} a bien été reçue` })]);
  });
});
