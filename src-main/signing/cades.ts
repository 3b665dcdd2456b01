import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CmsSigner } from './CmsSigner';
import { setupPkijs, toArrayBuffer } from './pkiSetup';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export interface CadesOptions {
  /** SHA-256 of the signed content (for PAdES: of the /ByteRange parts). */
  contentDigest: Buffer;
  signer: CmsSigner;
  /** For B-T: gets the signature value, returns a TimeStampToken (DER) over it. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
}

/**
 * A detached CAdES signature (CMS SignedData, eContentType id-data, no eContent) with the signed attributes
 * content-type, message-digest and signing-certificate-v2 (no signing-time), DER-sorted as a SET; the signer signs the
 * DER of that SET. Certificates: the signer's and its chain. With `timestamp`: a signature-time-stamp unsigned
 * attribute over the signature value (level B-T).
 */
export async function createCadesSignature(options: CadesOptions): Promise<Buffer> {
  setupPkijs();
  const { signer } = options;
  const cert = parseCert(signer.certificate);
  const chain = (signer.chain ?? []).filter((c) => !c.equals(signer.certificate)).map(parseCert);

  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(options.contentDigest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert, signer.certificate)] }),
  ];
  // DER: a SET OF is sorted by the encodings of its elements.
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  encoded.sort((x, y) => Buffer.compare(x.der, y.der));
  const signedAttrsSet = derSet(encoded.map((e) => e.der));

  const signatureValue = await signer.sign(signedAttrsSet);

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: encoded.map((e) => e.a) });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm:
      signer.algorithm === 'ECDSA-SHA256'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signatureValue) }),
  });
  if (options.timestamp) {
    const token = await options.timestamp(signatureValue);
    const tokenAsn = asn1js.fromBER(toArrayBuffer(token));
    if (tokenAsn.offset === -1) throw new TypeError('The timestamp token is not DER.');
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [tokenAsn.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  const der = Buffer.from(contentInfo.toSchema().toBER(false));
  assertSignedAttrsEncoding(der, signedAttrsSet);
  return der;
}

const parsed = new WeakMap<Buffer, pkijs.Certificate>();

/** Parsed certificates, kept per signer buffer (a signer signs many documents with the same certificates). */
function parseCert(der: Buffer): pkijs.Certificate {
  let cert = parsed.get(der);
  if (!cert) {
    cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
    parsed.set(der, cert);
  }
  return cert;
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with SHA-256 (the DEFAULT, omitted). */
function signingCertificateV2(cert: pkijs.Certificate, certDer: Buffer): asn1js.Sequence {
  const hash = createHash('sha256').update(certDer).digest();
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: toArrayBuffer(hash) }),
      new asn1js.Sequence({
        value: [
          // GeneralNames: [4] directoryName (EXPLICIT, Name is a CHOICE)
          new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
          cert.serialNumber,
        ],
      }),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function derSet(elements: Buffer[]): Buffer {
  const content = Buffer.concat(elements);
  return Buffer.concat([Buffer.from([0x31]), derLength(content.length), content]);
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** The [0] IMPLICIT signed attributes in the output must be exactly the SET that was signed (tag aside). */
function assertSignedAttrsEncoding(der: Buffer, signedSet: Buffer): void {
  const body = signedSet.subarray(1);
  const at = der.indexOf(Buffer.concat([Buffer.from([0xa0]), body]));
  if (at < 0) throw new Error('The signed attributes were re-encoded differently from what was signed.');
}
