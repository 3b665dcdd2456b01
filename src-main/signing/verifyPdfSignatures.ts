import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PDFObject} from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { pemToDer } from './CmsSigner';
import { OID } from './cades';
import { PdfReader, revisionEnds } from './pdfReader';
import { setupPkijs, toArrayBuffer } from './pkiSetup';
import { eContentBytes } from './timestamp';

export interface VerifyOptions {
  /** Trust anchors: PEM (one or more certificates) or DER. */
  trustAnchors: (string | Buffer)[];
  /** Time used when a signature has no timestamp and no claimed time; default now. */
  now?: Date;
  /**
   * CRLs (PEM or DER) the chains are checked against; nothing is fetched from the network. A signer revoked after a
   * trusted timestamp's time stays valid; without one any revocation counts. The TSA is checked as of now.
   */
  crls?: (string | Buffer)[];
}

export interface CertificateSummary {
  subject: string;
  commonName?: string;
  /** Subject serialNumber (the person's SSN on LuxTrust / eID certificates). */
  ssn?: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

export interface TimestampReport {
  genTime: Date;
  /** The TSA's own CMS signature over the TSTInfo verifies. */
  signatureValid: boolean;
  /** The TSTInfo's message imprint is the SHA-256 of this signature's value. */
  imprintMatches: boolean;
  /** The TSA certificate chains to a trust anchor (at genTime). */
  trusted: boolean;
  tsa?: CertificateSummary;
  error?: string;
}

export type LaterUpdates = 'none' | 'signatures-only' | 'other';

export interface PdfSignatureReport {
  fieldName: string;
  subFilter: string;
  byteRange: number[];
  /** ByteRange starts at 0, its gap is exactly the /Contents hex string, and it ends at a revision end. */
  byteRangeValid: boolean;
  /** The signed attributes' message digest equals the SHA-256 of the ByteRange parts. */
  integrity: boolean;
  /** The signer's signature over the signed attributes verifies with the signer certificate. */
  signatureValid: boolean;
  /** signing-certificate-v2 is present and its hash is that of the signer certificate. */
  signingCertificateMatches: boolean;
  signer?: CertificateSummary;
  /** The chain from the signer to a trust anchor, through the certificates in the CMS, holds at `checkedAt`. */
  chainTrusted: boolean;
  /**
   * Every certificate under the anchor was covered by a CRL given that its issuer signed, that has not expired and,
   * for a timestamped signature, that was issued after the signing time; none of them is revoked.
   */
  revocationChecked: boolean;
  chainError?: string;
  /** Time the certificates were checked at: the timestamp's if any, else the claimed /M, else now. */
  checkedAt: Date;
  checkedAtSource: 'timestamp' | 'claimed' | 'now';
  /** /M (claimed by the signer's software, not proven). */
  claimedTime?: Date;
  timestamp?: TimestampReport;
  level: 'B-B' | 'B-T';
  /** The ByteRange covers the whole file (no update after this signature). */
  coversWholeDocument: boolean;
  /** What was appended after this signature's revision: nothing, only further signatures, or other changes. */
  laterUpdates: LaterUpdates;
  /** Everything above holds: integrity, signature, certificate, chain (and timestamp when present). */
  valid: boolean;
  errors: string[];
}

export interface PdfVerification {
  signatures: PdfSignatureReport[];
  /** Number of revisions (original + incremental updates). */
  revisions: number;
}

/**
 * Validates every signature of a PDF (PAdES / adbe.pkcs7.detached): ByteRange, integrity, CMS signature, signer
 * certificate, chain to the given trust anchors through the certificates in the CMS, validity at the timestamp time,
 * the signature timestamp, and what changed after the signature. Revocation against the CRLs given, if any (nothing
 * is fetched: no OCSP, no CRL download).
 */
export async function verifyPdfSignatures(input: Uint8Array, options: VerifyOptions): Promise<PdfVerification> {
  setupPkijs();
  const pdf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const reader = PdfReader.open(pdf);
  const anchors = options.trustAnchors.flatMap((a) => (typeof a === 'string' || a.subarray(0, 5).toString() === '-----' ? pemToDer(a.toString()) : [a]));
  const trust: Trust = {
    anchors: anchors.map((d) => pkijs.Certificate.fromBER(toArrayBuffer(d))),
    crls: (options.crls ?? []).flatMap(crlDers).map((d) => pkijs.CertificateRevocationList.fromBER(toArrayBuffer(d))),
  };
  const ends = revisionEnds(pdf);
  const sigFields = findSignatureFields(reader);
  const signedEnds = new Set<number>();
  for (const f of sigFields) {
    const br = f.sig.get(PDFName.of('ByteRange'));
    const nums = br instanceof PDFArray ? br.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : NaN)) : [];
    if (nums.length === 4) signedEnds.add(nums[2]! + nums[3]!);
  }
  const signatures: PdfSignatureReport[] = [];
  for (const f of sigFields) {
    signatures.push(await verifyOne(pdf, reader, f, trust, ends, signedEnds, options.now ?? new Date()));
  }
  signatures.sort((a, b) => (a.byteRange[2] ?? 0) + (a.byteRange[3] ?? 0) - ((b.byteRange[2] ?? 0) + (b.byteRange[3] ?? 0)));
  return { signatures, revisions: ends.length };
}

interface Trust {
  anchors: pkijs.Certificate[];
  crls: pkijs.CertificateRevocationList[];
}

/** The CRLs in a PEM text (one or more "X509 CRL" blocks) or one DER CRL. */
function crlDers(crl: string | Buffer): Buffer[] {
  const text = typeof crl === 'string' ? crl : crl.subarray(0, 5).toString() === '-----' ? crl.toString() : null;
  if (text === null) return [crl as Buffer];
  // RFC 7468's label is "X509 CRL"; some tools (@peculiar/x509 among them) write "CRL".
  const found = [...text.matchAll(/-----BEGIN (?:X509 )?CRL-----([^-]+)-----END (?:X509 )?CRL-----/g)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  if (found.length === 0) throw new TypeError('No PEM CRL found.');
  return found;
}

interface SigField {
  name: string;
  sig: PDFDict;
}

function findSignatureFields(reader: PdfReader): SigField[] {
  const root = reader.dict(reader.trailer.get(PDFName.of('Root')));
  const acro = reader.dict(root?.get(PDFName.of('AcroForm')));
  const out: SigField[] = [];
  const seen = new Set<number>();
  const walk = (arr: PDFArray | undefined, prefix: string, inheritedFt: string | undefined, depth: number) => {
    if (!arr || depth > 16) return;
    for (const item of arr.asArray()) {
      if (item instanceof PDFRef) {
        if (seen.has(item.objectNumber)) continue;
        seen.add(item.objectNumber);
      }
      const d = reader.dict(item);
      if (!d) continue;
      const t = reader.text(d.get(PDFName.of('T')));
      const name = t === undefined ? prefix : prefix ? `${prefix}.${t}` : t;
      const ft = reader.name(d.get(PDFName.of('FT'))) ?? inheritedFt;
      const v = reader.dict(d.get(PDFName.of('V')));
      if (ft === 'Sig' && v && v.get(PDFName.of('ByteRange'))) out.push({ name, sig: v });
      walk(reader.array(d.get(PDFName.of('Kids'))), name, ft, depth + 1);
    }
  };
  walk(reader.array(acro?.get(PDFName.of('Fields'))), '', undefined, 0);
  return out;
}

async function verifyOne(
  pdf: Buffer,
  reader: PdfReader,
  field: SigField,
  trust: Trust,
  ends: number[],
  signedEnds: Set<number>,
  now: Date,
): Promise<PdfSignatureReport> {
  const errors: string[] = [];
  const subFilter = reader.name(field.sig.get(PDFName.of('SubFilter'))) ?? '';
  const brObj = field.sig.get(PDFName.of('ByteRange'));
  const byteRange = brObj instanceof PDFArray ? brObj.asArray().map((x: PDFObject) => (x instanceof PDFNumber ? x.asNumber() : NaN)) : [];
  const claimed = parsePdfDate(reader.text(field.sig.get(PDFName.of('M'))));
  const report: PdfSignatureReport = {
    fieldName: field.name,
    subFilter,
    byteRange,
    byteRangeValid: false,
    integrity: false,
    signatureValid: false,
    signingCertificateMatches: false,
    chainTrusted: false,
    revocationChecked: false,
    checkedAt: claimed ?? now,
    checkedAtSource: claimed ? 'claimed' : 'now',
    ...(claimed ? { claimedTime: claimed } : {}),
    level: 'B-B',
    coversWholeDocument: false,
    laterUpdates: 'other',
    valid: false,
    errors,
  };
  const [a, b, c, d] = byteRange as [number, number, number, number];
  if (byteRange.length !== 4 || byteRange.some((n) => !Number.isInteger(n) || n < 0) || a !== 0 || b >= c || c + d > pdf.length) {
    errors.push('The ByteRange is malformed or outside the file.');
    return report;
  }
  const gap = pdf.toString('latin1', b, c);
  const hex = /^<([0-9a-fA-F]*)>$/.exec(gap);
  const end = c + d;
  if (!hex) errors.push('The gap in the ByteRange is not exactly the /Contents hex string.');
  if (!ends.includes(end)) errors.push('The ByteRange does not end at the end of a revision.');
  report.byteRangeValid = !!hex && ends.includes(end);
  report.coversWholeDocument = end === pdf.length;
  report.laterUpdates = report.coversWholeDocument ? 'none' : laterUpdatesKind(pdf, reader, end, signedEnds);
  if (!hex) return report;

  let sd: pkijs.SignedData;
  let cmsDer: Buffer;
  try {
    const raw = Buffer.from(hex[1]!, 'hex');
    const parsed = asn1js.fromBER(toArrayBuffer(raw));
    if (parsed.offset === -1) throw new Error(parsed.result.error);
    cmsDer = raw.subarray(0, parsed.offset);
    const ci = new pkijs.ContentInfo({ schema: parsed.result });
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    sd = new pkijs.SignedData({ schema: ci.content });
  } catch (e) {
    errors.push(`The /Contents is not a CMS SignedData (${(e as Error).message}).`);
    return report;
  }
  void cmsDer;
  const si = sd.signerInfos[0];
  if (!si || sd.signerInfos.length !== 1) {
    errors.push('The CMS must have exactly one signer.');
    return report;
  }
  const certs = (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  const signerCert = findSigner(si, certs);
  if (!signerCert) {
    errors.push('The signer certificate is not in the CMS.');
    return report;
  }
  report.signer = summarize(signerCert);

  // Integrity: message digest over the byte ranges.
  const digestOid = si.digestAlgorithm.algorithmId;
  const algo = ({ '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512' } as Record<string, string>)[digestOid];
  const attrs = si.signedAttrs?.attributes ?? [];
  const md = attrs.find((x) => x.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  if (!algo) errors.push(`Unsupported digest algorithm ${digestOid}.`);
  else if (!md) errors.push('The signed attributes have no message digest.');
  else {
    const h = createHash(algo).update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest();
    report.integrity = h.equals(Buffer.from(md.valueBlock.valueHexView));
    if (!report.integrity) errors.push('The document was changed after signing (message digest mismatch).');
  }

  // The signature over the signed attributes.
  try {
    report.signatureValid = await sd.verify({ signer: 0, data: toArrayBuffer(Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)])), checkChain: false });
  } catch (e) {
    report.signatureValid = false;
    errors.push(`The CMS signature does not verify (${errText(e)}).`);
  }
  if (!report.signatureValid && !errors.some((x) => x.startsWith('The CMS signature'))) errors.push('The CMS signature does not verify.');

  // signing-certificate-v2
  const scv2 = attrs.find((x) => x.type === OID.signingCertificateV2)?.values[0] as asn1js.Sequence | undefined;
  if (scv2) {
    try {
      const ess = ((scv2.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
      let hashAlg = 'sha256';
      let hashOctets = ess[0] as asn1js.OctetString;
      if (ess[0] instanceof asn1js.Sequence) {
        const oid = (ess[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
        hashAlg = ({ [OID.sha256]: 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512' } as Record<string, string>)[oid] ?? 'unknown';
        hashOctets = ess[1] as asn1js.OctetString;
      }
      const certHash = createHash(hashAlg).update(Buffer.from(signerCert.toSchema().toBER(false))).digest();
      report.signingCertificateMatches = certHash.equals(Buffer.from(hashOctets.valueBlock.valueHexView));
    } catch {
      report.signingCertificateMatches = false;
    }
    if (!report.signingCertificateMatches) errors.push('signing-certificate-v2 does not name the signer certificate.');
  } else if (subFilter === 'ETSI.CAdES.detached') {
    errors.push('A CAdES signature without signing-certificate-v2.');
  }

  // Timestamp.
  const signatureValue = Buffer.from(si.signature.valueBlock.valueHexView);
  const tsAttr = si.unsignedAttrs?.attributes.find((x) => x.type === OID.signatureTimeStampToken);
  if (tsAttr) {
    report.level = 'B-T';
    report.timestamp = await verifyTimestamp(tsAttr.values[0] as asn1js.Sequence, signatureValue, trust, certs, now);
    if (report.timestamp.error) errors.push(`Timestamp: ${report.timestamp.error}`);
    // Only a timestamp we trust proves the time of signing; otherwise it is a time somebody chose.
    if (report.timestamp.signatureValid && report.timestamp.imprintMatches && report.timestamp.trusted) {
      report.checkedAt = report.timestamp.genTime;
      report.checkedAtSource = 'timestamp';
    }
  }

  // Chain to a trust anchor, at the time of signing. Revocation: "revoked after signing" only counts when a trusted
  // timestamp proves when that was; a claimed /M is the signer's word, so without a timestamp any revocation fails.
  const proven = report.checkedAtSource === 'timestamp';
  const chain = await validateChain(signerCert, certs, trust, report.checkedAt, {
    revokedBy: proven ? report.checkedAt : now,
    issuedAfter: proven ? report.checkedAt : null,
    now,
  });
  report.chainTrusted = chain.ok;
  report.revocationChecked = chain.ok && chain.revocationChecked;
  if (!chain.ok) {
    report.chainError = chain.error;
    errors.push(`Certificate chain: ${chain.error}`);
  }

  report.valid =
    report.byteRangeValid &&
    report.integrity &&
    report.signatureValid &&
    report.chainTrusted &&
    (subFilter !== 'ETSI.CAdES.detached' || report.signingCertificateMatches) &&
    (!report.timestamp || (report.timestamp.signatureValid && report.timestamp.imprintMatches && report.timestamp.trusted)) &&
    report.laterUpdates !== 'other';
  if (report.laterUpdates === 'other') errors.push('The document was changed by a later update that is not a signature.');
  return report;
}

/**
 * After a signature's revision: does every later revision end with another signature's coverage, and change only
 * signature-related objects (signature dictionaries, widgets, AcroForm, pages' annotations, catalog, xref)?
 */
function laterUpdatesKind(pdf: Buffer, reader: PdfReader, signedEnd: number, signedEnds: Set<number>): LaterUpdates {
  const laterEnds = revisionEnds(pdf).filter((e) => e > signedEnd);
  if (laterEnds.length === 0) return 'none';
  if (!laterEnds.every((e) => signedEnds.has(e))) return 'other';
  for (const section of reader.sections) {
    if (section.offset < signedEnd) continue;
    for (const e of section.entries) {
      if (e.free || e.offset === undefined) {
        if (e.free && e.objectNumber !== 0) return 'other';
        continue;
      }
      let obj: PDFObject;
      try {
        obj = reader.objectAt(e.offset, e.objectNumber);
      } catch {
        return 'other';
      }
      if (!isSignatureRelated(reader, obj)) return 'other';
    }
  }
  return 'signatures-only';
}

function isSignatureRelated(reader: PdfReader, obj: PDFObject): boolean {
  if (obj instanceof PDFArray) return true; // Fields or Annots arrays
  const dict = obj instanceof PDFDict ? obj : reader.dict(obj);
  if (!dict) return false;
  const type = reader.name(dict.get(PDFName.of('Type')));
  if (type === 'Sig' || type === 'XRef' || type === 'Catalog' || type === 'Page' || type === 'DocTimeStamp') return true;
  if (type === 'Annot') return reader.name(dict.get(PDFName.of('Subtype'))) === 'Widget';
  if (dict.get(PDFName.of('Fields'))) return true; // AcroForm
  if (reader.name(dict.get(PDFName.of('FT'))) === 'Sig') return true;
  return false;
}

async function verifyTimestamp(
  token: asn1js.Sequence,
  signatureValue: Buffer,
  trust: Trust,
  extraCerts: pkijs.Certificate[],
  now: Date,
): Promise<TimestampReport> {
  const report: TimestampReport = { genTime: new Date(0), signatureValid: false, imprintMatches: false, trusted: false };
  try {
    // Re-read the token from its own DER: parsed inside the outer CMS, asn1js may have taken eContent apart.
    const ci = pkijs.ContentInfo.fromBER(token.toBER(false));
    const sd = new pkijs.SignedData({ schema: ci.content });
    const tstDer = eContentBytes(sd.encapContentInfo.eContent!);
    // pkijs writes eContent as a constructed OCTET STRING but only reads a primitive one: give it the primitive form.
    sd.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(tstDer) });
    const tst = pkijs.TSTInfo.fromBER(toArrayBuffer(tstDer));
    report.genTime = tst.genTime;
    const hashAlg = ({ [OID.sha256]: 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512' } as Record<string, string>)[
      tst.messageImprint.hashAlgorithm.algorithmId
    ];
    report.imprintMatches =
      !!hashAlg && createHash(hashAlg).update(signatureValue).digest().equals(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView));
    if (!report.imprintMatches) report.error = 'the timestamp is not over this signature.';
    try {
      report.signatureValid = await sd.verify({ signer: 0, checkChain: false, data: toArrayBuffer(signatureValue) });
    } catch (e) {
      report.signatureValid = false;
      report.error = `the TSA signature does not verify (${errText(e)}).`;
    }
    const tsCerts = (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
    const tsaCert = findSigner(sd.signerInfos[0]!, [...tsCerts, ...extraCerts]);
    if (!tsaCert) {
      report.error ??= 'the TSA certificate is not in the token.';
      return report;
    }
    report.tsa = summarize(tsaCert);
    // Its certificate's validity at genTime, but revocation now: a revoked TSA key could write any genTime.
    const chain = await validateChain(tsaCert, [...tsCerts, ...extraCerts], trust, report.genTime, { revokedBy: now, issuedAfter: null, now });
    report.trusted = chain.ok;
    if (!chain.ok) report.error ??= `TSA certificate: ${chain.error}`;
    const eku = tsaCert.extensions?.find((x) => x.extnID === '2.5.29.37');
    const ekuOk = !!eku && (eku.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes?.includes('1.3.6.1.5.5.7.3.8');
    if (!ekuOk) {
      report.trusted = false;
      report.error ??= 'the TSA certificate is not for time-stamping.';
    }
  } catch (e) {
    report.error = `the timestamp token cannot be read (${errText(e)}).`;
  }
  return report;
}

interface RevocationRule {
  /** A CRL entry dated at or before this fails the chain. */
  revokedBy: Date;
  /** A CRL only covers a certificate when issued at or after this (a timestamped signature's time); null: any. */
  issuedAfter: Date | null;
  /** The verification time: a CRL past its nextUpdate no longer covers anything. */
  now: Date;
}

interface ChainResult {
  ok: boolean;
  error?: string;
  /** Every certificate under the anchor was covered by a CRL that its issuer signed and that is current. */
  revocationChecked: boolean;
}

async function validateChain(leaf: pkijs.Certificate, certs: pkijs.Certificate[], trust: Trust, at: Date, rule: RevocationRule): Promise<ChainResult> {
  if (trust.anchors.length === 0) return { ok: false, error: 'no trust anchor was given.', revocationChecked: false };
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: trust.anchors,
      // pkijs validates the path of the *last* certificate given: the signer's goes last.
      certs: [...certs.filter((x) => x !== leaf), leaf],
      checkDate: at,
    });
    const r = await engine.verify();
    if (!r.result) return { ok: false, error: r.resultMessage || 'the chain does not lead to a trust anchor.', revocationChecked: false };
    const path = r.certificatePath ?? [];
    if (path[0] !== leaf) return { ok: false, error: 'the chain found does not start at the signer certificate.', revocationChecked: false };
    return await checkRevocation(path, trust, rule);
  } catch (e) {
    return { ok: false, error: errText(e), revocationChecked: false };
  }
}

/**
 * Checks each certificate of a validated path (signer first, anchor last) against the CRLs given that its issuer in
 * the path signed. pkijs's chain engine, given CRLs, did not report a CRL-listed end-entity certificate as revoked, so
 * this is ours. An entry with reason removeFromCRL (a delta CRL's release of a hold) is not a revocation.
 */
async function checkRevocation(path: pkijs.Certificate[], trust: Trust, rule: RevocationRule): Promise<ChainResult> {
  if (trust.crls.length === 0) return { ok: true, revocationChecked: false };
  let everyCovered = true;
  for (let i = 0; i < path.length - 1; i++) {
    const cert = path[i]!;
    const issuer = path[i + 1]!;
    let covered = false;
    for (const crl of trust.crls) {
      if (!crl.issuer.isEqual(cert.issuer)) continue;
      if (!(await crl.verify({ issuerCertificate: issuer }).catch(() => false))) continue;
      const entry = crl.revokedCertificates?.find((e) => e.userCertificate.isEqual(cert.serialNumber) && !isRemoveFromCrl(e));
      if (entry && entry.revocationDate.value <= rule.revokedBy) {
        return { ok: false, error: `the certificate of ${nameToString(cert.subject)} was revoked on ${entry.revocationDate.value.toISOString()}.`, revocationChecked: true };
      }
      const current = (!crl.nextUpdate || crl.nextUpdate.value >= rule.now) && (!rule.issuedAfter || crl.thisUpdate.value >= rule.issuedAfter);
      if (current) covered = true;
    }
    if (!covered) everyCovered = false;
  }
  return { ok: true, revocationChecked: everyCovered };
}

function isRemoveFromCrl(entry: pkijs.RevokedCertificate): boolean {
  const reason = entry.crlEntryExtensions?.extensions.find((x) => x.extnID === '2.5.29.21');
  return (reason?.parsedValue as asn1js.Enumerated | undefined)?.valueBlock.valueDec === 8;
}

function findSigner(si: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | undefined {
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    return certs.find((x) => x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer));
  }
  const ski = Buffer.from((si.sid as asn1js.OctetString).valueBlock.valueHexView);
  return certs.find((x) => {
    const ext = x.extensions?.find((e) => e.extnID === '2.5.29.14');
    return ext && Buffer.from((ext.parsedValue as asn1js.OctetString).valueBlock.valueHexView).equals(ski);
  });
}

const RDN: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'G',
  '2.5.4.5': 'serialNumber',
  '2.5.4.7': 'L',
};

function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues.map((tv) => `${RDN[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');
}

function nameField(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  const v = name.typesAndValues.find((tv) => tv.type === oid);
  return v ? String(v.value.valueBlock.value) : undefined;
}

function summarize(cert: pkijs.Certificate): CertificateSummary {
  const cn = nameField(cert.subject, '2.5.4.3');
  const ssn = nameField(cert.subject, '2.5.4.5');
  return {
    subject: nameToString(cert.subject),
    ...(cn ? { commonName: cn } : {}),
    ...(ssn ? { ssn } : {}),
    issuer: nameToString(cert.issuer),
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}

/** D:YYYYMMDDHHmmSS+HH'mm' (parts optional). */
export function parsePdfDate(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(s);
  if (!m) return undefined;
  const [y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz, th = '00', tm = '00'] = m.slice(1);
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${se}${!tz || tz === 'Z' || tz === 'z' ? 'Z' : `${tz}${th}:${tm}`}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function errText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
