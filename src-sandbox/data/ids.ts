import { randomBytes, randomInt } from 'node:crypto';

/** Space identifiers: PP- / PM- + 6 chars from [A-Z1-9] without O and 0 (the platform's format). */
const SPACE_ALPHABET = 'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789';
export const spaceIdPattern = /^P[PM]-[A-NP-Z1-9]{6}$/;

export function newSpaceId(kind: 'PP' | 'PM'): string {
  let s = `${kind}-`;
  for (let i = 0; i < 6; i++) s += SPACE_ALPHABET[randomInt(SPACE_ALPHABET.length)];
  return s;
}

export function token(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Dossier reference, e.g. GU-2026-0001234. */
export function dossierReference(year: number, n: number): string {
  return `GU-${year}-${String(n).padStart(7, '0')}`;
}

/**
 * eTracking number. The public pages give no format; ours is `ET` + year + 8 digits in groups with a mod-97 check
 * (two digits), e.g. ET-2026-4821-7730-52.
 */
export function etrackingNumber(year: number): string {
  const digits = String(randomInt(10_000_000, 99_999_999));
  const check = String(97 - (Number(`${year}${digits}`) % 97)).padStart(2, '0');
  return `ET-${year}-${digits.slice(0, 4)}-${digits.slice(4)}-${check}`;
}
export const etrackingPattern = /^ET-\d{4}-\d{4}-\d{4}-\d{2}$/;

export function isValidEtrackingNumber(n: string): boolean {
  const m = /^ET-(\d{4})-(\d{4})-(\d{4})-(\d{2})$/.exec(n);
  if (!m) return false;
  return (Number(`${m[1]}${m[2]}${m[3]}`) + Number(m[4])) % 97 === 0;
}
