import { describe, expect, it } from 'vitest';
import { createHash, createPublicKey, verify, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { createCadesSignature, OID } from '../../../../src-main/signing/cades';
import { createKeySigner } from '../../../../src-main/signing/CmsSigner';
import { signPdf } from '../../../../src-main/signing/signPdf';
import { PDFDocument } from 'pdf-lib';

async function identity() {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: 'CN=Unit Test', keys, signingAlgorithm: alg });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const pem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64')}\n-----END PRIVATE KEY-----\n`;
  return { signer: createKeySigner(pem, Buffer.from(cert.rawData)), certDer: Buffer.from(cert.rawData) };
}

describe('CAdES detached signature', () => {
  it('has exactly content-type, message-digest, signing-certificate-v2, DER-sorted, signed over the SET', async () => {
    const { signer, certDer } = await identity();
    const digest = createHash('sha256').update('content').digest();
    const der = await createCadesSignature({ contentDigest: digest, signer });
    const sd = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(der).buffer).content });
    expect(sd.encapContentInfo.eContentType).toBe(OID.data);
    expect(sd.encapContentInfo.eContent).toBeUndefined();
    const si = sd.signerInfos[0]!;
    const attrs = si.signedAttrs!.attributes;
    expect(attrs.map((a) => a.type).sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    const encodings = attrs.map((a) => Buffer.from(a.toSchema().toBER(false)));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);
    // The signature is over the DER SET of the attributes (the [0] tag replaced by SET).
    const set = Buffer.from(si.signedAttrs!.toSchema().toBER(false));
    set[0] = 0x31;
    const pub = new x509.X509Certificate(certDer).publicKey.rawData;
    const key = createPublicKey({ key: Buffer.from(pub), format: 'der', type: 'spki' });
    expect(verify('sha256', set, key, Buffer.from(si.signature.valueBlock.valueHexView))).toBe(true);
  });

  it('refuses a signature that does not fit the reserved space', async () => {
    const { signer } = await identity();
    const doc = await PDFDocument.create();
    doc.addPage();
    await expect(signPdf(await doc.save(), { signer, contentsSize: 100 })).rejects.toMatchObject({ name: 'PdfSignatureError' });
  });
});
