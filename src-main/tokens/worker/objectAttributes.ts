import type { Pkcs11Binding } from './Pkcs11Binding';
import { ck } from './ck';
import { readUlong } from './slotHandles';

type Template = Parameters<Pkcs11Binding['C_FindObjectsInit']>[1];

/** One attribute, or null when the token does not have it (CKR_ATTRIBUTE_TYPE_INVALID, _SENSITIVE...). */
export function readAttribute(p11: Pkcs11Binding, session: Buffer, object: Buffer, type: number): Buffer | null {
  try {
    const [attribute] = p11.C_GetAttributeValue(session, object, [{ type }]);
    return attribute?.value ?? null;
  } catch {
    return null;
  }
}

export function readBoolAttribute(p11: Pkcs11Binding, session: Buffer, object: Buffer, type: number): boolean | null {
  const value = readAttribute(p11, session, object, type);
  return value && value.length > 0 ? value[0] !== 0 : null;
}

export function readKeyType(p11: Pkcs11Binding, session: Buffer, object: Buffer): 'rsa' | 'ec' | 'other' {
  const value = readAttribute(p11, session, object, ck.CKA_KEY_TYPE);
  if (!value) return 'other';
  const type = readUlong(value);
  return type === ck.CKK_RSA ? 'rsa' : type === ck.CKK_EC ? 'ec' : 'other';
}

export function findObjects(p11: Pkcs11Binding, session: Buffer, template: Template): Buffer[] {
  p11.C_FindObjectsInit(session, template);
  const found: Buffer[] = [];
  try {
    for (;;) {
      const batch = p11.C_FindObjects(session, 32);
      if (batch.length === 0) break;
      found.push(...batch);
      if (found.length > 4096) break;
    }
  } finally {
    p11.C_FindObjectsFinal(session);
  }
  return found;
}
