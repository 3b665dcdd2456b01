import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, webcrypto, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PkiManifest } from '../pki/createPki';
import { importPkcs8Pem, setupCrypto, fromPem, type CryptoKey } from '../pki/crypto';
import { oids } from '../pki/extensions';

const OID = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

const digestLength: Record<string, number> = { [OID.sha256]: 32, [OID.sha384]: 48, [OID.sha512]: 64 };

/** PKIFailureInfo bits (RFC 3161). */
const failure = { badAlg: 0, badRequest: 2, badDataFormat: 5 };

/** RFC 3161 time-stamping authority: application/timestamp-query in, application/timestamp-reply out. */
export class Tsa {
  private serial = BigInt(Date.now()) * 1000n;

  private constructor(
    private readonly cert: pkijs.Certificate,
    private readonly certDer: Buffer,
    private readonly key: CryptoKey,
  ) {}

  static async load(pki: PkiManifest): Promise<Tsa> {
    setupCrypto();
    const der = fromPem(await readFile(join(pki.dir, pki.tsa.certFile), 'utf8'));
    const cert = pkijs.Certificate.fromBER(der);
    const key = await importPkcs8Pem(await readFile(join(pki.dir, pki.tsa.keyFile), 'utf8'));
    return new Tsa(cert, der, key);
  }

  async respond(query: Buffer): Promise<Buffer> {
    let req: pkijs.TimeStampReq;
    try {
      req = pkijs.TimeStampReq.fromBER(new Uint8Array(query));
    } catch {
      return this.rejection(failure.badDataFormat, 'The time-stamp query could not be parsed.');
    }
    const alg = req.messageImprint.hashAlgorithm.algorithmId;
    const expected = digestLength[alg];
    if (!expected) return this.rejection(failure.badAlg, `Unsupported hash algorithm ${alg}.`);
    if (req.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== expected) {
      return this.rejection(failure.badDataFormat, 'The message imprint has the wrong length.');
    }
    if (req.reqPolicy && req.reqPolicy !== oids.sandboxPolicyTsa) {
      return this.rejection(7 /* unacceptedPolicy */, 'Unknown policy.');
    }
    this.serial += 1n;
    const genTime = new Date();
    genTime.setMilliseconds(0);
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy: oids.sandboxPolicyTsa,
      messageImprint: req.messageImprint,
      serialNumber: new asn1js.Integer({ valueHex: bigintBytes(this.serial) }),
      genTime,
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ordering: false,
      ...(req.nonce ? { nonce: req.nonce } : {}),
    });
    const tstDer = tstInfo.toSchema().toBER(false);
    const certHash = createHash('sha256').update(this.certDer).digest();
    const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', tstDer));
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } ; ESSCertIDv2 with the default SHA-256 omitted.
    const essCertIdV2 = new asn1js.Sequence({
      value: [
        new asn1js.OctetString({ valueHex: certHash }),
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [this.cert.issuer.toSchema()] })],
            }),
            this.cert.serialNumber,
          ],
        }),
      ],
    });
    const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
    const signedData = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: OID.tstInfo,
        eContent: new asn1js.OctetString({ valueHex: tstDer }),
      }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: this.cert.issuer, serialNumber: this.cert.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
              new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: genTime })] }),
              new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
              new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
            ],
          }),
        }),
      ],
      certificates: req.certReq ? [this.cert] : undefined,
    });
    await signedData.sign(this.key, 0, 'SHA-256');
    const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    const resp = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: token,
    });
    return Buffer.from(resp.toSchema().toBER(false));
  }

  private rejection(bit: number, text: string): Buffer {
    const bits = new Uint8Array(4);
    bits[bit >> 3] = bits[bit >> 3]! | (0x80 >> (bit & 7));
    const used = Math.floor(bit / 8) + 1;
    const status = new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      statusStrings: [new asn1js.Utf8String({ value: text })],
      failInfo: new asn1js.BitString({ valueHex: bits.slice(0, used), unusedBits: 7 - (bit & 7) }),
    });
    return Buffer.from(new pkijs.TimeStampResp({ status }).toSchema().toBER(false));
  }
}

function bigintBytes(n: bigint): Uint8Array {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = '00' + hex;
  return Buffer.from(hex, 'hex');
}

export function randomNonce(): Buffer {
  return randomBytes(8);
}
