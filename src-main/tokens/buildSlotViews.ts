import { createHash } from 'node:crypto';
import type { CertificateView, SlotView } from '../../src-shared/tokens/tokenSchemas';
import type { ModuleSnapshot, RawToken } from './worker/protocol';
import { ck } from './worker/ck';
import { parseCertificate, type CertificateFacts } from './parseCertificate';
import { pinStateFromFlags } from './pinStateFromFlags';

export type CertificateCache = Map<string, CertificateFacts | null>;

/** Certificates parsed once per DER (by SHA-256); unparsable ones are left out of the view. */
export function certificateFacts(der: Uint8Array, cache: CertificateCache): CertificateFacts | null {
  const key = createHash('sha256').update(der).digest('hex');
  if (!cache.has(key)) {
    try {
      cache.set(key, parseCertificate(der));
    } catch {
      cache.set(key, null);
    }
  }
  return cache.get(key) ?? null;
}

export function buildSlotViews(moduleId: string, snapshot: ModuleSnapshot, cache: CertificateCache): SlotView[] {
  return snapshot.slots.map((slot) => ({
    moduleId,
    slotId: slot.slotId,
    description: slot.description,
    manufacturer: slot.manufacturer,
    removable: (slot.flags & ck.CKF_REMOVABLE_DEVICE) !== 0,
    hardware: (slot.flags & ck.CKF_HW_SLOT) !== 0,
    token: slot.token ? buildToken(slot.token, cache) : null,
  }));
}

function buildToken(token: RawToken, cache: CertificateCache): NonNullable<SlotView['token']> {
  const certificates: CertificateView[] = [];
  for (const raw of token.certificates) {
    const facts = certificateFacts(raw.der, cache);
    if (!facts) continue;
    const privateKey = token.privateKeys.find((k) => k.idHex === raw.idHex && raw.idHex !== '');
    const publicKey = token.publicKeys.find((k) => k.idHex === raw.idHex && raw.idHex !== '');
    const keyPresence = privateKey ? 'private-key' : publicKey ? 'public-key' : 'none';
    certificates.push({
      ...facts,
      id: raw.idHex || '00',
      label: raw.label,
      keyPresence,
      alwaysAuthenticate: privateKey?.alwaysAuthenticate ?? null,
    });
  }
  return {
    label: token.label,
    manufacturer: token.manufacturer,
    model: token.model,
    serialNumber: token.serialNumber,
    flags: token.flags,
    initialized: (token.flags & ck.CKF_TOKEN_INITIALIZED) !== 0,
    loginRequired: (token.flags & ck.CKF_LOGIN_REQUIRED) !== 0,
    pin: pinStateFromFlags(token.flags, token.minPinLen, token.maxPinLen),
    // The order a person reads them in, the same at every visit: sign-in, then signature, then the rest.
    certificates: certificates.sort(compareCertificates),
  };
}

const ROLE_ORDER: readonly CertificateView['role'][] = ['authentication', 'signature', 'seal', 'other', 'ca'];

function compareCertificates(a: CertificateView, b: CertificateView): number {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.holder.localeCompare(b.holder) || a.notAfter.localeCompare(b.notAfter) || a.id.localeCompare(b.id);
}
