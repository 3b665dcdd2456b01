/**
 * The URL when it is http, else null: https passes, and what is not a URL or has another scheme is the base check's
 * issue alone (zod runs a refinement even after that check failed, so it must not throw or repeat the issue).
 */
export function plainHttpUrl(value: string): URL | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'http:' ? url : null;
}
