import { X509Certificate } from 'node:crypto';
import { tlv } from './tlv';

/** The PIV application's full AID: NIST RID A0 00 00 03 08, PIX 00 00 10 00 01 00 (SP 800-73-4 part 1, 2.2). */
export const PIV_AID = Buffer.from('a000000308000010000100', 'hex');

/** Key references and the tag of the data object holding each one's certificate (SP 800-73-4 part 1, table 3). */
export const PIV_SLOTS = {
  '9a': { keyRef: 0x9a, objectTag: 0x5fc105, label: 'PIV Authentication' },
  '9c': { keyRef: 0x9c, objectTag: 0x5fc10a, label: 'Digital Signature' },
  '9d': { keyRef: 0x9d, objectTag: 0x5fc10b, label: 'Key Management' },
  '9e': { keyRef: 0x9e, objectTag: 0x5fc101, label: 'Card Authentication' },
} as const;
export type PivSlot = keyof typeof PIV_SLOTS;

export const CHUID_TAG = 0x5fc102;
export const DISCOVERY_TAG = 0x7e;

/** A FASC-N with agency, system and credential codes all 9s: the value SP 800-73-4's examples use for test cards. */
const TEST_FASCN = Buffer.from('d4e739da739ced39ce739d836858210842108421c84210c3eb', 'hex');

/**
 * Application property template, the answer to SELECT (part 2, 3.1.1): the PIX, the coexistent tag allocation
 * authority (NIST), and the algorithms the card offers (RSA 2048 only: the sandbox PKI's keys).
 */
export function applicationPropertyTemplate(): Buffer {
  return tlv(
    0x61,
    tlv(0x4f, PIV_AID.subarray(5, 9)),
    tlv(0x79, tlv(0x4f, PIV_AID.subarray(0, 5))),
    tlv(0x50, Buffer.from('Guichet virtual PIV', 'ascii')),
    tlv(0xac, tlv(0x80, Buffer.from([0x07])), tlv(0x06, Buffer.alloc(0))),
  );
}

/**
 * Card Holder Unique Identifier (part 1, 3.1.2): OpenSC takes the token's serial number from the GUID (tag 34),
 * so each person's card gets its own. The issuer signature (3E) is left empty: nobody checks it on a test card.
 */
export function chuid(guid: Buffer, certificateDer: Buffer): Buffer {
  const notAfter = new Date(new X509Certificate(certificateDer).validTo);
  const expiry = notAfter.toISOString().slice(0, 10).replaceAll('-', '');
  return tlv(0x53, tlv(0x30, TEST_FASCN), tlv(0x34, guid), tlv(0x35, Buffer.from(expiry, 'ascii')), tlv(0x3e, Buffer.alloc(0)), tlv(0xfe, Buffer.alloc(0)));
}

/** A certificate object (part 1, 3.1.5): the DER certificate, CertInfo 00 (not compressed), an empty error detection code. */
export function certificateObject(certificateDer: Buffer): Buffer {
  return tlv(0x53, tlv(0x70, certificateDer), tlv(0x71, Buffer.from([0x00])), tlv(0xfe, Buffer.alloc(0)));
}

/** Discovery object (part 1, 3.3.2): the AID, and a PIN usage policy of "PIV application PIN only" (40 00). */
export function discoveryObject(): Buffer {
  return tlv(DISCOVERY_TAG, tlv(0x4f, PIV_AID), tlv(0x5f2f, Buffer.from([0x40, 0x00])));
}
