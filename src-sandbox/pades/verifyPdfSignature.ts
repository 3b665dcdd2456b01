import * as pkijs from 'pkijs';
import * as asn1js from 'asn1js';
import type { Trust } from '../pki/trust';
import { setupCrypto } from '../pki/crypto';

export interface PdfSignatureResult {
  status: 'valid' | 'absent' | 'invalid';
  signer?: string;
  ssn?: string;
  reason?: string;
  coversWholeFile?: boolean;
}

/**
 * Checks the last signature of a PDF (PAdES / adbe.pkcs7.detached): the /ByteRange, the CMS over those bytes, and the
 * signer's chain to the sandbox root (validity, revocation). A compact check, not a full PAdES validator.
 */
export async function verifyPdfSignature(pdf: Buffer, trust: Trust): Promise<PdfSignatureResult> {
  setupCrypto();
  const text = pdf.toString('latin1');
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((m = re.exec(text))) last = m;
  if (!last) return { status: 'absent' };
  const range = last.slice(1, 5).map(Number) as ByteRange;
  return verifySignatureAt(pdf, text, range, trust);
}

/** /ByteRange [a b c d]: the signed bytes are [a, a+b) and [c, c+d); the gap between holds /Contents. */
export type ByteRange = [number, number, number, number];

/**
 * One signature of a PDF, given its /ByteRange: the range inside the file, the CMS in the gap over those bytes, the
 * signer's chain to the sandbox root (validity, revocation). `text`: the PDF as latin1.
 */
export async function verifySignatureAt(pdf: Buffer, text: string, range: ByteRange, trust: Trust): Promise<PdfSignatureResult> {
  setupCrypto();
  const [a, b, c, d] = range;
  if (a !== 0 || b > c || c + d > pdf.length) return { status: 'invalid', reason: 'ByteRange out of the file' };
  const gap = text.slice(b, c);
  const hex = /^<([0-9a-fA-F]*)>$/.exec(gap.trim());
  if (!hex) return { status: 'invalid', reason: 'No /Contents hex string in the ByteRange gap' };
  const cmsDer = Buffer.from(hex[1]!, 'hex');
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  try {
    const asn = asn1js.fromBER(trimDer(cmsDer));
    const info = new pkijs.ContentInfo({ schema: asn.result });
    const sd = new pkijs.SignedData({ schema: info.content });
    const ok = await sd.verify({ signer: 0, data: new Uint8Array(signed).buffer, checkChain: false });
    if (!ok) return { status: 'invalid', reason: 'The CMS signature does not verify' };
    const signerInfo = sd.signerInfos[0]!;
    const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
    const certs = (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
    const signerCert =
      certs.find((x) => sid.serialNumber && x.serialNumber.isEqual(sid.serialNumber)) ?? certs[0];
    if (!signerCert) return { status: 'invalid', reason: 'No signer certificate in the CMS' };
    const chain = [signerCert, ...certs.filter((x) => x !== signerCert)].map((x) => Buffer.from(x.toSchema().toBER(false)).toString('base64'));
    const leaf = await trust.verifyChain(chain);
    return {
      status: 'valid',
      signer: leaf.subject,
      ssn: leaf.subjectName.getField('2.5.4.5')[0],
      coversWholeFile: c + d === pdf.length || /%%EOF\s*$/.test(text.slice(c + d)),
    };
  } catch (e) {
    return { status: 'invalid', reason: (e as Error).message };
  }
}

/** The DER of the CMS may be followed by zero padding in /Contents: cut it at the outer length. */
function trimDer(der: Buffer): ArrayBuffer {
  const tmp = asn1js.fromBER(new Uint8Array(der).buffer);
  const len = tmp.offset > 0 ? tmp.offset : der.length;
  return new Uint8Array(der.subarray(0, len)).buffer;
}
