import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { startSandbox, type SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createKeySigner, toDer, type CmsSigner } from '../../../src-main/signing/CmsSigner';
import { signPdf, writeSignedPdf } from '../../../src-main/signing/signPdf';
import { verifyPdfSignatures } from '../../../src-main/signing/verifyPdfSignatures';
import { requestTimestamp } from '../../../src-main/signing/timestamp';
import { createSubmissionPdf, type SubmissionPdfInput } from '../../../src-main/documents/createSubmissionPdf';
import { createPkcs12Signer } from '../../../src-main/tokens/createPkcs12Signer';
import { NetworkError } from '../../../src-shared/errors';
import { TimestampError } from '../../../src-main/signing/errors';
import {
  opensslCmsVerify,
  opensslTsVerify,
  pdfsig,
  qpdfCheck,
  run,
  signaturesIn,
  signedAttributeTypes,
  timestampOf,
  writeTemp,
} from './tools';
import { hasSoftHsm, openSoftHsmSigner } from './softHsmSigner';

let sb: SandboxHandle;
let rootPem: string;
let rootFile: string;
let chainFile: string;
let anne: CmsSigner;
let luc: CmsSigner;
let tsaUrl: string;
let submission: Uint8Array;

function signerFor(personId: string): CmsSigner {
  const id = sb.pki.persons[personId]!.sign;
  const dir = sb.pki.dir;
  return createKeySigner(readFileSync(join(dir, id.keyFile), 'utf8'), readFileSync(join(dir, id.certFile), 'utf8'), [
    readFileSync(join(dir, sb.pki.issuing.certFile), 'utf8'),
    readFileSync(join(dir, sb.pki.root.certFile), 'utf8'),
  ]);
}

const input: SubmissionPdfInput = {
  locale: 'fr',
  procedure: { id: 'allocation-vie-chere', version: 4, title: 'Demande d’allocation de vie chère' },
  space: { id: 'private-anne', label: 'Espace privé — Anne Schmit' },
  submittedBy: 'Anne Schmit',
  date: new Date('2026-02-03T09:30:00Z'),
  sections: [
    {
      title: 'Ménage',
      fields: [
        { label: 'Adresse', value: '12, rue de la Gare, L-4001 Esch-sur-Alzette' },
        { label: 'Revenu mensuel', value: '2 150,00 €' },
      ],
    },
  ],
  attachments: [{ name: 'certificat.pdf', mediaType: 'application/pdf', size: 48_213, sha256: 'a'.repeat(64) }],
};

function expectPdfsigValid(out: string, count: number): void {
  expect(out.match(/Signature Validation: Signature is Valid\./g)?.length, out).toBe(count);
  expect(out).not.toMatch(/Signature is Invalid|Digest Mismatch/);
}

function expectOpensslAccepts(pdf: Buffer): void {
  for (const s of signaturesIn(pdf)) {
    const r = opensslCmsVerify(s.cms, s.signed, rootFile);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/Verification successful/);
  }
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-signing-sb-'));
  sb = await startSandbox({ port: 0, dataDir, seed: 'empty' });
  rootFile = join(sb.pki.dir, sb.pki.root.certFile);
  chainFile = join(sb.pki.dir, sb.pki.chainFile);
  rootPem = readFileSync(rootFile, 'utf8');
  anne = signerFor('anne-schmit');
  luc = signerFor('luc-hoffmann');
  tsaUrl = `${sb.apiUrl}/tsa`;
  submission = await createSubmissionPdf(input);
});

afterAll(async () => {
  await sb?.close();
});

describe('PAdES signatures of the submission PDF (sandbox PKI and TSA over HTTP)', () => {
  it('B-B: an incremental update that pdfsig, qpdf, openssl and our verifier accept', async () => {
    const r = await signPdf(submission, { signer: anne, reason: 'Einreichung', location: 'Luxembourg' });
    // The original bytes are a prefix: nothing signed before is rewritten.
    expect(Buffer.compare(r.pdf.subarray(0, submission.length), Buffer.from(submission))).toBe(0);
    expect(r.byteRange[0]).toBe(0);
    expect(r.byteRange[2] + r.byteRange[3]).toBe(r.pdf.length);
    expect(r.pdf.toString('latin1')).toMatch(/\/SubFilter \/ETSI\.CAdES\.detached/);

    const sig = pdfsig(r.pdf);
    expectPdfsigValid(sig.out, 1);
    expect(sig.out).toMatch(/Signer Certificate Common Name: Anne Schmit/);
    expect(sig.out).toMatch(/Signature Type: ETSI\.CAdES\.detached/);
    expect(sig.out).toMatch(/Total document signed/);
    expect(qpdfCheck(r.pdf).code).toBe(0);
    expectOpensslAccepts(r.pdf);

    // Signed attributes: content-type, message-digest, signing-certificate-v2; no signing-time; DER (sorted) order.
    const types = signedAttributeTypes(r.cms);
    expect([...types].sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4'].sort());
    expect(types).not.toContain('1.2.840.113549.1.9.5');

    const v = await verifyPdfSignatures(r.pdf, { trustAnchors: [rootPem] });
    expect(v.signatures).toHaveLength(1);
    const s = v.signatures[0]!;
    expect(s.errors).toEqual([]);
    expect(s).toMatchObject({
      valid: true,
      integrity: true,
      signatureValid: true,
      chainTrusted: true,
      signingCertificateMatches: true,
      coversWholeDocument: true,
      laterUpdates: 'none',
      level: 'B-B',
      fieldName: 'Signature1',
    });
    expect(s.signer?.ssn).toBe('10000000000000000001');
  });

  it('B-T: the sandbox TSA timestamps the signature value; openssl ts and our verifier accept it', async () => {
    const phases: string[] = [];
    const r = await signPdf(submission, { signer: anne, level: 'B-T', tsa: { url: tsaUrl, timeoutMs: 10_000 }, onProgress: (p) => phases.push(p) });
    expect(phases).toEqual(['prepare', 'hash', 'sign', 'timestamp', 'done']);
    expect(r.timestampTime).toBeInstanceOf(Date);
    expectPdfsigValid(pdfsig(r.pdf).out, 1);
    expect(qpdfCheck(r.pdf).code).toBe(0);
    expectOpensslAccepts(r.pdf);

    // pdfsig (poppler 22) does not report signature timestamps: openssl ts checks the token independently.
    const ts = timestampOf(r.cms);
    expect(ts.token).toBeDefined();
    const tsv = opensslTsVerify(ts.token!, ts.signatureValue, rootFile, chainFile);
    expect(tsv.out).toMatch(/Verification: OK/);

    const v = await verifyPdfSignatures(r.pdf, { trustAnchors: [rootPem] });
    const s = v.signatures[0]!;
    expect(s.errors).toEqual([]);
    expect(s.valid).toBe(true);
    expect(s.level).toBe('B-T');
    expect(s.checkedAtSource).toBe('timestamp');
    expect(s.timestamp).toMatchObject({ signatureValid: true, imprintMatches: true, trusted: true });
    expect(s.timestamp?.tsa?.commonName).toMatch(/Time Stamping/);
    expect(Math.abs(s.timestamp!.genTime.getTime() - r.timestampTime!.getTime())).toBe(0);
  });

  it('a PDF changed by one byte after signing fails pdfsig, openssl and our verifier', async () => {
    const r = await signPdf(submission, { signer: anne, level: 'B-T', tsa: { url: tsaUrl } });
    const text = r.pdf.toString('latin1');
    // Change one byte of a signed part (the first page's width), keeping the file readable.
    const at = text.indexOf('595.28');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(r.byteRange[1]);
    const tampered = Buffer.from(r.pdf);
    tampered[at] = '6'.charCodeAt(0);

    const sig = pdfsig(tampered);
    expect(sig.out).not.toMatch(/Signature is Valid/);
    expect(sig.out).toMatch(/Signature is Invalid|Digest Mismatch/i);
    for (const s of signaturesIn(tampered)) expect(opensslCmsVerify(s.cms, s.signed, rootFile).code).not.toBe(0);
    const v = await verifyPdfSignatures(tampered, { trustAnchors: [rootPem] });
    expect(v.signatures[0]).toMatchObject({ valid: false, integrity: false });
    expect(v.signatures[0]!.errors.join(' ')).toMatch(/changed after signing/);

    // A byte after /Contents (an end of line in the update's xref table) changed: also refused.
    const tail = Buffer.from(r.pdf);
    const p = text.lastIndexOf(' n\r\n') + 2;
    expect(p).toBeGreaterThan(r.byteRange[2]);
    tail[p] = 0x20;
    expect((await verifyPdfSignatures(tail, { trustAnchors: [rootPem] })).signatures[0]?.valid ?? false).toBe(false);
    expect(pdfsig(tail).out).not.toMatch(/Signature is Valid/);
  });

  it('co-signature: a second person appends another update; both signatures stay valid', async () => {
    const first = await signPdf(submission, { signer: anne, level: 'B-T', tsa: { url: tsaUrl } });
    const second = await signPdf(first.pdf, { signer: luc, level: 'B-T', tsa: { url: tsaUrl }, reason: 'Zweite Unterschrift' });
    expect(Buffer.compare(second.pdf.subarray(0, first.pdf.length), first.pdf)).toBe(0);
    expect(second.fieldName).toBe('Signature2');

    const sig = pdfsig(second.pdf);
    expectPdfsigValid(sig.out, 2);
    expect(sig.out).toMatch(/Anne Schmit/);
    expect(sig.out).toMatch(/Luc Hoffmann/);
    expect(qpdfCheck(second.pdf).code).toBe(0);
    expectOpensslAccepts(second.pdf);

    const v = await verifyPdfSignatures(second.pdf, { trustAnchors: [rootPem] });
    expect(v.revisions).toBe(3);
    expect(v.signatures.map((s) => [s.signer?.commonName, s.valid, s.coversWholeDocument, s.laterUpdates])).toEqual([
      ['Anne Schmit', true, false, 'signatures-only'],
      ['Luc Hoffmann', true, true, 'none'],
    ]);
  });

  it('signs without copying the input: parts, an update appended to the file, writeSignedPdf', async () => {
    // The input inside a larger ArrayBuffer (non-zero byteOffset), as a file read into a pool would be.
    const pool = new Uint8Array(submission.length + 100);
    pool.set(submission, 37);
    const view = pool.subarray(37, 37 + submission.length);
    const first = await signPdf(view, { signer: anne, level: 'B-T', tsa: { url: tsaUrl } });
    const [original, update] = first.parts;
    expect(original.buffer).toBe(pool.buffer); // the input itself, not a copy
    expect(original.byteOffset).toBe(37);
    expect(update).toBe(first.update);
    expect(first.length).toBe(submission.length + update.length);
    expect(first.byteRange[2] + first.byteRange[3]).toBe(first.length);

    // A file that holds the input: append the update, and it is the signed PDF.
    const file = writeTemp('appended.pdf', submission);
    appendFileSync(file, update);
    const onDisk = readFileSync(file);
    expect(onDisk.equals(first.pdf)).toBe(true);
    expectPdfsigValid(run('pdfsig', [file]).out, 1);
    expect(run('qpdf', ['--check', file]).code).toBe(0);
    expectOpensslAccepts(onDisk);

    // Co-signature from the file's bytes, written as parts: the first signature stays valid.
    const second = await signPdf(onDisk, { signer: luc });
    const out = writeTemp('cosigned.pdf', '');
    await writeSignedPdf(second, out);
    const cosigned = readFileSync(out);
    expect(cosigned.length).toBe(second.length);
    expect(cosigned.subarray(0, onDisk.length).equals(onDisk)).toBe(true);
    expectPdfsigValid(run('pdfsig', [out]).out, 2);
    expect(run('qpdf', ['--check', out]).code).toBe(0);
    expectOpensslAccepts(cosigned);
    const v = await verifyPdfSignatures(cosigned, { trustAnchors: [rootPem] });
    expect(v.signatures.map((s) => [s.signer?.commonName, s.valid, s.level])).toEqual([
      ['Anne Schmit', true, 'B-T'],
      ['Luc Hoffmann', true, 'B-B'],
    ]);
  });

  it('keeps the original cross-reference style: a PDF with an xref stream and object streams, signed twice', async () => {
    const doc = await PDFDocument.load(submission);
    const compressed = await doc.save({ useObjectStreams: true });
    const first = await signPdf(compressed, { signer: anne });
    expect(first.pdf.subarray(compressed.length).toString('latin1')).toMatch(/\/Type \/XRef/);
    const second = await signPdf(first.pdf, { signer: luc });
    expectPdfsigValid(pdfsig(second.pdf).out, 2);
    expect(qpdfCheck(second.pdf).code).toBe(0);
    expectOpensslAccepts(second.pdf);
    const v = await verifyPdfSignatures(second.pdf, { trustAnchors: [rootPem] });
    expect(v.signatures.every((s) => s.valid)).toBe(true);
  });

  it('reports a later update that is not a signature, and an untrusted root', async () => {
    const r = await signPdf(submission, { signer: anne });
    const changed = appendInfoUpdate(r.pdf);
    expect(qpdfCheck(changed).code).toBe(0);
    const v = await verifyPdfSignatures(changed, { trustAnchors: [rootPem] });
    expect(v.signatures[0]).toMatchObject({ integrity: true, signatureValid: true, coversWholeDocument: false, laterUpdates: 'other', valid: false });

    const foreign = readFileSync(join(sb.pki.dir, sb.pki.foreignRoot.certFile), 'utf8');
    const u = await verifyPdfSignatures(r.pdf, { trustAnchors: [foreign] });
    expect(u.signatures[0]).toMatchObject({ integrity: true, signatureValid: true, chainTrusted: false, valid: false });
  });

  it('signs with the tokens’ PKCS#12 TokenSigner as it is', async () => {
    const id = sb.pki.persons['sofia-ferreira']?.sign ?? sb.pki.persons['luc-hoffmann']!.sign;
    const key = createPrivateKey(readFileSync(join(sb.pki.dir, id.keyFile), 'utf8'));
    const signer = createPkcs12Signer(key, toDer(readFileSync(join(sb.pki.dir, id.certFile), 'utf8')), [toDer(readFileSync(join(sb.pki.dir, sb.pki.issuing.certFile), 'utf8'))]);
    const r = await signPdf(submission, { signer });
    await signer.close();
    expectPdfsigValid(pdfsig(r.pdf).out, 1);
    expect((await verifyPdfSignatures(r.pdf, { trustAnchors: [rootPem] })).signatures[0]!.valid).toBe(true);
  });

  it('an unreachable TSA gives a NetworkError; a refusing one a TimestampError', async () => {
    await expect(requestTimestamp(Buffer.from('x'), { url: 'http://127.0.0.1:9/tsa', timeoutMs: 2000 })).rejects.toBeInstanceOf(NetworkError);
    await expect(signPdf(submission, { signer: anne, level: 'B-T', tsa: { url: 'http://127.0.0.1:9/tsa', timeoutMs: 2000 } })).rejects.toMatchObject({
      name: 'NetworkError',
    });
    await expect(requestTimestamp(Buffer.from('x'), { url: tsaUrl, policy: '1.2.3.4' })).rejects.toBeInstanceOf(TimestampError);
  });

  describe.skipIf(!hasSoftHsm)('with a SoftHSM2 token (pkcs11js test helper; the product token signer is the tokens work)', () => {
    it('signs B-T with the qualified signature key on the token', async () => {
      const id = sb.pki.persons['anne-schmit']!.sign;
      const signer = openSoftHsmSigner(sb.pki.dir, 'anne-schmit', toDer(readFileSync(join(sb.pki.dir, id.certFile), 'utf8')), [
        toDer(readFileSync(join(sb.pki.dir, sb.pki.issuing.certFile), 'utf8')),
      ]);
      try {
        const r = await signPdf(submission, { signer, level: 'B-T', tsa: { url: tsaUrl } });
        expectPdfsigValid(pdfsig(r.pdf).out, 1);
        expect(qpdfCheck(r.pdf).code).toBe(0);
        expectOpensslAccepts(r.pdf);
        const v = await verifyPdfSignatures(r.pdf, { trustAnchors: [rootPem] });
        expect(v.signatures[0]).toMatchObject({ valid: true, level: 'B-T' });
      } finally {
        signer.close();
      }
    });
  });
});

/** Appends an incremental update that changes the document information (not a signature). */
function appendInfoUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const size = Number([...text.matchAll(/\/Size (\d+)/g)].pop()![1]);
  const root = [...text.matchAll(/\/Root (\d+ \d+ R)/g)].pop()![1];
  const objOffset = pdf.length;
  const obj = `${size} 0 obj\n<< /Producer (Changed later) >>\nendobj\n`;
  const xrefOffset = objOffset + obj.length;
  const tail = `xref\n${size} 1\n${String(objOffset).padStart(10, '0')} 00000 n\r\ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(obj + tail, 'latin1')]);
}

describe('revocation in our verifier (CRLs given to it; nothing fetched)', () => {
  const HOUR = 3_600_000;
  const pem = (file: string) => readFileSync(join(sb.pki.dir, file), 'utf8');
  const importKey = async (file: string) =>
    webcrypto.subtle.importKey('pkcs8', createPrivateKey(pem(file)).export({ type: 'pkcs8', format: 'der' }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);

  /** A CRL in the name of `issuer`, signed with `keyFile` (the issuer's own key, or another one for a forgery). */
  async function crl(
    issuer: { certFile: string },
    keyFile: string,
    entries: Array<{ serialNumber: string; revocationDate: Date }>,
    times: { thisUpdate?: Date; nextUpdate?: Date } = {},
  ): Promise<string> {
    const issuerCert = new x509.X509Certificate(pem(issuer.certFile));
    const made = await x509.X509CrlGenerator.create({
      issuer: issuerCert.subject,
      thisUpdate: times.thisUpdate ?? new Date(),
      nextUpdate: times.nextUpdate ?? new Date(Date.now() + 24 * HOUR),
      entries: entries.map((e) => ({ ...e, reason: x509.X509CrlReason.keyCompromise })),
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      signingKey: await importKey(keyFile),
      extensions: [await x509.AuthorityKeyIdentifierExtension.create(issuerCert)],
    });
    return made.toString('pem');
  }
  const anneSerial = () => sb.pki.persons['anne-schmit']!.sign.serialNumber;
  /** The root publishes an (empty) CRL of its own CAs: with it, every certificate under the root is covered. */
  const rootCrl = () => crl(sb.pki.root, sb.pki.root.keyFile, []);
  const first = async (pdf: Uint8Array, crls: (string | Buffer)[]) => (await verifyPdfSignatures(pdf, { trustAnchors: [rootPem], crls })).signatures[0]!;

  it('refuses a signer on the sandbox CRL (PEM or DER); without CRLs it says revocation was not checked', async () => {
    const revoked = sb.pki.revoked;
    const revokedSigner = createKeySigner(pem(revoked.keyFile), pem(revoked.certFile), [pem(sb.pki.issuing.certFile)]);
    const pdf = (await signPdf(submission, { signer: revokedSigner })).pdf;
    expect(await first(pdf, [])).toMatchObject({ chainTrusted: true, revocationChecked: false });
    for (const list of [pem(sb.pki.crlFile), readFileSync(join(sb.pki.dir, sb.pki.crlDerFile))]) {
      const refused = await first(pdf, [list]);
      expect(refused).toMatchObject({ valid: false, chainTrusted: false });
      expect(refused.chainError).toMatch(/was revoked on /);
    }
  });

  it('reports revocation as checked only when every certificate under the root is covered by a current CRL its issuer signed', async () => {
    const pdf = (await signPdf(submission, { signer: anne })).pdf;
    const issuingCrl = await crl(sb.pki.issuing, sb.pki.issuing.keyFile, []);
    expect(await first(pdf, [issuingCrl, await rootCrl()])).toMatchObject({ valid: true, revocationChecked: true });
    // The issuing CA itself is not covered without the root's CRL.
    expect(await first(pdf, [issuingCrl])).toMatchObject({ valid: true, revocationChecked: false });
    // A CRL in the issuing CA's name but signed by another key is ignored, even when it lists the signer.
    const forged = await crl(sb.pki.issuing, sb.pki.tsa.keyFile, [{ serialNumber: anneSerial(), revocationDate: new Date(Date.now() - HOUR) }]);
    expect(await first(pdf, [forged, await rootCrl()])).toMatchObject({ valid: true, revocationChecked: false });
    // An expired CRL covers nothing.
    const stale = await crl(sb.pki.issuing, sb.pki.issuing.keyFile, [], { thisUpdate: new Date(Date.now() - 48 * HOUR), nextUpdate: new Date(Date.now() - 24 * HOUR) });
    expect(await first(pdf, [stale, await rootCrl()])).toMatchObject({ valid: true, revocationChecked: false });
  });

  it('revoked after a timestamped signing time stays valid; without a timestamp a backdated /M does not help', async () => {
    const bt = await signPdf(submission, { signer: anne, level: 'B-T', tsa: { url: tsaUrl } });
    const genTime = (await verifyPdfSignatures(bt.pdf, { trustAnchors: [rootPem] })).signatures[0]!.timestamp!.genTime;
    // Revoked two seconds after the proven time; the CRL was issued after it.
    const revokedLater = await crl(sb.pki.issuing, sb.pki.issuing.keyFile, [{ serialNumber: anneSerial(), revocationDate: new Date(genTime.getTime() + 2000) }]);
    expect(await first(bt.pdf, [revokedLater, await rootCrl()])).toMatchObject({ valid: true, revocationChecked: true, checkedAtSource: 'timestamp' });

    // Claimed two hours back (the certificate was valid then), revoked an hour ago: the claim proves nothing, so the
    // revocation applies.
    const backdated = (await signPdf(submission, { signer: anne, signingTime: new Date(Date.now() - 2 * HOUR) })).pdf;
    const revokedBefore = await crl(sb.pki.issuing, sb.pki.issuing.keyFile, [{ serialNumber: anneSerial(), revocationDate: new Date(Date.now() - HOUR) }]);
    const refused = await first(backdated, [revokedBefore, await rootCrl()]);
    expect(refused).toMatchObject({ valid: false, chainTrusted: false, checkedAtSource: 'claimed' });
    expect(refused.chainError).toMatch(/CN=Anne Schmit.* was revoked on /);
  });

  it('checks the TSA’s revocation now, not at the time it wrote itself', async () => {
    const bt = await signPdf(submission, { signer: anne, level: 'B-T', tsa: { url: tsaUrl } });
    const tsaRevoked = await crl(sb.pki.issuing, sb.pki.issuing.keyFile, [{ serialNumber: sb.pki.tsa.serialNumber, revocationDate: new Date(Date.now() - 1000) }]);
    const report = await first(bt.pdf, [tsaRevoked, await rootCrl()]);
    expect(report.timestamp).toMatchObject({ trusted: false });
    expect(report.timestamp!.error).toMatch(/revoked/);
    // An untrusted timestamp proves no time: the signature is checked at its claim, and is not valid.
    expect(report).toMatchObject({ valid: false, checkedAtSource: 'claimed' });
  });

  it('refuses a forged signer certificate that names a real CA as its issuer', async () => {
    const keys = (await webcrypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
      true,
      ['sign', 'verify'],
    )) as webcrypto.CryptoKeyPair;
    const issuing = new x509.X509Certificate(pem(sb.pki.issuing.certFile));
    const forgedCert = await x509.X509CertificateGenerator.create({
      serialNumber: '01',
      issuer: issuing.subject,
      subject: 'C=LU, CN=Anne Schmit',
      notBefore: new Date(Date.now() - HOUR),
      notAfter: new Date(Date.now() + 24 * HOUR),
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.digitalSignature, true)],
    });
    const keyPem = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
    const forger = createKeySigner(keyPem, forgedCert.toString('pem'), [pem(sb.pki.issuing.certFile)]);
    const report = await first((await signPdf(submission, { signer: forger })).pdf, []);
    expect(report).toMatchObject({ signatureValid: true, integrity: true, chainTrusted: false, valid: false });
  });
});
