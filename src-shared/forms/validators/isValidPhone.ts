import { normalizePhone } from './normalizePhone';

/** An international phone number (E.164 after removing spaces, dots, dashes; '00' accepted for '+'). */
export function isValidPhone(value: unknown): boolean {
  return typeof value === 'string' && normalizePhone(value) !== null;
}
