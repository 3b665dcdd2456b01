import { constants, privateDecrypt, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { CardState } from './CardState';
import { parseApdu, type CommandApdu } from './parseApdu';
import { PIV_AID, PIV_SLOTS, CHUID_TAG, DISCOVERY_TAG, applicationPropertyTemplate, certificateObject, chuid, discoveryObject, type PivSlot } from './pivObjects';
import { SW } from './statusWords';
import { readTlvs, tlv } from './tlv';

export interface PivKey {
  /** An RSA 2048 private key: the card does the raw RSA operation, OpenSC pads. */
  privateKey: KeyObject;
  certificateDer: Buffer;
}

export interface PivCardOptions {
  keys: Partial<Record<PivSlot, PivKey>>;
  /** 16 bytes: the CHUID's GUID, which OpenSC shows as the token's serial number. */
  guid: Buffer;
  state: CardState;
  /** Called with the new state before the answer that follows a change leaves the card. */
  onStateChange?: (state: CardState) => void;
}

const INS = {
  SELECT: 0xa4,
  GET_DATA: 0xcb,
  VERIFY: 0x20,
  CHANGE_REFERENCE_DATA: 0x24,
  RESET_RETRY_COUNTER: 0x2c,
  GENERAL_AUTHENTICATE: 0x87,
  GET_RESPONSE: 0xc0,
} as const;

const PIV_PIN = 0x80;
const PIV_PUK = 0x81;
/** RSA 2048 in SP 800-78-4 table 6-2. */
const ALG_RSA_2048 = 0x07;

interface Reply {
  sw: number;
  data?: Buffer;
}

/**
 * A PIV card application (NIST SP 800-73-4 part 2) as one APDU handler: bytes in, bytes out, no I/O. Keeps the
 * security status of one power cycle (PIN verified, and the one-shot right to use the PIN-always key 9C), the
 * pending parts of chained commands and responses; the PIN/PUK and their counters live in `state`.
 */
export class PivCard {
  private readonly options: PivCardOptions;
  private pinVerified = false;
  /** Key 9C is "PIN always": each use needs a VERIFY of its own since the last use. */
  private signatureAllowed = false;
  private chain: { ins: number; p1: number; p2: number; parts: Buffer[] } | null = null;
  private pendingResponse: Buffer | null = null;

  constructor(options: PivCardOptions) {
    for (const [slot, key] of Object.entries(options.keys)) {
      const details = key.privateKey.asymmetricKeyDetails;
      if (key.privateKey.asymmetricKeyType !== 'rsa' || details?.modulusLength !== 2048) throw new Error(`slot ${slot}: only RSA 2048 keys are supported`);
    }
    if (options.guid.length !== 16) throw new Error('the GUID has 16 bytes');
    this.options = options;
  }

  get state(): Readonly<CardState> {
    return this.options.state;
  }

  get isPinVerified(): boolean {
    return this.pinVerified;
  }

  /** Power off, power on or warm reset: the security status and any half-done exchange are gone, the counters stay. */
  reset(): void {
    this.pinVerified = false;
    this.signatureAllowed = false;
    this.chain = null;
    this.pendingResponse = null;
  }

  /** One command APDU in, its response APDU (data || SW1 SW2) out. */
  handle(raw: Uint8Array): Buffer {
    const apdu = parseApdu(raw);
    if (!apdu) return this.respond(null, { sw: SW.WRONG_LENGTH });
    if ((apdu.cla & ~0x10) !== 0x00) return this.respond(apdu, { sw: SW.CLA_NOT_SUPPORTED });
    if (apdu.ins === INS.GET_RESPONSE) return this.getResponse(apdu);
    this.pendingResponse = null;
    const command = this.unchain(apdu);
    if (!command) return this.respond(apdu, { sw: SW.OK });
    return this.respond(command, this.dispatch(command));
  }

  /** Command chaining (ISO 7816-4, 5.1.1.1): parts with CLA bit 0x10 are kept until the last one comes. */
  private unchain(apdu: CommandApdu): CommandApdu | null {
    const chained = (apdu.cla & 0x10) !== 0;
    const sameCommand = this.chain && this.chain.ins === apdu.ins && this.chain.p1 === apdu.p1 && this.chain.p2 === apdu.p2;
    if (!sameCommand) this.chain = null;
    if (chained) {
      if (!this.chain) this.chain = { ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, parts: [] };
      this.chain.parts.push(Buffer.from(apdu.data));
      return null;
    }
    if (!this.chain) return apdu;
    const data = Buffer.concat([...this.chain.parts, apdu.data]);
    this.chain = null;
    return { ...apdu, data };
  }

  private dispatch(apdu: CommandApdu): Reply {
    switch (apdu.ins) {
      case INS.SELECT:
        return this.select(apdu);
      case INS.GET_DATA:
        return this.getData(apdu);
      case INS.VERIFY:
        return this.verify(apdu);
      case INS.CHANGE_REFERENCE_DATA:
        return this.changeReferenceData(apdu);
      case INS.RESET_RETRY_COUNTER:
        return this.resetRetryCounter(apdu);
      case INS.GENERAL_AUTHENTICATE:
        return this.generalAuthenticate(apdu);
      default:
        return { sw: SW.INS_NOT_SUPPORTED };
    }
  }

  /** SELECT by AID, the full one or a right-truncated one (OpenSC sends the first 9 bytes); anything else is not here. */
  private select(apdu: CommandApdu): Reply {
    const aid = apdu.data;
    const isPiv = apdu.p1 === 0x04 && aid.length >= 5 && aid.length <= PIV_AID.length && PIV_AID.subarray(0, aid.length).equals(aid);
    if (!isPiv) return { sw: SW.NOT_FOUND };
    return { sw: SW.OK, data: applicationPropertyTemplate() };
  }

  private getData(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x3f || apdu.p2 !== 0xff) return { sw: SW.WRONG_P1P2 };
    let tag: number;
    try {
      const [list] = readTlvs(apdu.data);
      if (!list || list.tag !== 0x5c || list.value.length < 1 || list.value.length > 3) return { sw: SW.WRONG_DATA };
      tag = list.value.readUIntBE(0, list.value.length);
    } catch {
      return { sw: SW.WRONG_DATA };
    }
    const object = this.dataObject(tag);
    return object ? { sw: SW.OK, data: object } : { sw: SW.NOT_FOUND };
  }

  private dataObject(tag: number): Buffer | null {
    if (tag === DISCOVERY_TAG) return discoveryObject();
    const anyKey = Object.values(this.options.keys)[0];
    if (tag === CHUID_TAG && anyKey) return chuid(this.options.guid, anyKey.certificateDer);
    for (const [slot, info] of Object.entries(PIV_SLOTS)) {
      const key = this.options.keys[slot as PivSlot];
      if (info.objectTag === tag && key) return certificateObject(key.certificateDer);
    }
    return null;
  }

  private verify(apdu: CommandApdu): Reply {
    if (apdu.p2 !== PIV_PIN) return { sw: SW.REFERENCE_NOT_FOUND };
    // P1 FF: log out (part 2, 3.2.1), leaving the counter alone.
    if (apdu.p1 === 0xff) {
      if (apdu.data.length !== 0) return { sw: SW.WRONG_DATA };
      this.pinVerified = false;
      this.signatureAllowed = false;
      return { sw: SW.OK };
    }
    if (apdu.p1 !== 0x00) return { sw: SW.WRONG_P1P2 };
    const state = this.options.state;
    // No data: the status query OpenSC uses for the token's PIN flags.
    if (apdu.data.length === 0) {
      if (this.pinVerified) return { sw: SW.OK };
      return { sw: state.pinTriesLeft === 0 ? SW.AUTH_BLOCKED : SW.triesLeft(state.pinTriesLeft) };
    }
    if (!isPaddedPin(apdu.data)) return { sw: SW.WRONG_DATA };
    if (state.pinTriesLeft === 0) return { sw: SW.AUTH_BLOCKED };
    if (!matches(apdu.data, state.pin)) {
      this.pinVerified = false;
      this.signatureAllowed = false;
      this.update({ pinTriesLeft: state.pinTriesLeft - 1 });
      return { sw: SW.triesLeft(this.options.state.pinTriesLeft) };
    }
    if (state.pinTriesLeft !== state.pinMaxTries) this.update({ pinTriesLeft: state.pinMaxTries });
    this.pinVerified = true;
    this.signatureAllowed = true;
    return { sw: SW.OK };
  }

  /** Old || new, 8 bytes each, for the PIN (80) or the PUK (81). A wrong old value costs a try like VERIFY. */
  private changeReferenceData(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x00) return { sw: SW.WRONG_P1P2 };
    if (apdu.p2 !== PIV_PIN && apdu.p2 !== PIV_PUK) return { sw: SW.REFERENCE_NOT_FOUND };
    if (apdu.data.length !== 16) return { sw: SW.WRONG_LENGTH };
    const oldValue = apdu.data.subarray(0, 8);
    const newValue = apdu.data.subarray(8);
    if (!isPaddedPin(oldValue) || !isPaddedPin(newValue)) return { sw: SW.WRONG_DATA };
    const isPin = apdu.p2 === PIV_PIN;
    const state = this.options.state;
    const tries = isPin ? state.pinTriesLeft : state.pukTriesLeft;
    if (tries === 0) return { sw: SW.AUTH_BLOCKED };
    if (!matches(oldValue, isPin ? state.pin : state.puk)) {
      if (isPin) {
        this.pinVerified = false;
        this.signatureAllowed = false;
      }
      this.update(isPin ? { pinTriesLeft: tries - 1 } : { pukTriesLeft: tries - 1 });
      return { sw: SW.triesLeft(tries - 1) };
    }
    const value = unpad(newValue);
    this.update(isPin ? { pin: value, pinTriesLeft: state.pinMaxTries } : { puk: value, pukTriesLeft: state.pukMaxTries });
    return { sw: SW.OK };
  }

  /** PUK || new PIN: unblocks the PIN (part 2, 3.2.3). A wrong PUK costs a PUK try. */
  private resetRetryCounter(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x00) return { sw: SW.WRONG_P1P2 };
    if (apdu.p2 !== PIV_PIN) return { sw: SW.REFERENCE_NOT_FOUND };
    if (apdu.data.length !== 16) return { sw: SW.WRONG_LENGTH };
    const puk = apdu.data.subarray(0, 8);
    const newPin = apdu.data.subarray(8);
    if (!isPaddedPin(puk) || !isPaddedPin(newPin)) return { sw: SW.WRONG_DATA };
    const state = this.options.state;
    if (state.pukTriesLeft === 0) return { sw: SW.AUTH_BLOCKED };
    if (!matches(puk, state.puk)) {
      this.update({ pukTriesLeft: state.pukTriesLeft - 1 });
      return { sw: SW.triesLeft(this.options.state.pukTriesLeft) };
    }
    this.update({ pin: unpad(newPin), pinTriesLeft: state.pinMaxTries, pukTriesLeft: state.pukMaxTries });
    this.pinVerified = false;
    this.signatureAllowed = false;
    return { sw: SW.OK };
  }

  /**
   * 7C { 82 00, 81 challenge } -> 7C { 82 response }: the raw RSA private operation on the block OpenSC padded
   * (a PKCS#1 v1.5 signature block, or a ciphertext for the key management key).
   */
  private generalAuthenticate(apdu: CommandApdu): Reply {
    const slot = Object.keys(PIV_SLOTS).find((name) => PIV_SLOTS[name as PivSlot].keyRef === apdu.p2) as PivSlot | undefined;
    const key = slot ? this.options.keys[slot] : undefined;
    if (!slot || !key) return { sw: SW.REFERENCE_NOT_FOUND };
    if (apdu.p1 !== ALG_RSA_2048) return { sw: SW.WRONG_P1P2 };
    let challenge: Buffer | undefined;
    let wantsResponse = false;
    try {
      const [template] = readTlvs(apdu.data);
      if (!template || template.tag !== 0x7c) return { sw: SW.WRONG_DATA };
      for (const item of readTlvs(template.value)) {
        if (item.tag === 0x81) challenge = item.value;
        if (item.tag === 0x82 && item.value.length === 0) wantsResponse = true;
      }
    } catch {
      return { sw: SW.WRONG_DATA };
    }
    if (!challenge || !wantsResponse || challenge.length !== 256) return { sw: SW.WRONG_DATA };
    // Card authentication (9E) needs no PIN; 9A and 9D need it once a session; 9C needs a VERIFY before each use.
    if (slot === '9c') {
      const allowed = this.signatureAllowed;
      this.signatureAllowed = false;
      if (!allowed) return { sw: SW.SECURITY_NOT_SATISFIED };
    } else if (slot !== '9e' && !this.pinVerified) {
      return { sw: SW.SECURITY_NOT_SATISFIED };
    }
    let result: Buffer;
    try {
      result = privateDecrypt({ key: key.privateKey, padding: constants.RSA_NO_PADDING }, challenge);
    } catch {
      // The block is not below the modulus.
      return { sw: SW.WRONG_DATA };
    }
    return { sw: SW.OK, data: tlv(0x7c, tlv(0x82, result)) };
  }

  private getResponse(apdu: CommandApdu): Buffer {
    const pending = this.pendingResponse;
    this.pendingResponse = null;
    if (!pending) return swBytes(SW.CONDITIONS_NOT_SATISFIED);
    return this.respond(apdu, { sw: SW.OK, data: pending });
  }

  /** Sends what fits in the reader's Le (256 for a short Le of 00) and keeps the rest for GET RESPONSE (61xx). */
  private respond(apdu: CommandApdu | null, reply: Reply): Buffer {
    const data = reply.data ?? Buffer.alloc(0);
    const room = apdu?.le ?? (apdu?.extended ? 65536 : 256);
    if (data.length <= room) return Buffer.concat([data, swBytes(reply.sw)]);
    const rest = data.subarray(room);
    this.pendingResponse = Buffer.from(rest);
    return Buffer.concat([data.subarray(0, room), swBytes(SW.moreData(rest.length))]);
  }

  private update(change: Partial<CardState>): void {
    Object.assign(this.options.state, change);
    this.options.onStateChange?.(this.options.state);
  }
}

function swBytes(sw: number): Buffer {
  return Buffer.from([sw >> 8, sw & 0xff]);
}

/** PIV PINs are 6 to 8 digits padded to 8 bytes with FF (part 2, 3.2.1); the PUK is 8 digits. */
function isPaddedPin(value: Buffer): boolean {
  if (value.length !== 8) return false;
  const digits = unpad(value);
  return digits.length >= 6 && /^[0-9]+$/.test(digits) && value.subarray(digits.length).every((b) => b === 0xff);
}

function unpad(value: Buffer): string {
  const end = value.indexOf(0xff);
  return value.subarray(0, end === -1 ? value.length : end).toString('latin1');
}

function matches(padded: Buffer, reference: string): boolean {
  const expected = Buffer.alloc(8, 0xff);
  expected.write(reference, 'latin1');
  return timingSafeEqual(padded, expected);
}
