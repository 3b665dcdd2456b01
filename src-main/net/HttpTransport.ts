import type { AxiosRequestConfig } from 'axios';
import type { Settings } from '../../src-shared/settings/settingsSchema';

/** The part of an axios configuration that says how requests travel: adapter, proxy, agents or the fetch to use. */
export type TransportConfig = Pick<AxiosRequestConfig, 'adapter' | 'proxy' | 'httpAgent' | 'httpsAgent' | 'env' | 'fetchOptions'>;

/**
 * How main's requests to the authority and the TSA reach the network. The desktop app sends them through Chromium's
 * network stack (system proxy, PAC, the OS certificate store: createChromiumTransport in the Electron glue); the dev
 * host and the tests through Node's (createNodeTransport). The clients above it are the same.
 */
export interface HttpTransport {
  readonly config: TransportConfig;
  /** Closes what it keeps open (keep-alive sockets). */
  dispose(): void;
}

/** The settings a transport is made from; a change of any makes a new one. */
export type NetworkSettings = Pick<Settings, 'proxyMode' | 'proxyUrl' | 'trustedRootCertificates'>;

/** Makes the transport for the network settings in effect (injected into main: Node's here, Chromium's in the app). */
export type TransportFactory = (network: NetworkSettings) => HttpTransport;

/** A key that changes when the network settings do. */
export const networkKey = (network: NetworkSettings): string => JSON.stringify([network.proxyMode, network.proxyUrl, network.trustedRootCertificates]);

/** The proxy mode that applies: "manual" without a proxy address is the system's, for both network stacks. */
export function effectiveProxyMode(network: NetworkSettings): NetworkSettings['proxyMode'] {
  return network.proxyMode === 'manual' && !network.proxyUrl ? 'system' : network.proxyMode;
}
