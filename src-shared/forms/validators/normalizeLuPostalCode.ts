/** 'L-1234', 'l 1234', '1234' → '1234'; null if not a 4-digit Luxembourg postal code. */
export function normalizeLuPostalCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:L\s*-?\s*)?(\d{4})$/i.exec(value.trim());
  return m ? (m[1] as string) : null;
}
