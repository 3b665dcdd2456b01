import { isRealDate } from './parseIsoDate';
import { luhnCheckDigit } from './luhnCheckDigit';
import { verhoeffCheckDigit } from './verhoeffCheckDigit';

/** Strips the spaces people type between the blocks: '1893 1201 057 32' → '1893120105732'. */
export function normalizeMatricule(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * A Luxembourg national identification number (matricule): 13 digits YYYYMMDD XXX C1 C2 with a real date of birth,
 * C1 the Luhn check digit and C2 the Verhoeff check digit, both over the first 11 digits.
 */
export function isValidMatricule(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = normalizeMatricule(value);
  if (!/^\d{13}$/.test(m)) return false;
  if (!isRealDate(Number(m.slice(0, 4)), Number(m.slice(4, 6)), Number(m.slice(6, 8)))) return false;
  const payload = m.slice(0, 11);
  return luhnCheckDigit(payload) === Number(m[11]) && verhoeffCheckDigit(payload) === Number(m[12]);
}

/** The full matricule for a date of birth ('yyyy-mm-dd') and a 3-digit sequence. */
export function makeMatricule(birthDate: string, sequence: number): string {
  const payload = birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return `${payload}${luhnCheckDigit(payload)}${verhoeffCheckDigit(payload)}`;
}
