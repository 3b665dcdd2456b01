import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createKeySigner, signPdf } from '../../../src-main/signing';
import { checkFirstSignature } from '../../../src-main/submissions/checkFirstSignature';
import { testPki } from '../../helpers/softhsm/softHsm';

/**
 * Before the second signature, the app checks the document itself rather than trusting the authority's hash: a
 * signed PDF passes; the same with bytes added after the signature (an unsigned update the preview would show), an
 * unsigned PDF, or a signature whose signed bytes were changed, are refused.
 */
describe('the document a co-signer is asked to sign', () => {
  it('is signed, intact, and has nothing after its last signature', async () => {
    const pki = await testPki();
    const id = pki.persons['anne-schmit']!.sign;
    const signer = createKeySigner(readFileSync(join(pki.dir, id.keyFile), 'utf8'), readFileSync(join(pki.dir, id.certFile), 'utf8'));
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).drawText('Changement d’adresse', { x: 20, y: 150, size: 14 });
    const unsigned = Buffer.from(await doc.save());
    const signed = (await signPdf(unsigned, { signer })).pdf;

    await expect(checkFirstSignature(signed)).resolves.toBeUndefined();
    await expect(checkFirstSignature(unsigned)).rejects.toMatchObject({ name: 'SignerNotAllowedError', details: { reason: 'documentChanged' } });
    // An incremental update after the signature: what the preview would show is no longer what was signed.
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1')]);
    await expect(checkFirstSignature(appended)).rejects.toMatchObject({ name: 'SignerNotAllowedError' });
    // A byte of the signed content changed.
    const forged = Buffer.from(signed);
    const at = forged.indexOf('/MediaBox');
    forged[at + 2] = 'X'.charCodeAt(0);
    await expect(checkFirstSignature(forged)).rejects.toMatchObject({ name: 'SignerNotAllowedError' });
  });
});
