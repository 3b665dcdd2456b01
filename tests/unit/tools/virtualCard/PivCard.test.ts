import { constants, createPrivateKey, publicDecrypt, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newCardState, type CardState } from '../../../../tools/virtual-card/CardState';
import { PivCard, type PivKey } from '../../../../tools/virtual-card/PivCard';
import { readTlvs } from '../../../../tools/virtual-card/tlv';
import { testPki } from '../../../helpers/softhsm/softHsm';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
const sw = (response: Buffer) => response.subarray(-2).toString('hex');
const body = (response: Buffer) => response.subarray(0, -2);
const pinBlock = (pin: string) => {
  const block = Buffer.alloc(8, 0xff);
  block.write(pin, 'latin1');
  return block;
};
const apdu = (head: string, data: Buffer, le: string | null = null) =>
  Buffer.concat([hex(head), Buffer.from([data.length]), data, le === null ? Buffer.alloc(0) : hex(le)]);
const verify = (pin: string) => apdu('00 20 00 80', pinBlock(pin));
const getData = (tag: string, le = '00') => apdu('00 CB 3F FF', Buffer.concat([hex('5C'), Buffer.from([hex(tag).length]), hex(tag)]), le);
/** A GENERAL AUTHENTICATE template around a 256-byte block, as OpenSC sends it. */
const authenticateData = (block: Buffer) => Buffer.concat([hex('7C 82 01 06 82 00 81 82 01 00'), block]);

describe('PivCard (SP 800-73-4 APDU handler)', () => {
  let keys: { auth: PivKey; sign: PivKey };
  let state: CardState;
  let saved: CardState[];
  let card: PivCard;

  /** Sends a command, then GET RESPONSE while the card says 61xx; answers the whole data and the last SW. */
  const exchange = (command: Buffer): { data: Buffer; sw: string } => {
    let response = card.handle(command);
    const parts = [body(response)];
    while (sw(response).startsWith('61')) {
      response = card.handle(Buffer.from([0x00, 0xc0, 0x00, 0x00, response.at(-1)!]));
      parts.push(body(response));
    }
    return { data: Buffer.concat(parts), sw: sw(response) };
  };
  /** A 256-byte block below the modulus (a PKCS#1 v1.5 signature block shape). */
  const block = () => Buffer.concat([hex('00 01'), Buffer.alloc(221, 0xff), hex('00'), Buffer.alloc(32, 0xab)]);

  beforeAll(async () => {
    const pki = await testPki();
    const person = pki.persons['anne-schmit']!;
    const load = (identity: { certFile: string; keyFile: string }): PivKey => ({
      privateKey: createPrivateKey(readFileSync(path.join(pki.dir, identity.keyFile))),
      certificateDer: Buffer.from(new X509Certificate(readFileSync(path.join(pki.dir, identity.certFile))).raw),
    });
    keys = { auth: load(person.auth), sign: load(person.sign) };
  });

  beforeEach(() => {
    state = newCardState();
    saved = [];
    card = new PivCard({ keys: { '9a': keys.auth, '9c': keys.sign }, guid: Buffer.alloc(16, 7), state, onStateChange: (next) => saved.push({ ...next }) });
  });

  it('answers SELECT of the PIV AID, whole or right-truncated, with the application property template', () => {
    for (const aid of ['A0 00 00 03 08 00 00 10 00 01 00', 'A0 00 00 03 08 00 00 10 00']) {
      const { data, sw: status } = exchange(apdu('00 A4 04 00', hex(aid), '00'));
      expect(status).toBe('9000');
      const [template] = readTlvs(data);
      expect(template!.tag).toBe(0x61);
      expect(readTlvs(template!.value).find((item) => item.tag === 0x4f)!.value.toString('hex')).toBe('00001000');
    }
  });

  it('says "not found" to other applications and "not supported" to other instructions and classes', () => {
    expect(sw(card.handle(apdu('00 A4 04 00', hex('D2 76 00 01 24 01'), '00')))).toBe('6a82');
    expect(sw(card.handle(apdu('00 A4 00 0C', hex('3F 00'))))).toBe('6a82');
    expect(sw(card.handle(hex('00 CA DF 30 05')))).toBe('6d00');
    expect(sw(card.handle(hex('80 CA 00 00 00')))).toBe('6e00');
    expect(sw(card.handle(hex('00 A4 04')))).toBe('6700');
    expect(sw(card.handle(hex('00 A4 04 00 05 A0 00')))).toBe('6700');
  });

  it('gives the certificates in 256-byte parts with 61xx, or at once for an extended Le', () => {
    const chained = exchange(getData('5F C1 05'));
    expect(chained.sw).toBe('9000');
    const extended = card.handle(Buffer.concat([hex('00 CB 3F FF 00 00 05 5C 03 5F C1 05'), hex('00 00')]));
    expect(sw(extended)).toBe('9000');
    expect(body(extended)).toEqual(chained.data);
    const [object] = readTlvs(chained.data);
    expect(object!.tag).toBe(0x53);
    const inner = readTlvs(object!.value);
    expect(inner.map((item) => item.tag)).toEqual([0x70, 0x71, 0xfe]);
    expect(inner[0]!.value).toEqual(keys.auth.certificateDer);
    expect(readTlvs(readTlvs(exchange(getData('5F C1 0A')).data)[0]!.value)[0]!.value).toEqual(keys.sign.certificateDer);
    // OpenSC reads the first 8 bytes to learn the length: the rest waits for GET RESPONSE.
    expect(sw(card.handle(getData('5F C1 05', '08')))).toMatch(/^61/);
  });

  it('has a CHUID with the GUID and a discovery object, and no other objects', () => {
    const chuid = readTlvs(readTlvs(exchange(getData('5F C1 02')).data)[0]!.value);
    expect(chuid.find((item) => item.tag === 0x34)!.value).toEqual(Buffer.alloc(16, 7));
    const discovery = exchange(getData('7E'));
    expect(readTlvs(discovery.data)[0]!.tag).toBe(0x7e);
    for (const tag of ['5F C1 0B', '5F C1 01', '5F C1 0C', '5F C1 07']) expect(exchange(getData(tag)).sw).toBe('6a82');
  });

  it('counts wrong PINs down, saving each count before it answers, and blocks at zero', () => {
    expect(sw(card.handle(hex('00 20 00 80')))).toBe('63c3');
    expect(sw(card.handle(verify('000000')))).toBe('63c2');
    expect(saved.at(-1)!.pinTriesLeft).toBe(2);
    expect(sw(card.handle(verify('000000')))).toBe('63c1');
    expect(sw(card.handle(verify('000000')))).toBe('63c0');
    expect(sw(card.handle(hex('00 20 00 80')))).toBe('6983');
    expect(sw(card.handle(verify('123456')))).toBe('6983');
    expect(state.pinTriesLeft).toBe(0);
  });

  it('resets the counter on the right PIN; an empty VERIFY then says verified, P1 FF logs out', () => {
    card.handle(verify('000000'));
    expect(sw(card.handle(verify('123456')))).toBe('9000');
    expect(state.pinTriesLeft).toBe(3);
    expect(sw(card.handle(hex('00 20 00 80')))).toBe('9000');
    expect(sw(card.handle(hex('00 20 FF 80')))).toBe('9000');
    expect(sw(card.handle(hex('00 20 00 80')))).toBe('63c3');
    expect(sw(card.handle(apdu('00 20 00 80', Buffer.from('12345', 'latin1'))))).toBe('6a80');
  });

  it('does the raw RSA operation for 9A once the PIN is verified, with command chaining', () => {
    const whole = authenticateData(block());
    const split = (p2: string) => [apdu(`10 87 07 ${p2}`, whole.subarray(0, 255)), apdu(`00 87 07 ${p2}`, whole.subarray(255), '00')];
    const [first, last] = split('9A');
    expect(sw(card.handle(first!))).toBe('9000');
    expect(sw(card.handle(last!))).toBe('6982');
    card.handle(verify('123456'));
    card.handle(first!);
    const { data, sw: status } = exchange(last!);
    expect(status).toBe('9000');
    const response = readTlvs(readTlvs(data)[0]!.value).find((item) => item.tag === 0x82)!.value;
    const publicKey = new X509Certificate(keys.auth.certificateDer).publicKey;
    expect(publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, response)).toEqual(block());
  });

  it('wants a VERIFY before each use of the PIN-always key 9C', () => {
    const command = Buffer.concat([hex('00 87 07 9C 00'), Buffer.from([0x01, 0x0a]), authenticateData(block()), hex('00 00')]);
    card.handle(verify('123456'));
    expect(sw(card.handle(command))).toBe('9000');
    expect(sw(card.handle(command))).toBe('6982');
    card.handle(verify('123456'));
    expect(sw(card.handle(command))).toBe('9000');
    card.reset();
    card.handle(verify('123456'));
    card.handle(verify('000000'));
    expect(sw(card.handle(command))).toBe('6982');
  });

  it('unblocks with the PUK (RESET RETRY COUNTER), which has its own counter', () => {
    for (let i = 0; i < 3; i++) card.handle(verify('000000'));
    expect(sw(card.handle(apdu('00 2C 00 80', Buffer.concat([pinBlock('87654321'), pinBlock('654321')]))))).toBe('63c2');
    expect(state.pukTriesLeft).toBe(2);
    expect(sw(card.handle(apdu('00 2C 00 80', Buffer.concat([pinBlock('12345678'), pinBlock('654321')]))))).toBe('9000');
    expect(state).toMatchObject({ pin: '654321', pinTriesLeft: 3, pukTriesLeft: 3 });
    expect(sw(card.handle(verify('654321')))).toBe('9000');
  });

  it('changes the PIN with the old one (CHANGE REFERENCE DATA), a wrong old one costing a try', () => {
    expect(sw(card.handle(apdu('00 24 00 80', Buffer.concat([pinBlock('000000'), pinBlock('111111')]))))).toBe('63c2');
    expect(sw(card.handle(apdu('00 24 00 80', Buffer.concat([pinBlock('123456'), pinBlock('111111')]))))).toBe('9000');
    expect(state).toMatchObject({ pin: '111111', pinTriesLeft: 3 });
    expect(sw(card.handle(apdu('00 24 00 81', Buffer.concat([pinBlock('12345678'), pinBlock('87654321')]))))).toBe('9000');
    expect(state.puk).toBe('87654321');
  });

  it('forgets the security status on reset, not the counters', () => {
    card.handle(verify('000000'));
    card.handle(verify('123456'));
    card.handle(verify('000000'));
    card.reset();
    expect(sw(card.handle(hex('00 20 00 80')))).toBe('63c2');
  });
});
