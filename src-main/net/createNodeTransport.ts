import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { proxyConfig } from '../authority/proxyConfig';
import { effectiveProxyMode, type HttpTransport, type NetworkSettings } from './HttpTransport';
import { trustedRootsPem } from './parseTrustedRoot';

/**
 * Node's network stack (the dev host, tests, and plain-Node tools): keep-alive agents; the policy's roots trusted
 * besides Node's bundled ones; the proxy in the settings (manual), none (direct), or for "system" what Node has of
 * one: the HTTPS_PROXY / NO_PROXY environment variables, which axios's http adapter reads. PAC files and the OS
 * certificate store are the Chromium transport's.
 */
export function createNodeTransport(network: NetworkSettings): HttpTransport {
  const extra = trustedRootsPem(network.trustedRootCertificates);
  const ca = extra.length > 0 ? [...tls.rootCertificates, ...extra] : undefined;
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 8 }), https: new https.Agent({ keepAlive: true, maxSockets: 8, ...(ca ? { ca } : {}) }) };
  const mode = effectiveProxyMode(network);
  const proxy = mode === 'manual' ? proxyConfig(network.proxyUrl) : mode === 'direct' ? false : undefined;
  return {
    config: {
      // Node's http adapter always (a DOM-like global XMLHttpRequest, e.g. in tests, must not be picked up).
      adapter: 'http',
      ...(proxy === undefined ? {} : { proxy }),
      httpAgent: agents.http,
      httpsAgent: agents.https,
    },
    dispose() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** No proxy and nothing added: what a client made without settings (a test's, a tool's) uses. */
export const DIRECT_NETWORK: NetworkSettings = { proxyMode: 'direct', proxyUrl: null, trustedRootCertificates: [] };
