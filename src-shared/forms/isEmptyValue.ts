/** Whether a value counts as not filled in: undefined, null, blank text, an empty list, an address with no content. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    return Object.entries(value).every(
      ([k, v]) => k === 'country' || (Array.isArray(v) ? v.every((item) => isEmptyValue(item)) : isEmptyValue(v)),
    );
  }
  return false;
}
