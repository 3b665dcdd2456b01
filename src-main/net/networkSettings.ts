import type { SettingsStore } from '../settings/SettingsStore';
import type { NetworkSettings } from './HttpTransport';

/** The network settings in effect. */
export function networkSettings(settings: Pick<SettingsStore, 'get'>): NetworkSettings {
  return { proxyMode: settings.get('proxyMode'), proxyUrl: settings.get('proxyUrl'), trustedRootCertificates: settings.get('trustedRootCertificates') };
}
