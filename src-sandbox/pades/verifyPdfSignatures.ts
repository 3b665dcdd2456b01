import type { Trust } from '../pki/trust';
import { verifySignatureAt, type ByteRange } from './verifyPdfSignature';

export interface VerifiedSignature {
  range: ByteRange;
  /** Where the revision this signature covers ends (c + d of its ByteRange). */
  end: number;
  signer: string;
  ssn: string | null;
}

export type AllSignaturesResult =
  | { status: 'valid'; signatures: VerifiedSignature[] }
  | { status: 'absent' }
  | { status: 'invalid'; reason: string };

const ONLY_EOL = /^[\r\n\t ]*$/;

/**
 * Checks EVERY signature of a PDF (PAdES, each appended as an incremental update): each /ByteRange, each CMS over
 * its bytes, each signer's chain to the sandbox root. Besides each signature on its own: each covers a whole
 * revision (its signed bytes end with %%EOF), the revisions grow strictly (no two signatures over the same bytes),
 * and the last one covers the whole file (nothing but line ends after it). Signatures in file order, oldest first.
 */
export async function verifyPdfSignatures(pdf: Buffer, trust: Trust): Promise<AllSignaturesResult> {
  const text = pdf.toString('latin1');
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  const seen = new Set<string>();
  const ranges: ByteRange[] = [];
  for (let m: RegExpExecArray | null; (m = re.exec(text)); ) {
    const range = m.slice(1, 5).map(Number) as ByteRange;
    const key = range.join(' ');
    // A later revision may write an earlier signature's dictionary again: still one signature.
    if (seen.has(key)) continue;
    seen.add(key);
    ranges.push(range);
  }
  if (!ranges.length) return { status: 'absent' };
  ranges.sort((x, y) => x[2] + x[3] - (y[2] + y[3]));
  const signatures: VerifiedSignature[] = [];
  let previousEnd = 0;
  for (const [i, range] of ranges.entries()) {
    const end = range[2] + range[3];
    if (i > 0 && end <= previousEnd) return { status: 'invalid', reason: `Signature ${i + 1} covers no more than signature ${i}` };
    // The gap of this signature must lie in its own revision, after every earlier one.
    if (i > 0 && range[1] < previousEnd) return { status: 'invalid', reason: `Signature ${i + 1} has its /Contents inside an earlier revision` };
    if (end > pdf.length || !/%%EOF[\r\n]*$/.test(text.slice(Math.max(0, end - 64), end))) {
      return { status: 'invalid', reason: `Signature ${i + 1} does not cover a whole revision` };
    }
    const result = await verifySignatureAt(pdf, text, range, trust);
    if (result.status !== 'valid') return { status: 'invalid', reason: `Signature ${i + 1}: ${result.reason ?? 'does not verify'}` };
    signatures.push({ range, end, signer: result.signer!, ssn: result.ssn ?? null });
    previousEnd = end;
  }
  if (!ONLY_EOL.test(text.slice(previousEnd))) return { status: 'invalid', reason: 'The last signature does not cover the whole file' };
  return { status: 'valid', signatures };
}
