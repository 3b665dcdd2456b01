import { IBAN_LENGTHS } from './ibanLengths';
import { ibanMod97 } from './ibanMod97';
import { normalizeIban } from './normalizeIban';

const SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** An IBAN with the right length for its country and a valid mod-97 check. Spaces and case are ignored. */
export function isValidIban(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const iban = normalizeIban(value);
  if (!SHAPE.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  return ibanMod97(iban) === 1;
}
