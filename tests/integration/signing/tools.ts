import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface RunResult {
  code: number;
  out: string;
}

export function run(cmd: string, args: string[]): RunResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const work = mkdtempSync(join(tmpdir(), 'guichet-signing-tools-'));
let n = 0;

export function writeTemp(name: string, bytes: Uint8Array | string): string {
  const file = join(work, `${++n}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

export function pdfsig(pdf: Uint8Array): RunResult {
  return run('pdfsig', [writeTemp('sig.pdf', pdf)]);
}

export function qpdfCheck(pdf: Uint8Array): RunResult {
  return run('qpdf', ['--check', writeTemp('check.pdf', pdf)]);
}

export function pdftotext(pdf: Uint8Array): string {
  return run('pdftotext', ['-enc', 'UTF-8', writeTemp('text.pdf', pdf), '-']).out;
}

/** The signatures' ByteRanges and /Contents, found in the bytes (independently of our reader). */
export function signaturesIn(pdf: Buffer): { byteRange: number[]; cms: Buffer; signed: Buffer }[] {
  const text = pdf.toString('latin1');
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  const out: { byteRange: number[]; cms: Buffer; signed: Buffer }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    const hex = text.slice(b + 1, c - 1);
    const raw = Buffer.from(hex, 'hex');
    const parsed = asn1js.fromBER(new Uint8Array(raw).buffer);
    out.push({ byteRange: [a, b, c, d], cms: raw.subarray(0, parsed.offset), signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]) });
  }
  return out;
}

/** `openssl cms -verify` of a detached CMS over its signed bytes, against a CA file. */
export function opensslCmsVerify(cms: Buffer, signed: Buffer, caFile: string): RunResult {
  return run('openssl', [
    'cms', '-verify', '-binary', '-inform', 'DER', '-in', writeTemp('sig.p7s', cms), '-content', writeTemp('content.bin', signed),
    '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null',
  ]);
}

/** The signature value and the signature-time-stamp token of a CMS (B-T). */
export function timestampOf(cms: Buffer): { signatureValue: Buffer; token?: Buffer } {
  const ci = pkijs.ContentInfo.fromBER(new Uint8Array(cms).buffer);
  const sd = new pkijs.SignedData({ schema: ci.content });
  const si = sd.signerInfos[0]!;
  const attr = si.unsignedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14');
  return {
    signatureValue: Buffer.from(si.signature.valueBlock.valueHexView),
    ...(attr ? { token: Buffer.from((attr.values[0] as asn1js.Sequence).toBER(false)) } : {}),
  };
}

/** `openssl ts -verify` of a timestamp token over the given data (the signature value). */
export function opensslTsVerify(token: Buffer, data: Buffer, caFile: string, untrustedFile: string): RunResult {
  return run('openssl', [
    'ts', '-verify', '-token_in', '-in', writeTemp('ts.tst', token), '-data', writeTemp('ts.data', data), '-CAfile', caFile, '-untrusted', untrustedFile,
  ]);
}

/** The signed attributes' types, in order, of the first signer. */
export function signedAttributeTypes(cms: Buffer): string[] {
  const ci = pkijs.ContentInfo.fromBER(new Uint8Array(cms).buffer);
  const sd = new pkijs.SignedData({ schema: ci.content });
  return (sd.signerInfos[0]!.signedAttrs?.attributes ?? []).map((a) => a.type);
}
