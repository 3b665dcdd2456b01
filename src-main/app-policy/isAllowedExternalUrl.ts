/** Hosts whose pages may be opened in the system browser: the platform, its help, and the trust providers. */
export const EXTERNAL_HOST_ALLOW_LIST = ['guichet.lu', 'guichet.public.lu', 'myguichet.lu', 'luxtrust.lu', 'ctie.gouvernement.lu'] as const;

/** https only, no credentials, host in the allow-list or a subdomain of one. */
export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
