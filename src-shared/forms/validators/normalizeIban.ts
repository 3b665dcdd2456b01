/** Removes spaces and upper-cases: 'lu28 0019 4006 4475 0000' → 'LU280019400644750000'. */
export function normalizeIban(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}
