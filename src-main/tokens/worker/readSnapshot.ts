import type { Pkcs11Binding } from './Pkcs11Binding';
import type { ModuleSnapshot, RawCertificate, RawKey, RawSlot, RawToken } from './protocol';
import { ck } from './ck';
import { ckrOf } from './pkcs11Failure';
import { handleToId } from './slotHandles';
import { findObjects, readAttribute, readBoolAttribute, readKeyType } from './objectAttributes';

const trim = (s: string) => s.replace(/\0/g, '').trim();

/**
 * Every slot (reader) of the module, with its token, certificates and keys (those visible without login). With
 * `reuse`, a token found again in the same slot with the same serial, label and flags keeps the objects read before.
 */
export function readSnapshot(p11: Pkcs11Binding, slotHandles: Map<string, Buffer>, reuse: ModuleSnapshot | null): ModuleSnapshot {
  const handles = p11.C_GetSlotList(false);
  slotHandles.clear();
  const slots: RawSlot[] = [];
  for (const handle of handles) {
    const slotId = handleToId(handle);
    slotHandles.set(slotId, handle);
    let info;
    try {
      info = p11.C_GetSlotInfo(handle);
    } catch {
      continue; // gone between the two calls
    }
    const previous = reuse?.slots.find((s) => s.slotId === slotId)?.token ?? null;
    const token = info.flags & ck.CKF_TOKEN_PRESENT ? readToken(p11, handle, previous) : null;
    slots.push({ slotId, description: trim(info.slotDescription), manufacturer: trim(info.manufacturerID), flags: info.flags, token });
  }
  return { slots };
}

function readToken(p11: Pkcs11Binding, slot: Buffer, previous: RawToken | null): RawToken | null {
  let info;
  try {
    info = p11.C_GetTokenInfo(slot);
  } catch (error) {
    const code = ckrOf(error) ?? 'CKR_GENERAL_ERROR';
    if (code === 'CKR_TOKEN_NOT_PRESENT' || code === 'CKR_DEVICE_REMOVED') return null;
    return emptyToken({ readError: code });
  }
  const token: RawToken = {
    ...emptyToken({}),
    label: trim(info.label),
    manufacturer: trim(info.manufacturerID),
    model: trim(info.model),
    serialNumber: trim(info.serialNumber),
    flags: info.flags,
    minPinLen: info.minPinLen,
    maxPinLen: info.maxPinLen,
  };
  if (!(info.flags & ck.CKF_TOKEN_INITIALIZED)) return token;
  if (previous && previous.serialNumber === token.serialNumber && previous.label === token.label && previous.flags === token.flags && !previous.readError) {
    return { ...token, certificates: previous.certificates, privateKeys: previous.privateKeys, publicKeys: previous.publicKeys };
  }
  try {
    return { ...token, ...readObjects(p11, slot) };
  } catch (error) {
    return { ...token, readError: ckrOf(error) ?? 'CKR_GENERAL_ERROR' };
  }
}

function emptyToken(overrides: Partial<RawToken>): RawToken {
  return {
    label: '',
    manufacturer: '',
    model: '',
    serialNumber: '',
    flags: 0,
    minPinLen: 0,
    maxPinLen: 0,
    certificates: [],
    privateKeys: [],
    publicKeys: [],
    readError: null,
    ...overrides,
  };
}

function readObjects(p11: Pkcs11Binding, slot: Buffer): Pick<RawToken, 'certificates' | 'privateKeys' | 'publicKeys'> {
  const session = p11.C_OpenSession(slot, ck.CKF_SERIAL_SESSION);
  try {
    const certificates: RawCertificate[] = [];
    for (const object of findObjects(p11, session, [
      { type: ck.CKA_CLASS, value: ck.CKO_CERTIFICATE },
      { type: ck.CKA_CERTIFICATE_TYPE, value: ck.CKC_X_509 },
    ])) {
      const der = readAttribute(p11, session, object, ck.CKA_VALUE);
      if (!der || der.length === 0) continue;
      certificates.push({
        idHex: (readAttribute(p11, session, object, ck.CKA_ID) ?? Buffer.alloc(0)).toString('hex'),
        label: (readAttribute(p11, session, object, ck.CKA_LABEL) ?? Buffer.alloc(0)).toString('utf8'),
        der: new Uint8Array(der),
      });
    }
    return {
      certificates,
      privateKeys: readKeys(p11, session, ck.CKO_PRIVATE_KEY),
      publicKeys: readKeys(p11, session, ck.CKO_PUBLIC_KEY),
    };
  } finally {
    try {
      p11.C_CloseSession(session);
    } catch {
      // the token may have gone meanwhile
    }
  }
}

export function readKeys(p11: Pkcs11Binding, session: Buffer, keyClass: number): RawKey[] {
  return findObjects(p11, session, [{ type: ck.CKA_CLASS, value: keyClass }]).map((object) => ({
    idHex: (readAttribute(p11, session, object, ck.CKA_ID) ?? Buffer.alloc(0)).toString('hex'),
    label: (readAttribute(p11, session, object, ck.CKA_LABEL) ?? Buffer.alloc(0)).toString('utf8'),
    keyType: readKeyType(p11, session, object),
    alwaysAuthenticate: keyClass === ck.CKO_PRIVATE_KEY ? readBoolAttribute(p11, session, object, ck.CKA_ALWAYS_AUTHENTICATE) : null,
  }));
}
