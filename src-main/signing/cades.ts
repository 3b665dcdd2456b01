import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CmsSigner } from './CmsSigner';
import { toArrayBuffer } from './pkiSetup';

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
  /** For B-T: gets the signature value, returns a TimeStampToken (DER) over it; null: no timestamp (B-B). */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer | null>;
}

/**
 * A detached CAdES signature (CMS SignedData, eContentType id-data, no eContent) with the signed attributes
 * content-type, message-digest and signing-certificate-v2 (no signing-time), DER-sorted as a SET; the signer signs the
 * DER of that SET, and exactly those bytes (tag aside) go into the SignerInfo. Certificates: the signer's and its
 * chain, as given (never re-encoded). With `timestamp`: a signature-time-stamp unsigned attribute over the signature
 * value (level B-T), the token as the TSA sent it.
 *
 * The parts are encoded with asn1js / pkijs; what depends only on the signer (certificates, sid, signing-certificate-v2)
 * is encoded once per signer and kept, so a signature costs a few small encodings besides the signer's own work.
 */
export async function createCadesSignature(options: CadesOptions): Promise<Buffer> {
  const { signer } = options;
  const m = signerMaterial(signer);
  // Attribute { message-digest, SET { OCTET STRING digest } }: the type encoded once (asn1js), the digest wrapped here.
  const messageDigest = tlv(0x30, [OID_DER.messageDigest, tlv(0x31, [tlv(0x04, [options.contentDigest])])]);
  // DER: a SET OF is sorted by the encodings of its elements.
  const attributes = [m.contentTypeAttribute, messageDigest, m.signingCertificateAttribute].sort(Buffer.compare);
  const signedAttrsSet = tlv(0x31, attributes);

  const signatureValue = await signer.sign(signedAttrsSet);

  let unsignedAttrs: Buffer | undefined;
  const token = options.timestamp ? await options.timestamp(signatureValue) : null;
  if (token) {
    const tokenAsn = asn1js.fromBER(toArrayBuffer(token));
    if (tokenAsn.offset === -1) throw new TypeError('The timestamp token is not DER.');
    // [1] IMPLICIT SET OF Attribute { signature-time-stamp, SET { TimeStampToken } }
    unsignedAttrs = tlv(0xa1, [tlv(0x30, [OID_DER.signatureTimeStampToken, tlv(0x31, [token])])]);
  }
  const signerInfo = tlv(0x30, [
    INTEGER_1,
    m.sid,
    m.digestAlgorithm,
    tlv(0xa0, attributes), // [0] IMPLICIT: the SET that was signed
    m.signatureAlgorithm,
    tlv(0x04, [signatureValue]),
    ...(unsignedAttrs ? [unsignedAttrs] : []),
  ]);
  const signedData = tlv(0x30, [INTEGER_1, tlv(0x31, [m.digestAlgorithm]), m.encapContentInfo, m.certificates, tlv(0x31, [signerInfo])]);
  return tlv(0x30, [OID_DER.signedData, tlv(0xa0, [signedData])]);
}

interface SignerMaterial {
  chain: readonly Buffer[];
  algorithm: CmsSigner['algorithm'];
  /** [0] IMPLICIT CertificateSet: the signer's certificate and its chain, DER as given. */
  certificates: Buffer;
  /** IssuerAndSerialNumber. */
  sid: Buffer;
  digestAlgorithm: Buffer;
  signatureAlgorithm: Buffer;
  encapContentInfo: Buffer;
  contentTypeAttribute: Buffer;
  signingCertificateAttribute: Buffer;
}

const INTEGER_1 = Buffer.from([0x02, 0x01, 0x01]);
/** The OIDs that each signature wraps around its own values, DER. */
const OID_DER = {
  messageDigest: oidDer(OID.messageDigest),
  signatureTimeStampToken: oidDer(OID.signatureTimeStampToken),
  signedData: oidDer(OID.signedData),
};
const materials = new WeakMap<Buffer, SignerMaterial>();

/** What depends only on the signer, encoded once per signer certificate (and chain, and algorithm). */
function signerMaterial(signer: CmsSigner): SignerMaterial {
  const chain = signer.chain ?? [];
  const known = materials.get(signer.certificate);
  if (known && known.algorithm === signer.algorithm && known.chain.length === chain.length && known.chain.every((c, i) => c.equals(chain[i]!))) {
    return known;
  }
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(signer.certificate));
  const others = chain.filter((c) => !c.equals(signer.certificate));
  const der = (o: { toSchema(): asn1js.BaseBlock }) => Buffer.from(o.toSchema().toBER(false));
  const material: SignerMaterial = {
    chain: [...chain],
    algorithm: signer.algorithm,
    certificates: tlv(0xa0, [signer.certificate, ...others]),
    sid: der(new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber })),
    digestAlgorithm: der(new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })),
    signatureAlgorithm: der(
      signer.algorithm === 'ECDSA-SHA256'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    ),
    encapContentInfo: der(new pkijs.EncapsulatedContentInfo({ eContentType: OID.data })),
    contentTypeAttribute: attributeDer(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    signingCertificateAttribute: attributeDer(OID.signingCertificateV2, signingCertificateV2(cert, signer.certificate)),
  };
  materials.set(signer.certificate, material);
  return material;
}

function attributeDer(type: string, value: asn1js.BaseBlock): Buffer {
  return Buffer.from(new pkijs.Attribute({ type, values: [value] }).toSchema().toBER(false));
}

function oidDer(oid: string): Buffer {
  return Buffer.from(new asn1js.ObjectIdentifier({ value: oid }).toBER(false));
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

/** A DER TLV of `tag` around the concatenated `contents`. */
function tlv(tag: number, contents: readonly Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
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
