/** A URL with its user name and password (a proxy's credentials) replaced; anything else unchanged. */
export function redactUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  if (!url.username && !url.password) return value;
  url.username = 'redacted';
  url.password = '';
  return url.toString();
}
