import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { PreparedSubmission, SubmissionState } from '../../../src-shared/submissions/submissionSchemas';
import type { DocumentVerification, DossierDocument, AttachedFile } from '../../../src-shared/dossiers/dossierDocumentSchemas';
import type { DossierView, MessageView, OutboxItemView } from '../../../src-shared/authority/viewSchemas';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { createTestHost } from '../../helpers/createTestHost';
import { until } from '../../helpers/until';
import { counters, operator, start, pdfBytes } from '../authority/authorityKit';
import { anneMoves, closeJourneyParts, openSignedInApp, saveMoveDraft, type SignedInApp } from '../submissions/signedInApp';

const PIN = '123456';

/**
 * The dossier page's main side on real parts: Anne's SoftHSM2 token, a SQLCipher vault, the sandbox over HTTP. A
 * submitted dossier lists its signed PDF and receipt, the signed PDF verifies against the authority's /pki anchors
 * (and with a byte changed does not); the operator asks for information with a note, which reaches the vault; the
 * answer with a picked attachment waits while the authority cannot be reached, says why, and arrives once.
 */
describe.skipIf(!SOFTHSM_MODULE)('dossier page: documents, signatures, answer to "information requested"', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  let reference = '';
  let picked: string | null = null;
  const value = <T>(name: string, input?: unknown) => app.value<T>(name, input);

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    const slotId = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', PIN).slotId;
    sandbox = await start({ requireSignature: true });
    app = await openSignedInApp({
      sandbox,
      slotId,
      pin: PIN,
      passphrase: 'correct horse battery staple',
      host: createTestHost({ pickFile: async () => picked }),
    });
    expect((await saveMoveDraft(app, 'draft-dossier-1', anneMoves())).ok).toBe(true);
    const prepared = await value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-dossier-1', language: 'en' });
    await value('submissions.sign', { preparedId: prepared.preparedId, identity: await app.identity('signature'), pin: PIN, approved: true });
    let state: SubmissionState | null = null;
    await until(async () => {
      state = (await value<{ state: SubmissionState | null }>('submissions.state', { draftId: 'draft-dossier-1' })).state;
      return state?.status === 'sent';
    }, 'the submission sent', { timeoutMs: 60_000 });
    reference = (state as SubmissionState | null)!.reference!;
  }, 180_000);

  afterAll(() => closeJourneyParts({ app, sandbox, hsm }));

  it('lists what was submitted, verifies the signed PDF valid against the authority anchors, and invalid with one byte changed', { timeout: 60_000 }, async () => {
    const { items } = await value<{ items: DossierDocument[] }>('dossiers.documents', { reference });
    expect(items.map((d) => d.kind)).toEqual(['signed', 'receipt']);
    const signed = items[0]!;
    expect(signed.mediaType).toBe('application/pdf');

    const opened = await value<{ contentBase64: string; name: string }>('dossiers.openDocument', { reference, documentId: signed.id });
    const bytes = Buffer.from(opened.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const first = await value<DocumentVerification>('dossiers.verifyDocument', { reference, documentId: signed.id });
    expect(first).toMatchObject({ status: 'valid', reasons: [], anchors: 'authority' });
    expect(first.signatures).toHaveLength(1);
    expect(first.signatures[0]).toMatchObject({ status: 'valid', signer: 'Anne Schmit', level: 'B-T', checkedAtSource: 'timestamp' });
    // The anchors are kept: the next check does not need the authority.
    expect(await value<DocumentVerification>('dossiers.verifyDocument', { reference, documentId: signed.id })).toMatchObject({ status: 'valid', anchors: 'vault' });

    // The receipt is not signed: said as invalid ("no signature"), never as valid.
    expect(await value<DocumentVerification>('dossiers.verifyDocument', { reference, documentId: items[1]!.id })).toMatchObject({ status: 'invalid', reasons: ['noSignature'] });

    // Another document of the vault is not this dossier's: not found, not read.
    const other = app.main.vault.repos.documents.put({ spaceId: null, name: 'other.pdf', mediaType: 'application/pdf', content: pdfBytes('other') });
    expect(await app.call('dossiers.openDocument', { reference, documentId: other.id })).toMatchObject({ ok: false, error: { name: 'AuthorityItemNotFoundError' } });

    // One byte changed inside the signed range (the header's binary comment: the file still parses).
    const tampered = Buffer.from(bytes);
    expect(tampered[10]! >= 0x80).toBe(true);
    tampered[10] = tampered[10] === 0xff ? 0xfe : tampered[10]! + 1;
    app.main.vault.repos.documents.put({ id: signed.id, spaceId: null, name: signed.name, mediaType: 'application/pdf', content: tampered });
    const changed = await value<DocumentVerification>('dossiers.verifyDocument', { reference, documentId: signed.id });
    expect(changed).toMatchObject({ status: 'invalid', reasons: ['documentChanged'] });
    expect(changed.signatures[0]).toMatchObject({ status: 'invalid', reasons: ['documentChanged'] });
    // Back as it was.
    app.main.vault.repos.documents.put({ id: signed.id, spaceId: null, name: signed.name, mediaType: 'application/pdf', content: bytes });
  });

  it('a save needs the save dialog\'s handle: a forged one is refused and nothing is written', async () => {
    const { items } = await value<{ items: DossierDocument[] }>('dossiers.documents', { reference });
    const forged = await app.call('dossiers.saveDocument', { reference, documentId: items[0]!.id, saveTo: `fh_${'B'.repeat(22)}` });
    expect(forged).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });
  });

  it('the note of "information requested" reaches the vault in every language; the answer with an attachment waits offline, says why, and reaches the sandbox once', { timeout: 90_000 }, async () => {
    const note = { en: 'Please send your new lease.', fr: 'Veuillez envoyer votre nouveau bail.', de: 'Bitte senden Sie Ihren neuen Mietvertrag.' };
    expect((await operator(sandbox, `/dossiers/${reference}/status`, { status: 'information_requested', note, repliesAllowed: true })).status).toBe(200);
    await value('sync.now');
    const dossier = await value<DossierView>('dossiers.get', { reference });
    expect(dossier.status).toBe('information_requested');
    expect(dossier.statusHistory.at(-1)).toMatchObject({ status: 'information_requested', note });

    // The attachment from main's picker: a handle, stored in the vault by main.
    picked = path.join(app.dir, 'lease.pdf');
    const lease = await PDFDocument.create();
    lease.addPage().drawText('Lease');
    await writeFile(picked, await lease.save());
    const choice = await value<{ file: { fileHandle: string; name: string } }>('app.pickFile', { purpose: 'replyAttachment', title: 'Attach' });
    expect(choice.file.name).toBe('lease.pdf');
    // A handle for another purpose is not one for this call.
    const wrong = await value<{ file: { fileHandle: string } }>('app.pickFile', { purpose: 'pkcs12', title: 'x' });
    expect(await app.call('dossiers.attachFile', { fileHandle: wrong.file.fileHandle, spaceId: dossier.spaceId })).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });
    const attached = await value<AttachedFile>('dossiers.attachFile', { fileHandle: choice.file.fileHandle, spaceId: dossier.spaceId });
    expect(attached).toMatchObject({ name: 'lease.pdf', mediaType: 'application/pdf', size: (await readFile(picked)).length });
    // Used once.
    expect(await app.call('dossiers.attachFile', { fileHandle: choice.file.fileHandle, spaceId: dossier.spaceId })).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });

    // Offline for replies: the answer waits in the outbox with the reason.
    sandbox.faults.add({ kind: 'drop', route: '/v1/spaces/*/dossiers/*/replies', method: 'POST', times: 0 });
    const enqueued = await value<{ outboxId: number; idempotencyKey: string }>('messages.reply', {
      spaceId: dossier.spaceId,
      reference,
      body: 'Here is my new lease.',
      language: 'en',
      attachmentIds: [attached.id],
    });
    const itemOf = async () => (await value<{ items: OutboxItemView[] }>('outbox.list', {})).items.find((i) => i.id === enqueued.outboxId);
    await until(async () => ((await itemOf())?.lastError ?? null) !== null, 'the reply failed once');
    expect(await itemOf()).toMatchObject({ status: 'pending', kind: 'reply', label: reference, lastError: { name: 'NetworkError' } });
    expect((await counters(sandbox)).acceptedByKey[enqueued.idempotencyKey]).toBeUndefined();

    // The authority receives it but its answer is lost: the outbox sends it again with the same key; it is one reply.
    sandbox.faults.clear();
    sandbox.faults.add({ kind: 'drop', route: '/v1/spaces/*/dossiers/*/replies', method: 'POST', times: 1, phase: 'after' });
    await until(async () => (await itemOf())?.status === 'sent', 'the reply sent', { timeoutMs: 30_000 });
    expect((await counters(sandbox)).acceptedByKey[enqueued.idempotencyKey]).toBe(1);
    await value('sync.now');
    const { items } = await value<{ items: MessageView[] }>('messages.list', { reference });
    const mine = items.filter((m) => m.direction === 'out');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.attachments).toHaveLength(1);
    expect(mine[0]!.body.en ?? mine[0]!.body.fr ?? mine[0]!.body.de).toBe('Here is my new lease.');
  });
});
