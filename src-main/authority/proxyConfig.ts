import type { AxiosProxyConfig } from 'axios';

/** axios' proxy option from the proxy URL in the settings; false (no proxy, not even from the environment) when none. */
export function proxyConfig(proxyUrl: string | null | undefined): AxiosProxyConfig | false {
  if (!proxyUrl) return false;
  const url = new URL(proxyUrl);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return {
    protocol: url.protocol.replace(':', ''),
    host: url.hostname,
    port,
    ...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
  };
}
