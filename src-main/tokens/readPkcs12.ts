import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Pkcs12InvalidError, WrongPasswordError } from '../../src-shared/tokens/errors';
import { setupTokenCrypto } from './setupTokenCrypto';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

export interface Pkcs12Contents {
  privateKey: KeyObject;
  /** The certificate that matches the private key. */
  certificate: Buffer;
  /** The other certificates of the file. */
  others: Buffer[];
}

/**
 * Opens a PKCS#12 file with pkijs: MAC checked with the password (a wrong password fails here: WrongPasswordError),
 * PBES2 / PKCS#12 PBE bags decrypted, the key matched to its certificate by public key.
 * The password is used as bytes and those bytes are zero-filled after; nothing of it is kept.
 */
export async function readPkcs12(file: Uint8Array, password: Buffer): Promise<Pkcs12Contents> {
  setupTokenCrypto();
  const passwordBytes = new Uint8Array(password).buffer;
  try {
    const asn = asn1js.fromBER(new Uint8Array(file));
    if (asn.offset === -1) throw new Pkcs12InvalidError('This file is not a PKCS#12 file.', { reason: 'notDer' });
    let pfx: pkijs.PFX;
    try {
      pfx = new pkijs.PFX({ schema: asn.result });
    } catch {
      throw new Pkcs12InvalidError('This file is not a PKCS#12 file.', { reason: 'notPfx' });
    }
    try {
      await pfx.parseInternalValues({ password: passwordBytes, checkIntegrity: true });
    } catch (error) {
      if (/integrity/i.test(error instanceof Error ? error.message : '')) throw new WrongPasswordError('The password does not open this file.');
      throw new Pkcs12InvalidError('The PKCS#12 file cannot be read.', { reason: 'unsupported' });
    }
    const authenticatedSafe = pfx.parsedValue?.authenticatedSafe;
    if (!authenticatedSafe) throw new Pkcs12InvalidError('The PKCS#12 file is empty.', { reason: 'empty' });
    try {
      await authenticatedSafe.parseInternalValues({
        safeContents: authenticatedSafe.safeContents.map(() => ({ password: passwordBytes })),
      });
    } catch {
      throw new WrongPasswordError('The password does not open this file.');
    }
    const keys: KeyObject[] = [];
    const certificates: Buffer[] = [];
    for (const contents of authenticatedSafe.parsedValue?.safeContents ?? []) {
      for (const bag of contents.value.safeBags) {
        if (bag.bagId === CERT_BAG) {
          const certBag = bag.bagValue as pkijs.CertBag;
          if (certBag.parsedValue instanceof pkijs.Certificate) certificates.push(Buffer.from(certBag.parsedValue.toSchema().toBER(false)));
        } else if (bag.bagId === SHROUDED_KEY_BAG) {
          const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
          try {
            // Public in practice (PFX calls it on the bags it parses), protected in pkijs's typings.
            await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({
              password: passwordBytes,
            });
          } catch {
            throw new WrongPasswordError('The password does not open this file.');
          }
          if (shrouded.parsedValue) keys.push(toKeyObject(shrouded.parsedValue));
        } else if (bag.bagId === KEY_BAG) {
          keys.push(toKeyObject(bag.bagValue as pkijs.PrivateKeyInfo));
        }
      }
    }
    const privateKey = keys[0];
    if (!privateKey) throw new Pkcs12InvalidError('The PKCS#12 file has no private key.', { reason: 'noKey' });
    const publicDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    const index = certificates.findIndex((der) => publicKeyOf(der).equals(publicDer));
    if (index === -1) throw new Pkcs12InvalidError('No certificate in the file matches its key.', { reason: 'noCertificate' });
    return { privateKey, certificate: certificates[index]!, others: certificates.filter((_, i) => i !== index) };
  } finally {
    new Uint8Array(passwordBytes).fill(0);
    password.fill(0);
  }
}

function toKeyObject(info: pkijs.PrivateKeyInfo): KeyObject {
  return createPrivateKey({ key: Buffer.from(info.toSchema().toBER(false)), format: 'der', type: 'pkcs8' });
}

function publicKeyOf(certificateDer: Buffer): Buffer {
  return new X509Certificate(certificateDer).publicKey.export({ type: 'spki', format: 'der' });
}
