import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createKeySigner, type CmsSigner } from '../../../src-main/signing/CmsSigner';
import { signPdf } from '../../../src-main/signing/signPdf';
import type { AuthorityApi, UploadFile } from '../../../src-main/authority/AuthorityApi';
import { AuthorityRequestError } from '../../../src-shared/authority/errors';
import type { CoSignatureCreate } from '../../../src-shared/authority/apiSchemas';
import { connect } from '../authority/authorityKit';
import { api, expectContractClean, operator, signInPerson, start } from './helpers';

const ANNE = 'anne-schmit';
const ANNE_SPACE = 'PP-A7K3QZ';
const LUC = 'luc-hoffmann';
const LUC_SPACE = 'PP-B2M8XR';

let sb: SandboxHandle;
let dataDir: string;
let anne: AuthorityApi;
let luc: AuthorityApi;
let version: string;
let anneSigner: CmsSigner;
let lucSigner: CmsSigner;
let keyN = 0;
const key = (what: string) => `test-${what}-${++keyN}-${Date.now()}`;

function signerFor(personId: string): CmsSigner {
  const id = sb.pki.persons[personId]!.sign;
  const dir = sb.pki.dir;
  return createKeySigner(readFileSync(join(dir, id.keyFile), 'utf8'), readFileSync(join(dir, id.certFile), 'utf8'), [
    readFileSync(join(dir, sb.pki.issuing.certFile), 'utf8'),
    readFileSync(join(dir, sb.pki.root.certFile), 'utf8'),
  ]);
}

async function submissionPdf(text = 'Changement d’adresse'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text.replace('’', "'"), { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const pdfFile = (content: Buffer, filename = 'change-of-address.pdf'): UploadFile => ({ filename, mediaType: 'application/pdf', content });

function request(overrides: Partial<CoSignatureCreate> = {}): CoSignatureCreate {
  return { coSignerSpaceId: LUC_SPACE, procedureId: 'change-of-address', procedureVersion: version, language: 'fr', data: { street: 'Rue Neuve', number: '7' }, ...overrides };
}

/** The refusal's status and problem slug. */
async function refusal(promise: Promise<unknown>): Promise<{ status: unknown; type: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthorityRequestError);
  const details = (error as AuthorityRequestError).details as { status?: number; type?: string };
  return { status: details.status, type: String(details.type ?? '').replace('urn:guichet:problem:', '') };
}

/** Anne signs a new PDF and sends it to Luc's space. */
async function createForLuc(extra: { attachments?: UploadFile[] } = {}) {
  const signed = await signPdf(await submissionPdf(), { signer: anneSigner, reason: 'Einreichung' });
  const created = await anne.createCoSignature(ANNE_SPACE, key('create'), request(), { document: pdfFile(signed.pdf), ...extra });
  return { created, sent: signed.pdf };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'guichet-cosign-'));
  sb = await start({ dataDir, seed: 'empty' });
  anne = (await connect(sb, { personId: ANNE })).api;
  luc = (await connect(sb, { personId: LUC })).api;
  version = String((await api(sb, '/catalogue/change-of-address')).data.version);
  anneSigner = signerFor(ANNE);
  lucSigner = signerFor(LUC);
}, 60_000);

afterAll(async () => {
  await sb?.close();
});

describe('co-signature (double signature with transfer to another space)', () => {
  it('Anne signs and sends, Luc downloads, adds his signature and completes: the dossier is in Anne\'s space', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const { created, sent } = await createForLuc({ attachments: [{ filename: 'proof.png', mediaType: 'image/png', content: png }] });
    expect(created).toMatchObject({
      procedureId: 'change-of-address',
      procedureVersion: version,
      requesterSpaceId: ANNE_SPACE,
      requesterName: 'Anne Schmit',
      coSignerSpaceId: LUC_SPACE,
      status: 'pending',
      dossierReference: null,
      document: { filename: 'change-of-address.pdf', size: sent.length },
    });
    expect(created.id).toMatch(/^COS-/);
    expect(created.attachments).toHaveLength(1);

    const lucs = (await luc.listCoSignatures(LUC_SPACE)).items;
    expect(lucs.map((c) => c.id)).toContain(created.id);
    const downloaded = await luc.getCoSignatureDocument(LUC_SPACE, created.id);
    expect(downloaded.equals(sent)).toBe(true);

    const cosigned = await signPdf(downloaded, { signer: lucSigner, reason: 'Zweite Unterschrift' });
    expect(cosigned.pdf.subarray(0, sent.length).equals(sent)).toBe(true);
    const completeKey = key('complete');
    const { dossier, replayed } = await luc.completeCoSignature(LUC_SPACE, created.id, completeKey, pdfFile(cosigned.pdf));
    expect(replayed).toBe(false);
    expect(dossier).toMatchObject({ spaceId: ANNE_SPACE, status: 'submitted', procedureId: 'change-of-address', submittedBy: { personId: ANNE, name: 'Anne Schmit' } });
    expect(dossier.signature.status).toBe('valid');
    expect(dossier.signature.ssn).toBe(sb.demo.persons.find((p) => p.id === ANNE)!.ssn);
    expect(dossier.signature.signers?.map((s) => s.ssn)).toEqual([ANNE, LUC].map((id) => sb.demo.persons.find((p) => p.id === id)!.ssn));
    expect(dossier.attachments.map((a) => a.filename)).toEqual(['change-of-address.pdf', 'proof.png']);
    expect(dossier.attachments[0]!.size).toBe(cosigned.pdf.length);

    // A replay with the same key answers the same dossier, and makes no second one.
    const again = await luc.completeCoSignature(LUC_SPACE, created.id, completeKey, pdfFile(cosigned.pdf));
    expect(again).toEqual({ dossier, replayed: true });

    // Anne's space has it: her dossiers, her changes feed, her list of requests.
    expect((await anne.listDossiers(ANNE_SPACE)).map((d) => d.reference)).toEqual([dossier.reference]);
    expect((await luc.listDossiers(LUC_SPACE)).map((d) => d.reference)).not.toContain(dossier.reference);
    const changes = await anne.listChanges(ANNE_SPACE, null, 100);
    expect(changes.items.some((c) => c.type === 'dossier' && c.dossier.reference === dossier.reference)).toBe(true);
    const annes = (await anne.listCoSignatures(ANNE_SPACE)).items.find((c) => c.id === created.id)!;
    expect(annes).toMatchObject({ status: 'submitted', dossierReference: dossier.reference, coSignerName: 'Luc Hoffmann' });
    const stored = await anne.getDocumentContent(ANNE_SPACE, dossier.attachments[0]!.id);
    expect(stored.equals(cosigned.pdf)).toBe(true);

    // Completed: no second completion, no decline.
    expect(await refusal(luc.completeCoSignature(LUC_SPACE, created.id, key('complete'), pdfFile(cosigned.pdf)))).toEqual({ status: 409, type: 'cosignature-not-pending' });
    expect(await refusal(luc.declineCoSignature(LUC_SPACE, created.id))).toEqual({ status: 409, type: 'cosignature-not-pending' });
  });

  it('lists newest first, in both spaces, and shows the document to those two spaces only', async () => {
    const first = (await createForLuc()).created;
    const second = (await createForLuc()).created;
    const annes = (await anne.listCoSignatures(ANNE_SPACE)).items.map((c) => c.id);
    const lucs = (await luc.listCoSignatures(LUC_SPACE)).items.map((c) => c.id);
    expect(annes.indexOf(second.id)).toBeLessThan(annes.indexOf(first.id));
    expect(lucs.indexOf(second.id)).toBeLessThan(lucs.indexOf(first.id));
    expect((await anne.getCoSignatureDocument(ANNE_SPACE, first.id)).length).toBe(first.document.size);
    // Marie is neither: not in her space, and not in theirs.
    const marie = await signInPerson(sb, 'julie-martin');
    const marieSpace = sb.demo.persons.find((p) => p.id === 'julie-martin')!.privateSpaceId;
    expect((await api(sb, `/spaces/${marieSpace}/cosignatures/${first.id}/document`, { token: marie })).status).toBe(404);
    expect((await api(sb, `/spaces/${LUC_SPACE}/cosignatures/${first.id}/document`, { token: marie })).status).toBe(404);
    expect((await api(sb, `/spaces/${marieSpace}/cosignatures`, { token: marie })).data.items).toEqual([]);
  });

  it('refuses requests: unknown or own co-signer space, no signature, a signature by someone else, a closed procedure', async () => {
    const signed = (await signPdf(await submissionPdf(), { signer: anneSigner })).pdf;
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request({ coSignerSpaceId: 'PP-ZZZZZ9' }), { document: pdfFile(signed) }))).toEqual({
      status: 404,
      type: 'cosigner-unknown',
    });
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request({ coSignerSpaceId: ANNE_SPACE }), { document: pdfFile(signed) }))).toEqual({
      status: 422,
      type: 'cosigner-is-requester',
    });
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request(), { document: pdfFile(await submissionPdf()) }))).toEqual({
      status: 422,
      type: 'signature-invalid',
    });
    const byLuc = (await signPdf(await submissionPdf(), { signer: lucSigner })).pdf;
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request(), { document: pdfFile(byLuc) }))).toEqual({ status: 422, type: 'signer-not-requester' });
    const tampered = Buffer.from(signed);
    tampered[200] = tampered[200]! ^ 0x01;
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request(), { document: pdfFile(tampered) }))).toEqual({ status: 422, type: 'signature-invalid' });
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request({ procedureId: 'no-such-procedure' }), { document: pdfFile(signed) }))).toEqual({
      status: 422,
      type: 'procedure-unknown',
    });
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request({ procedureVersion: '0' }), { document: pdfFile(signed) }))).toEqual({
      status: 409,
      type: 'procedure-version-outdated',
    });
    expect((await operator(sb, '/procedures/change-of-address/closed', { closed: true })).status).toBeLessThan(300);
    try {
      expect(await refusal(anne.createCoSignature(ANNE_SPACE, key('c'), request(), { document: pdfFile(signed) }))).toEqual({ status: 422, type: 'procedure-closed' });
    } finally {
      await operator(sb, '/procedures/change-of-address/closed', { closed: false });
    }
    // No Idempotency-Key: 400.
    const form = new FormData();
    form.append('request', new Blob([JSON.stringify(request())], { type: 'application/json' }), 'request.json');
    form.append('document', new Blob([new Uint8Array(signed)], { type: 'application/pdf' }), 'a.pdf');
    const token = await signInPerson(sb, ANNE);
    expect((await api(sb, `/spaces/${ANNE_SPACE}/cosignatures`, { method: 'POST', token, body: form })).data.type).toBe('urn:guichet:problem:idempotency-key-missing');
  });

  it('refuses completions: a changed first revision, the same PDF back, no new signature, Anne\'s own, someone else\'s signature', async () => {
    const { created, sent } = await createForLuc();
    const downloaded = await luc.getCoSignatureDocument(LUC_SPACE, created.id);

    // The first revision changed (one byte), then signed by Luc: not the PDF that was sent.
    const changed = Buffer.from(downloaded);
    changed[300] = changed[300]! ^ 0x01;
    const signedChanged = (await signPdf(changed, { signer: lucSigner })).pdf;
    expect(await refusal(luc.completeCoSignature(LUC_SPACE, created.id, key('x'), pdfFile(signedChanged)))).toEqual({ status: 422, type: 'cosignature-document-changed' });

    // Luc's signature missing: the same PDF sent back, or with an update that signs nothing.
    expect(await refusal(luc.completeCoSignature(LUC_SPACE, created.id, key('x'), pdfFile(downloaded)))).toEqual({ status: 422, type: 'cosignature-document-changed' });
    const unsignedUpdate = Buffer.concat([downloaded, Buffer.from('\n% nothing signed\n%%EOF\n')]);
    expect(await refusal(luc.completeCoSignature(LUC_SPACE, created.id, key('x'), pdfFile(unsignedUpdate)))).toEqual({ status: 422, type: 'signature-invalid' });

    // A second signature whose CMS does not verify (a byte of the new revision changed after signing).
    const lucSigned = (await signPdf(downloaded, { signer: lucSigner })).pdf;
    const broken = Buffer.from(lucSigned);
    broken[broken.length - 40] = broken[broken.length - 40]! ^ 0x01;
    expect(await refusal(luc.completeCoSignature(LUC_SPACE, created.id, key('x'), pdfFile(broken)))).toEqual({ status: 422, type: 'signature-invalid' });

    // Anne completing her own request: only the co-signer's space may.
    expect(await refusal(anne.completeCoSignature(ANNE_SPACE, created.id, key('x'), pdfFile(lucSigned)))).toEqual({ status: 403, type: 'forbidden' });
    expect(await refusal(anne.declineCoSignature(ANNE_SPACE, created.id))).toEqual({ status: 403, type: 'forbidden' });

    // Anne's second signature, brought by Luc: the last signer must be the person completing.
    const anneTwice = (await signPdf(downloaded, { signer: anneSigner })).pdf;
    expect(await refusal(luc.completeCoSignature(LUC_SPACE, created.id, key('x'), pdfFile(anneTwice)))).toEqual({ status: 422, type: 'signer-not-cosigner' });

    // Still pending after all that; the good one goes through.
    expect((await luc.listCoSignatures(LUC_SPACE)).items.find((c) => c.id === created.id)!.status).toBe('pending');
    const { dossier } = await luc.completeCoSignature(LUC_SPACE, created.id, key('ok'), pdfFile(lucSigned));
    expect(dossier.spaceId).toBe(ANNE_SPACE);
    expect(sent.length).toBe(created.document.size);
  });

  it('a declined request cannot be completed', async () => {
    const { created } = await createForLuc();
    const declined = await luc.declineCoSignature(LUC_SPACE, created.id);
    expect(declined).toMatchObject({ id: created.id, status: 'declined', dossierReference: null });
    const downloaded = await luc.getCoSignatureDocument(LUC_SPACE, created.id);
    const lucSigned = (await signPdf(downloaded, { signer: lucSigner })).pdf;
    expect(await refusal(luc.completeCoSignature(LUC_SPACE, created.id, key('x'), pdfFile(lucSigned)))).toEqual({ status: 409, type: 'cosignature-not-pending' });
    expect((await anne.listCoSignatures(ANNE_SPACE)).items.find((c) => c.id === created.id)!.status).toBe('declined');
  });

  it('replays a create with the same Idempotency-Key and refuses the key for another body', async () => {
    const signed = (await signPdf(await submissionPdf(), { signer: anneSigner })).pdf;
    const k = key('replay');
    const first = await anne.createCoSignature(ANNE_SPACE, k, request(), { document: pdfFile(signed) });
    const second = await anne.createCoSignature(ANNE_SPACE, k, request(), { document: pdfFile(signed) });
    expect(second).toEqual(first);
    expect((await anne.listCoSignatures(ANNE_SPACE)).items.filter((c) => c.id === first.id)).toHaveLength(1);
    expect(await refusal(anne.createCoSignature(ANNE_SPACE, k, request({ data: { street: 'Autre' } }), { document: pdfFile(signed) }))).toEqual({
      status: 422,
      type: 'idempotency-key-reused',
    });
  });

  it('keeps the requests and their PDFs across a restart; a reset clears them', async () => {
    const { created, sent } = await createForLuc();
    expectContractClean(sb);
    await sb.close();
    sb = await start({ dataDir });
    anne = (await connect(sb, { personId: ANNE })).api;
    luc = (await connect(sb, { personId: LUC })).api;
    expect((await luc.listCoSignatures(LUC_SPACE)).items.find((c) => c.id === created.id)).toEqual(created);
    expect((await luc.getCoSignatureDocument(LUC_SPACE, created.id)).equals(sent)).toBe(true);
    expect((await operator(sb, '/reset', {})).status).toBeLessThan(300);
    luc = (await connect(sb, { personId: LUC })).api;
    expect((await luc.listCoSignatures(LUC_SPACE)).items).toEqual([]);
    expectContractClean(sb);
  });

  it('answers as the API document says', () => {
    expectContractClean(sb);
  });
});
