import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRef } from '../../../src-shared/tokens/tokenSchemas';
import type { PreparedSubmission, SubmissionState } from '../../../src-shared/submissions/submissionSchemas';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { verifyPdfSignatures } from '../../../src-main/signing';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { until } from '../../helpers/until';
import { counters, operator, start } from '../authority/authorityKit';
import { anneMoves, openSignedInApp, saveMoveDraft, type SignedInApp } from './signedInApp';
import type { MainContext } from '../../../src-main/createMainContext';

const PIN = '123456';


/**
 * Sign and submit through the contract, on real parts: the sandbox over HTTP, Anne's keys on a SoftHSM2 token (PIN
 * 123456), a SQLCipher vault. A wrong PIN first, then the signature (PAdES B-T with the sandbox's TSA), the outbox,
 * the dossier and the receipt; a refusal brings the draft back; an authority that fails keeps it waiting, then sends
 * it once.
 */
describe.skipIf(!SOFTHSM_MODULE)('sign and submit a draft (SoftHSM2 token, sandbox over HTTP)', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  let slotId = '';
  const PASSPHRASE = 'correct horse battery staple';
  let dir: string;
  let main: MainContext;
  const log = createMemoryLogger();
  const call = (name: string, input?: unknown) => app.call(name, input);
  const value = <T>(name: string, input?: unknown) => app.value<T>(name, input);
  const identity = (role: 'authentication' | 'signature') => app.identity(role);
  const saveDraft = (id: string, values: Record<string, unknown>) => saveMoveDraft(app, id, values);
  async function settled(draftId: string, status: SubmissionState['status']): Promise<SubmissionState> {
    let state: SubmissionState | null = null;
    await until(async () => {
      state = (await value<{ state: SubmissionState | null }>('submissions.state', { draftId })).state;
      return state?.status === status;
    }, `the submission ${status}`, { timeoutMs: 30_000 });
    return state!;
  }

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    slotId = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', PIN).slotId;
    sandbox = await start({ requireSignature: true });
    app = await openSignedInApp({ sandbox, slotId, pin: PIN, passphrase: PASSPHRASE, log });
    ({ main, dir } = app);
  }, 120_000);

  afterAll(async () => {
    await main?.dispose();
    await sandbox?.close();
    hsm?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses an incomplete draft, signs after a wrong PIN, submits once, stores the receipt, keeps the draft read-only', { timeout: 120_000 }, async () => {
    await value('catalogue.list');
    expect((await saveDraft('draft-incomplete-1', { firstName: 'Anne' })).ok).toBe(true);
    expect(await call('submissions.prepare', { draftId: 'draft-incomplete-1', language: 'en' })).toMatchObject({ ok: false, error: { name: 'DraftIncompleteError' } });

    expect((await saveDraft('draft-move-0001', anneMoves())).ok).toBe(true);
    const prepared = await value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-move-0001', language: 'en' });
    expect(prepared).toMatchObject({ spaceId: 'PP-A7K3QZ', signature: 'advanced', requiresAuthentication: true, attachments: [] });
    const answers = prepared.sections.flatMap((s) => s.answers.map((a) => `${a.label}: ${a.text}`));
    expect(answers).toContain('Where are you moving to?: Within Luxembourg');
    const preview = Buffer.from((await value<{ pdfBase64: string }>('submissions.preview', { preparedId: prepared.preparedId })).pdfBase64, 'base64');
    expect(preview.subarray(0, 5).toString()).toBe('%PDF-');
    expect(preview.length).toBe(prepared.pdf.size);
    // What is signed says what the review said.
    await writeFile(path.join(dir, 'preview.pdf'), preview);
    const previewText = execFileSync('pdftotext', ['-raw', path.join(dir, 'preview.pdf'), '-'], { encoding: 'utf8' });
    expect(previewText).toContain('Within Luxembourg');
    expect(previewText).toContain('Avenue de la Liberté 3, 1930 Luxembourg');

    // Only Anne's signature certificate may sign, not her authentication one.
    const signers = await value<{ items: Array<{ identity: IdentityRef; holder: string; pin: unknown }> }>('submissions.signers', { preparedId: prepared.preparedId });
    expect(signers.items.map((s) => s.holder)).toEqual(['Anne Schmit']);
    expect(signers.items[0]!.identity).toEqual(await identity('signature'));
    const refusedAuth = await call('submissions.sign', { preparedId: prepared.preparedId, identity: await identity('authentication'), pin: PIN, approved: true });
    expect(refusedAuth).toMatchObject({ ok: false, error: { name: 'SignerNotAllowedError', details: { reason: 'notSignature' } } });

    const progress: string[] = [];
    const stop = main.events.on('submissions.progress', (event) => progress.push(event.phase));
    const wrong = await call('submissions.sign', { preparedId: prepared.preparedId, identity: signers.items[0]!.identity, pin: '000000', approved: true });
    expect(wrong).toMatchObject({ ok: false, error: { name: 'WrongPinError' } });
    expect(await value('submissions.state', { draftId: 'draft-move-0001' })).toEqual({ state: null });
    const before = (await counters(sandbox)).dossiers;

    const queued = await value<SubmissionState>('submissions.sign', { preparedId: prepared.preparedId, identity: signers.items[0]!.identity, pin: PIN, approved: true });
    stop();
    expect(queued).toMatchObject({ status: 'queued', signedBy: 'Anne Schmit' });
    expect(progress).toEqual(expect.arrayContaining(['card', 'signing', 'timestamp', 'storing', 'queued']));
    const sent = await settled('draft-move-0001', 'sent');
    expect(sent).toMatchObject({ signatureLevel: 'B-T', hasReceipt: true, reference: expect.stringMatching(/^GU-/) });
    expect((await counters(sandbox)).dossiers).toBe(before + 1);
    expect(JSON.stringify(log.entries)).not.toContain(`"${PIN}"`);

    // The dossier on the dashboard, the signed PDF valid for the project's verifier and for poppler.
    await until(() => main.dossiers.listDossiers({}).items.some((d) => d.reference === sent.reference), 'the dossier in the vault');
    const signed = Buffer.from((await value<{ pdfBase64: string }>('submissions.document', { draftId: 'draft-move-0001', which: 'signed' })).pdfBase64, 'base64');
    const rootPem = await readFile(path.join(sandbox.pki.dir, sandbox.pki.root.certFile), 'utf8');
    const verification = await verifyPdfSignatures(signed, { trustAnchors: [rootPem] });
    expect(verification.signatures).toHaveLength(1);
    expect(verification.signatures[0]).toMatchObject({ valid: true, level: 'B-T' });
    const file = path.join(dir, 'signed.pdf');
    await writeFile(file, signed);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toMatch(/Signature Validation: Signature is Valid/);
    const receipt = Buffer.from((await value<{ pdfBase64: string }>('submissions.document', { draftId: 'draft-move-0001', which: 'receipt' })).pdfBase64, 'base64');
    await writeFile(path.join(dir, 'receipt.pdf'), receipt);
    expect(execFileSync('pdftotext', [path.join(dir, 'receipt.pdf'), '-'], { encoding: 'utf8' })).toContain(sent.reference!);

    // Read-only for the record; listed as sent.
    expect(await saveDraft('draft-move-0001', anneMoves())).toMatchObject({ ok: false, error: { name: 'DraftSubmittedError' } });
    expect(await call('submissions.prepare', { draftId: 'draft-move-0001', language: 'en' })).toMatchObject({ ok: false, error: { name: 'DraftSubmittedError' } });
    const drafts = await value<{ items: Array<{ id: string; submission: unknown }> }>('drafts.list', {});
    expect(drafts.items.find((d) => d.id === 'draft-move-0001')?.submission).toEqual({ status: 'sent', reference: sent.reference });
  });

  it('a refusal (procedure closed) makes the draft editable again; a failing authority keeps it waiting, then it is sent once', { timeout: 120_000 }, async () => {
    const signer = await identity('signature');
    await operator(sandbox, '/procedures/change-of-address/closed', { closed: true });
    expect((await saveDraft('draft-move-0002', anneMoves())).ok).toBe(true);
    let prepared = await value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-move-0002', language: 'fr' });
    await value('submissions.sign', { preparedId: prepared.preparedId, identity: signer, pin: PIN, approved: true });
    const refused = await settled('draft-move-0002', 'refused');
    expect(refused.error).toMatchObject({ name: 'AuthorityRequestError', details: { type: 'procedure-closed' } });
    expect((await saveDraft('draft-move-0002', anneMoves())).ok).toBe(true);

    // Open again, but the authority fails the next submissions (503): waiting, with the reason; then sent once.
    await operator(sandbox, '/procedures/change-of-address/closed', { closed: false });
    await operator(sandbox, '/faults', { kind: 'error', status: 503, route: '/v1/spaces/*/submissions', method: 'POST', times: 0 });
    const before = await counters(sandbox);
    prepared = await value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-move-0002', language: 'fr' });
    await value('submissions.sign', { preparedId: prepared.preparedId, identity: signer, pin: PIN, approved: true });
    await until(async () => (await value<{ state: SubmissionState }>('submissions.state', { draftId: 'draft-move-0002' })).state.error !== null, 'the waiting reason');
    const waiting = (await value<{ state: SubmissionState }>('submissions.state', { draftId: 'draft-move-0002' })).state;
    expect(waiting).toMatchObject({ status: 'queued', error: { name: 'AuthorityRequestError', details: { status: 503 } } });
    expect((await counters(sandbox)).dossiers).toBe(before.dossiers);
    await operator(sandbox, '/faults', undefined, 'DELETE');
    const sent = await settled('draft-move-0002', 'sent');
    const after = await counters(sandbox);
    expect(after.dossiers).toBe(before.dossiers + 1);
    expect(sent.reference).toMatch(/^GU-/);
  });

  it('the authority took it but its answer was lost, and the app restarted: the same submission goes again and is one dossier, with its receipt', { timeout: 120_000 }, async () => {
    expect((await saveDraft('draft-move-0003', anneMoves('7'))).ok).toBe(true);
    const prepared = await value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-move-0003', language: 'de' });
    const before = await counters(sandbox);
    // Every answer to a submission is lost after the authority stored it (the connection drops).
    await operator(sandbox, '/faults', { kind: 'drop', phase: 'after', route: '/v1/spaces/*/submissions', method: 'POST', times: 0 });
    await value('submissions.sign', { preparedId: prepared.preparedId, identity: await identity('signature'), pin: PIN, approved: true });
    await until(async () => (await counters(sandbox)).dossiers === before.dossiers + 1, 'the authority stored it');
    expect((await value<{ state: SubmissionState }>('submissions.state', { draftId: 'draft-move-0003' })).state.status).toBe('queued');

    // The app quits and starts again (the same profile, the vault unlocked again); the authority answers again.
    await main.dispose();
    await operator(sandbox, '/faults', undefined, 'DELETE');
    app = await openSignedInApp({ sandbox, slotId, pin: PIN, passphrase: PASSPHRASE, log, existingDir: dir });
    ({ main } = app);
    const sent = await settled('draft-move-0003', 'sent');
    expect(sent).toMatchObject({ hasReceipt: true, reference: expect.stringMatching(/^GU-/) });
    // One dossier: the second try carried the same idempotency key, and the authority answered with the first one.
    const after = await counters(sandbox);
    expect(after.dossiers).toBe(before.dossiers + 1);
    expect(Object.values(after.acceptedByKey).every((n) => n === 1)).toBe(true);
  });
});

