import { effectiveProxyMode, type NetworkSettings } from './HttpTransport';

/** Electron's ProxyConfig, as plain data (this file is plain Node; the glue passes it to session.setProxy). */
export interface ChromiumProxyConfig {
  mode: 'system' | 'direct' | 'fixed_servers';
  proxyRules?: string;
  /** Loopback never goes through the proxy (the demo sandbox, a local test server). */
  proxyBypassRules?: string;
}

/** The session's proxy for the network settings: the system's (PAC and WPAD included), none, or the manual one. */
export function chromiumProxyConfig(network: NetworkSettings): ChromiumProxyConfig {
  const mode = effectiveProxyMode(network);
  if (mode === 'direct') return { mode: 'direct' };
  if (mode === 'manual' && network.proxyUrl) {
    const url = new URL(network.proxyUrl);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    // Credentials are not part of the rule: Chromium asks for them (app 'login' with isProxy), see the glue.
    return { mode: 'fixed_servers', proxyRules: `${url.protocol.replace(':', '')}://${url.hostname}:${port}`, proxyBypassRules: '<local>' };
  }
  return { mode: 'system' };
}

/** The user name and password of a manual proxy URL, for Chromium's proxy authentication prompt; null when none. */
export function proxyCredentials(network: NetworkSettings): { username: string; password: string } | null {
  if (network.proxyMode !== 'manual' || !network.proxyUrl) return null;
  const url = new URL(network.proxyUrl);
  return url.username ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : null;
}
