/** The ISO 7064 mod-97-10 remainder of an IBAN rearranged (country + check digits moved to the end, letters → 10..35). */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}

/** The two check digits that make `country + '00' + bban` valid. */
export function ibanCheckDigits(country: string, bban: string): string {
  const remainder = ibanMod97(`${country}00${bban}`);
  return String(98 - remainder).padStart(2, '0');
}
