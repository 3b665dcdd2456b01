import { DEMO_AUTHORITY } from '../../src-shared/vault/vaultProfileSchemas';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The host (and port) of an authority's origin as main records it; the text itself when it is not a URL. */
function hostOf(authority: string): string {
  try {
    return new URL(authority).host;
  } catch {
    return authority;
  }
}

/**
 * How the UI names the authority a vault belongs to: 'short' in the list of vaults ("Demonstration service",
 * "guichet.example.lu"), 'service' inside a sentence ("demonstration service", "service at guichet.example.lu").
 */
export function authorityLabel(t: Translate, authority: string, form: 'short' | 'service'): string {
  if (authority === DEMO_AUTHORITY) return form === 'short' ? t('vault.profiles.demo') : t('vault.profiles.demoService');
  return form === 'short' ? hostOf(authority) : t('vault.profiles.serviceAt', { host: hostOf(authority) });
}
