import type { X509Certificate } from 'node:crypto';
import { app, session, type Certificate } from 'electron';
import { networkKey, type TransportFactory, type NetworkSettings } from '../net/HttpTransport';
import { createFetchTransport } from '../net/createFetchTransport';
import { chainsToTrustedRoot } from '../net/chainsToTrustedRoot';
import { chromiumProxyConfig, proxyCredentials } from '../net/chromiumProxyConfig';
import { parseTrustedRoot } from '../net/parseTrustedRoot';

/** Electron's "use Chromium's own verification result" and "trusted" answers to a certificate verify request. */
const CHROMIUM_RESULT = -3;
const TRUSTED = 0;

function chainOf(certificate: Certificate): string[] {
  const chain: string[] = [];
  for (let current: Certificate | undefined = certificate; current && chain.length < 10; current = current.issuerCert) {
    chain.push(current.data);
    if (current.issuerCert?.fingerprint === current.fingerprint) break;
  }
  return chain;
}

/**
 * The desktop app's transport: requests through a session of their own (in memory: no cookies or cache kept), so
 * Chromium's network stack resolves the proxy (the system's settings, PAC, WPAD, NTLM/Kerberos authentication) and
 * verifies certificates against the OS store. The policy's roots are trusted besides it; a manual proxy's
 * credentials answer Chromium's proxy login. The renderer's session is not this one.
 */
export function createChromiumTransportFactory(): TransportFactory {
  const network = session.fromPartition('guichet-network', { cache: false });
  let roots: X509Certificate[] = [];
  let current: NetworkSettings | null = null;
  let applied: { key: string; ready: Promise<void> } | null = null;
  network.setCertificateVerifyProc((request, callback) => {
    if (request.errorCode === 0 || roots.length === 0) return callback(CHROMIUM_RESULT);
    callback(chainsToTrustedRoot(chainOf(request.certificate), roots, request.hostname) ? TRUSTED : CHROMIUM_RESULT);
  });
  app.on('login', (event, webContents, _details, authInfo, callback) => {
    // Only our own requests (no page) asking for the proxy's credentials the settings hold.
    const credentials = current ? proxyCredentials(current) : null;
    if (webContents || !authInfo.isProxy || !credentials) return;
    event.preventDefault();
    callback(credentials.username, credentials.password);
  });
  return (settings) => {
    current = settings;
    roots = settings.trustedRootCertificates.map(parseTrustedRoot);
    // A transport is made per connection and per timestamp: the session changes only when the settings do.
    const key = networkKey(settings);
    if (applied?.key !== key) applied = { key, ready: network.setProxy(chromiumProxyConfig(settings)).then(() => network.closeAllConnections()) };
    const { ready } = applied;
    return createFetchTransport(async (input, init) => {
      await ready;
      return network.fetch(input instanceof URL ? input.href : input, init);
    });
  };
}
