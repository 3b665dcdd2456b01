import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { IdentityRef } from '../../../src-shared/tokens/tokenSchemas';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoSignatureView, PreparedSubmission, SubmissionState } from '../../../src-shared/submissions/submissionSchemas';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { verifyPdfSignatures } from '../../../src-main/signing';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { until } from '../../helpers/until';
import { ANNE_SPACE, start } from '../authority/authorityKit';
import { anneMoves, openSignedInApp, type SignedInApp } from './signedInApp';

const LUC_SPACE = 'PP-B2M8XR';

/**
 * The platform's double signature with transfer to another eSpace, through the contract of two apps on real parts:
 * Anne signs a change of address and sends it to Luc's space; Luc opens that exact PDF, adds his signature after hers
 * and submits; the dossier's PDF carries both signatures, both valid (our verifier and pdfsig); Anne's draft shows it.
 */
describe.skipIf(!SOFTHSM_MODULE)('co-signature: two people, two tokens, one sandbox', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let anne: SignedInApp;
  let luc: SignedInApp;
  const ANNE_PIN = '123456';
  const LUC_PIN = '654321';
  const slots = { anne: '', luc: '' };
  const dirs: string[] = [];
  const ANNE_PASSPHRASE = 'Anne’s long passphrase here';

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    slots.anne = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', ANNE_PIN).slotId;
    slots.luc = hsm.addPersonToken(pki, 'luc-hoffmann', 'Luc Hoffmann', LUC_PIN).slotId;
    sandbox = await start({ requireSignature: true });
    anne = await openSignedInApp({ sandbox, slotId: slots.anne, pin: ANNE_PIN, passphrase: ANNE_PASSPHRASE });
    dirs.push(anne.dir);
  }, 120_000);

  afterAll(async () => {
    for (const app of [anne, luc]) await app?.main.dispose().catch(() => undefined);
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    await sandbox?.close();
    hsm?.cleanup();
  });

  it('Anne signs and sends to Luc; Luc reviews the same PDF, adds his signature and submits; both signatures hold', { timeout: 120_000 }, async () => {
    await anne.value('drafts.save', {
      id: 'draft-cosign-01',
      spaceId: null,
      procedureId: 'change-of-address',
      formVersion: 1,
      title: 'Change of address',
      values: anneMoves(),
      attachmentRefs: [],
      resumeAt: '@review',
    });
    const prepared = await anne.value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-cosign-01', language: 'en' });
    const anneSigner = await anne.identity('signature');
    // Not a space identifier: refused before the card is asked.
    expect(await anne.call('cosignatures.send', { preparedId: prepared.preparedId, identity: anneSigner, pin: ANNE_PIN, approved: true, coSignerSpaceId: 'luc' })).toMatchObject({
      ok: false,
      error: { name: 'ValidationError' },
    });
    const sent = await anne.value<SubmissionState>('cosignatures.send', { preparedId: prepared.preparedId, identity: anneSigner, pin: ANNE_PIN, approved: true, coSignerSpaceId: LUC_SPACE });
    expect(sent).toMatchObject({ status: 'awaitingCoSigner', coSignerSpaceId: LUC_SPACE, signedBy: 'Anne Schmit' });
    expect(await anne.call('drafts.save', { id: 'draft-cosign-01', spaceId: null, procedureId: 'change-of-address', formVersion: 1, title: 'x', values: {}, attachmentRefs: [] })).toMatchObject({
      ok: false,
      error: { name: 'DraftSubmittedError' },
    });

    const signed = Buffer.from((await anne.value<{ pdfBase64: string }>('submissions.document', { draftId: 'draft-cosign-01', which: 'signed' })).pdfBase64, 'base64');
    await anne.main.dispose();

    // Luc, in his own app, sees the request in his space and opens the exact PDF Anne signed.
    luc = await openSignedInApp({ sandbox, slotId: slots.luc, pin: LUC_PIN, passphrase: 'Luc’s long passphrase here' });
    dirs.push(luc.dir);
    const lucList = await luc.value<{ items: CoSignatureView[] }>('cosignatures.list');
    const request = lucList.items.find((item) => item.incoming && item.status === 'pending')!;
    expect(request).toMatchObject({ requesterName: 'Anne Schmit', coSignerSpaceId: LUC_SPACE, procedureId: 'change-of-address' });
    const opened = await luc.value<{ openedId: string; pdfBase64: string }>('cosignatures.open', { requestId: request.id });
    const firstSigned = Buffer.from(opened.pdfBase64, 'base64');
    expect(firstSigned.equals(signed)).toBe(true);

    // Only Luc's own signature certificate is offered; a wrong PIN first, then his.
    const signers = await luc.value<{ items: Array<{ holder: string; identity: IdentityRef }> }>('cosignatures.signers', { openedId: opened.openedId });
    expect(signers.items.map((s) => s.holder)).toEqual(['Luc Hoffmann']);
    const lucSigner = signers.items[0]!.identity;
    expect(await luc.call('cosignatures.complete', { openedId: opened.openedId, identity: lucSigner, pin: '000000', approved: true })).toMatchObject({ ok: false, error: { name: 'WrongPinError' } });
    const done = await luc.value<{ reference: string }>('cosignatures.complete', { openedId: opened.openedId, identity: lucSigner, pin: LUC_PIN, approved: true });
    expect(done.reference).toMatch(/^GU-/);
    await luc.main.dispose();

    // Anne opens her app again: her draft follows.
    anne = await openSignedInApp({ sandbox, slotId: slots.anne, pin: ANNE_PIN, passphrase: ANNE_PASSPHRASE, existingDir: anne.dir });

    // Anne's draft follows: sent, with the reference and a receipt.
    await until(async () => {
      await anne.value('cosignatures.list');
      return (await anne.value<{ state: SubmissionState }>('submissions.state', { draftId: 'draft-cosign-01' })).state.status === 'sent';
    }, 'Anne’s draft sent');
    expect((await anne.value<{ state: SubmissionState }>('submissions.state', { draftId: 'draft-cosign-01' })).state).toMatchObject({ reference: done.reference, hasReceipt: true });

    // The dossier's PDF: Anne's revision untouched, Luc's signature after it, both valid.
    const api = await anne.main.connection.api();
    const dossier = await api.getDossier(ANNE_SPACE, done.reference);
    const pdfRef = dossier.attachments.find((a) => a.mediaType === 'application/pdf')!;
    const final = await api.getDocumentContent(ANNE_SPACE, pdfRef.id);
    expect(final.subarray(0, firstSigned.length).equals(firstSigned)).toBe(true);
    const rootPem = await readFile(path.join(sandbox.pki.dir, sandbox.pki.root.certFile), 'utf8');
    const verification = await verifyPdfSignatures(final, { trustAnchors: [rootPem] });
    expect(verification.signatures.map((s) => [s.signer?.commonName, s.valid, s.level])).toEqual([
      ['Anne Schmit', true, 'B-T'],
      ['Luc Hoffmann', true, 'B-T'],
    ]);
    // Anne's signature is followed by a further signature only: nothing else changed after her.
    expect(verification.signatures[0]!.laterUpdates).toBe('signatures-only');
    const file = path.join(anne.dir, 'cosigned.pdf');
    await writeFile(file, final);
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(pdfsig.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
  });
});
