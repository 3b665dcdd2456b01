import { DEMO_AUTHORITY } from '../../../src-shared/vault/vaultProfileSchemas';

/**
 * Which authority a URL setting means, as vaults record it: 'demo' for none (the built-in demonstration service,
 * wherever it happens to listen), else the URL's origin (scheme, host, port).
 */
export function authorityKeyOf(authorityUrl: string | null): string {
  if (authorityUrl === null) return DEMO_AUTHORITY;
  try {
    return new URL(authorityUrl).origin;
  } catch {
    return authorityUrl;
  }
}

/** The same for a resolved endpoint (the demo sandbox listens on a loopback port chosen at its start). */
export function authorityKeyOfEndpoint(endpoint: { demo: boolean; apiUrl: string }): string {
  return endpoint.demo ? DEMO_AUTHORITY : authorityKeyOf(endpoint.apiUrl);
}
