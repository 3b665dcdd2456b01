import { createHash, privateEncrypt, constants, sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { Pkcs11Binding } from '../../../../src-main/tokens/worker/Pkcs11Binding';
import { ck } from '../../../../src-main/tokens/worker/ck';

/**
 * A PKCS#11 test double behind the same interface as pkcs11js, for what SoftHSM2 cannot do: count down and lock a
 * PIN, lose the card mid-operation, act as a PIN pad, demand a context-specific login. Errors carry the CKR_* name
 * like pkcs11js's ("CKR_PIN_INCORRECT:160").
 */
export interface FakeKey {
  idHex: string;
  label: string;
  key: KeyObject;
  certificateDer: Buffer;
  alwaysAuthenticate?: boolean;
}

export interface FakeToken {
  slotId: number;
  label: string;
  serial: string;
  pin: string;
  retriesLeft: number;
  maxRetries: number;
  pinPad?: boolean;
  /** The middleware refuses an empty PIN (wants NULL_PTR) on its PIN pad. */
  pinPadNeedsNull?: boolean;
  keys: FakeKey[];
  present: boolean;
  /** Called at C_Sign (e.g. to pull the card). */
  onSign?: () => void;
  /** Milliseconds C_Login blocks (a PIN pad waiting for the user). */
  loginDelayMs?: number;
}

class CkError extends Error {
  constructor(name: string) {
    super(`${name}:0`);
  }
}

interface Session {
  slotId: number;
  loggedIn: boolean;
  contextLogin: boolean;
  find: Buffer[] | null;
  signKey: FakeKey | null;
  signMechanism: number;
}

const handle = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};
const num = (b: Buffer) => Number(b.readBigUInt64LE(0));

export class FakePkcs11 {
  readonly tokens: FakeToken[] = [];
  readonly logins: { userType: number; pinLength: number }[] = [];
  initialized = false;
  private readonly sessions = new Map<number, Session>();
  private nextSession = 100;
  private objects = new Map<number, { token: FakeToken; key: FakeKey; kind: 'cert' | 'private' | 'public' }>();

  binding(): Pkcs11Binding {
    return this as unknown as Pkcs11Binding;
  }

  load(): void {}
  close(): void {}
  C_Initialize(): void {
    if (this.initialized) throw new CkError('CKR_CRYPTOKI_ALREADY_INITIALIZED');
    this.initialized = true;
  }
  C_Finalize(): void {
    this.initialized = false;
    this.sessions.clear();
  }
  C_GetInfo() {
    const v = { major: 2, minor: 40 };
    return { cryptokiVersion: v, manufacturerID: 'Fake', flags: 0, libraryDescription: 'PKCS#11 test double', libraryVersion: v };
  }
  C_WaitForSlotEvent(): Buffer | null {
    throw new CkError('CKR_FUNCTION_NOT_SUPPORTED');
  }
  C_GetSlotList(): Buffer[] {
    return this.tokens.map((t) => handle(t.slotId));
  }
  C_GetSlotInfo(slot: Buffer) {
    const token = this.token(num(slot));
    return {
      slotDescription: `Fake reader ${token.slotId}`,
      manufacturerID: 'Fake',
      flags: ck.CKF_REMOVABLE_DEVICE | ck.CKF_HW_SLOT | (token.present ? ck.CKF_TOKEN_PRESENT : 0),
      hardwareVersion: { major: 1, minor: 0 },
      firmwareVersion: { major: 1, minor: 0 },
    };
  }
  C_GetTokenInfo(slot: Buffer) {
    const token = this.present(num(slot));
    const failed = token.maxRetries - token.retriesLeft;
    const flags =
      ck.CKF_TOKEN_INITIALIZED |
      ck.CKF_LOGIN_REQUIRED |
      ck.CKF_USER_PIN_INITIALIZED |
      (token.pinPad ? ck.CKF_PROTECTED_AUTHENTICATION_PATH : 0) |
      (failed > 0 && token.retriesLeft > 0 ? ck.CKF_USER_PIN_COUNT_LOW : 0) |
      (token.retriesLeft === 1 ? ck.CKF_USER_PIN_FINAL_TRY : 0) |
      (token.retriesLeft === 0 ? ck.CKF_USER_PIN_LOCKED : 0);
    return {
      label: token.label.padEnd(32),
      manufacturerID: 'Fake'.padEnd(32),
      model: 'Double'.padEnd(16),
      serialNumber: token.serial.padEnd(16),
      flags,
      maxSessionCount: 0,
      sessionCount: 0,
      maxRwSessionCount: 0,
      rwSessionCount: 0,
      maxPinLen: 8,
      minPinLen: 4,
      hardwareVersion: { major: 1, minor: 0 },
      firmwareVersion: { major: 1, minor: 0 },
      utcTime: '',
      totalPublicMemory: 0,
      freePublicMemory: 0,
      totalPrivateMemory: 0,
      freePrivateMemory: 0,
    };
  }
  C_OpenSession(slot: Buffer): Buffer {
    const token = this.present(num(slot));
    const id = this.nextSession++;
    this.sessions.set(id, { slotId: token.slotId, loggedIn: false, contextLogin: false, find: null, signKey: null, signMechanism: 0 });
    return handle(id);
  }
  C_CloseSession(session: Buffer): void {
    this.sessions.delete(num(session));
  }
  C_Login(session: Buffer, userType: number, pin: string): void {
    const s = this.session(session);
    const token = this.present(s.slotId);
    this.logins.push({ userType, pinLength: pin.length });
    if (token.loginDelayMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, token.loginDelayMs);
    if (token.retriesLeft === 0) throw new CkError('CKR_PIN_LOCKED');
    if (pin === '' && token.pinPad) {
      if (token.pinPadNeedsNull) throw new CkError('CKR_ARGUMENTS_BAD');
    } else if (pin !== token.pin) {
      token.retriesLeft--;
      throw new CkError(token.retriesLeft === 0 ? 'CKR_PIN_LOCKED' : 'CKR_PIN_INCORRECT');
    }
    token.retriesLeft = token.maxRetries;
    if (userType === ck.CKU_CONTEXT_SPECIFIC) {
      if (!s.signKey) throw new CkError('CKR_OPERATION_NOT_INITIALIZED');
      s.contextLogin = true;
    } else {
      s.loggedIn = true;
    }
  }
  C_Logout(session: Buffer): void {
    this.session(session).loggedIn = false;
  }
  C_FindObjectsInit(session: Buffer, template: { type: number; value?: unknown }[]): void {
    const s = this.session(session);
    const token = this.present(s.slotId);
    const cls = template.find((a) => a.type === ck.CKA_CLASS)?.value;
    const id = template.find((a) => a.type === ck.CKA_ID)?.value as Buffer | undefined;
    const found: Buffer[] = [];
    for (const [n, o] of this.indexObjects(token)) {
      const kindClass = o.kind === 'cert' ? ck.CKO_CERTIFICATE : o.kind === 'private' ? ck.CKO_PRIVATE_KEY : ck.CKO_PUBLIC_KEY;
      if (cls !== undefined && cls !== kindClass) continue;
      if (o.kind === 'private' && !s.loggedIn) continue;
      if (id && o.key.idHex !== id.toString('hex')) continue;
      found.push(handle(n));
    }
    s.find = found;
  }
  C_FindObjects(session: Buffer, max = 1): Buffer[] {
    const s = this.session(session);
    return (s.find ?? []).splice(0, max);
  }
  C_FindObjectsFinal(session: Buffer): void {
    this.session(session).find = null;
  }
  C_GetAttributeValue(_session: Buffer, object: Buffer, template: { type: number }[]) {
    const o = this.objects.get(num(object));
    if (!o) throw new CkError('CKR_OBJECT_HANDLE_INVALID');
    return template.map(({ type }) => {
      const ulong = (n: number) => handle(n);
      switch (type) {
        case ck.CKA_ID:
          return { type, value: Buffer.from(o.key.idHex, 'hex') };
        case ck.CKA_LABEL:
          return { type, value: Buffer.from(o.key.label) };
        case ck.CKA_VALUE:
          if (o.kind !== 'cert') throw new CkError('CKR_ATTRIBUTE_SENSITIVE');
          return { type, value: o.key.certificateDer };
        case ck.CKA_KEY_TYPE:
          return { type, value: ulong(o.key.key.asymmetricKeyType === 'ec' ? ck.CKK_EC : ck.CKK_RSA) };
        case ck.CKA_ALWAYS_AUTHENTICATE:
          return { type, value: Buffer.from([o.key.alwaysAuthenticate ? 1 : 0]) };
        default:
          throw new CkError('CKR_ATTRIBUTE_TYPE_INVALID');
      }
    });
  }
  C_SignInit(session: Buffer, mechanism: { mechanism: number }, key: Buffer): void {
    const s = this.session(session);
    if (!s.loggedIn) throw new CkError('CKR_USER_NOT_LOGGED_IN');
    const o = this.objects.get(num(key));
    if (!o || o.kind !== 'private') throw new CkError('CKR_KEY_HANDLE_INVALID');
    s.signKey = o.key;
    s.signMechanism = mechanism.mechanism;
    s.contextLogin = false;
  }
  C_Sign(session: Buffer, data: Buffer): Buffer {
    const s = this.session(session);
    const token = this.token(s.slotId);
    token.onSign?.();
    if (!token.present) throw new CkError('CKR_DEVICE_REMOVED');
    const key = s.signKey;
    if (!key) throw new CkError('CKR_OPERATION_NOT_INITIALIZED');
    if (key.alwaysAuthenticate && !s.contextLogin) throw new CkError('CKR_USER_NOT_LOGGED_IN');
    s.signKey = null;
    s.contextLogin = false;
    if (s.signMechanism === ck.CKM_SHA256_RSA_PKCS) return cryptoSign('sha256', data, key.key);
    if (s.signMechanism === ck.CKM_RSA_PKCS) return privateEncrypt({ key: key.key, padding: constants.RSA_PKCS1_PADDING }, data);
    // Node cannot sign a ready digest with ECDSA: this double offers CKM_ECDSA_SHA256 only.
    if (s.signMechanism === ck.CKM_ECDSA_SHA256) return cryptoSign('sha256', data, { key: key.key, dsaEncoding: 'ieee-p1363' });
    throw new CkError('CKR_MECHANISM_INVALID');
  }
  C_SetPIN(session: Buffer, oldPin: string, newPin: string): void {
    const s = this.session(session);
    const token = this.present(s.slotId);
    if (token.retriesLeft === 0) throw new CkError('CKR_PIN_LOCKED');
    if (oldPin !== token.pin) {
      token.retriesLeft--;
      throw new CkError(token.retriesLeft === 0 ? 'CKR_PIN_LOCKED' : 'CKR_PIN_INCORRECT');
    }
    token.pin = newPin;
  }

  private token(slotId: number): FakeToken {
    const token = this.tokens.find((t) => t.slotId === slotId);
    if (!token) throw new CkError('CKR_SLOT_ID_INVALID');
    return token;
  }
  private present(slotId: number): FakeToken {
    if (!this.initialized) throw new CkError('CKR_CRYPTOKI_NOT_INITIALIZED');
    const token = this.token(slotId);
    if (!token.present) throw new CkError('CKR_TOKEN_NOT_PRESENT');
    return token;
  }
  private session(session: Buffer): Session {
    const s = this.sessions.get(num(session));
    if (!s) throw new CkError('CKR_SESSION_HANDLE_INVALID');
    return s;
  }
  private indexObjects(token: FakeToken) {
    const base = token.slotId * 1000;
    const list: [number, { token: FakeToken; key: FakeKey; kind: 'cert' | 'private' | 'public' }][] = [];
    token.keys.forEach((key, i) => {
      for (const [j, kind] of (['cert', 'private', 'public'] as const).entries()) list.push([base + i * 10 + j, { token, key, kind }]);
    });
    for (const [n, o] of list) this.objects.set(n, o);
    return list;
  }
}

export function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}
