import { SignerNotAllowedError } from '../../src-shared/submissions/errors';
import { verifyPdfSignatures } from '../signing';

/** A document to co-sign: signed, every signature intact, and the last one covering the whole file. */
export async function checkFirstSignature(pdf: Buffer): Promise<void> {
  let report;
  try {
    // No trust anchors here: whose signature it is, the authority checked at the upload (and checks again at the end).
    report = await verifyPdfSignatures(pdf, { trustAnchors: [] });
  } catch {
    throw new SignerNotAllowedError('The document to co-sign is not a signed PDF.', { reason: 'documentChanged' });
  }
  const last = report.signatures.at(-1);
  const intact = report.signatures.length > 0 && report.signatures.every((sig) => sig.byteRangeValid && sig.integrity && sig.signatureValid);
  if (!intact || !last?.coversWholeDocument) {
    throw new SignerNotAllowedError('The document to co-sign was changed after it was signed.', { reason: 'documentChanged' });
  }
}
