/**
 * An international phone number in E.164 form ('+35226123456') from what people type ('+352 26 12 34 56',
 * '00352 621 123 456', '+352 (0)26...'); null when it is not an international number.
 */
export function normalizePhone(value: string): string | null {
  let v = value.trim().replace(/\(0\)/g, '').replace(/[\s.\-/()]/g, '');
  if (v.startsWith('00')) v = `+${v.slice(2)}`;
  // E.164: country code does not start with 0; 8..15 digits in all (Luxembourg fixed lines are short: +352 + 6 digits).
  return /^\+[1-9]\d{7,14}$/.test(v) ? v : null;
}
