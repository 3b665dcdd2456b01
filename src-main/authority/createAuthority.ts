import type { EventHub } from '../events/EventHub';
import type { Logger } from '../log/Logger';
import type { SettingsStore } from '../settings/SettingsStore';
import type { VaultService } from '../vault/VaultService';
import type { VaultOwner } from '../vault/owner/VaultOwner';
import { authorityKeyOfEndpoint } from '../vault/owner/authorityKey';
import type { AuthorityEndpoint } from './AuthorityEndpoint';
import { vaultAuthorityStore } from './AuthorityStore';
import { composeAuthority, type AuthorityOptions, type AuthorityServices } from './composeAuthority';
import { startDemoAuthority, type DemoAuthority } from './startDemoAuthority';
import { ExpectedError } from '../../src-shared/errors';
import { networkKey, type TransportFactory } from '../net/HttpTransport';
import { createNodeTransport } from '../net/createNodeTransport';
import { networkSettings } from '../net/networkSettings';

export interface AuthorityWiringOptions extends Partial<Pick<AuthorityOptions, 'syncIntervalMs' | 'pageSize' | 'client' | 'outbox'>> {
  /** Starts the demo sandbox (default: in this process, data in `<userDataDir>/sandbox`). */
  startDemo?: (userDataDir: string) => Promise<DemoAuthority>;
  /** How requests reach the authority (default Node's stack; the desktop app passes Chromium's). */
  transport?: TransportFactory;
}

/** No authority address, and the administrator does not allow the demo sandbox in its place. */
export class DemoModeNotAllowedError extends ExpectedError {
  static override readonly errorName: string = 'DemoModeNotAllowedError';
}

/**
 * Wires the authority's services into main: the endpoint from the settings (authorityUrl null = demo: the sandbox
 * is started on loopback at the first connection), start and stop with the vault, a new connection when the URL or
 * the proxy changes.
 */
export function createAuthority(deps: {
  userDataDir: string;
  settings: SettingsStore;
  vault: VaultService;
  /** The vault's owner rule: only its owner signs in, only at its own authority. */
  owner?: VaultOwner;
  events: EventHub;
  log: Logger;
  options?: AuthorityWiringOptions;
}): { services: AuthorityServices; dispose(): Promise<void> } {
  const { userDataDir, settings, vault, owner, events, log, options = {} } = deps;
  let demo: Promise<DemoAuthority> | null = null;

  const resolveEndpoint = async (): Promise<AuthorityEndpoint> => {
    const url = settings.get('authorityUrl');
    if (url) return { apiUrl: url.replace(/\/+$/, ''), demo: false, demoSigner: null };
    if (!settings.get('demoModeAllowed')) throw new DemoModeNotAllowedError('No address of the authority is set, and the demo mode is not allowed here.');
    demo ??= (options.startDemo ?? startDemoAuthority)(userDataDir).catch((error: unknown) => {
      demo = null;
      throw error;
    });
    const started = await demo;
    log.info('authority.demoStarted', { apiUrl: started.apiUrl });
    return started;
  };

  const services = composeAuthority({
    events,
    log,
    store: vaultAuthorityStore(vault),
    isVaultUnlocked: () => vault.status().state === 'unlocked',
    isDemo: () => settings.get('authorityUrl') === null,
    resolveEndpoint,
    transport: () => (options.transport ?? createNodeTransport)(networkSettings(settings)),
    syncIntervalMs: options.syncIntervalMs,
    pageSize: options.pageSize,
    openPageWriter: () => vault.openPageWriter(),
    ...(owner ? { signInGuard: (endpoint: AuthorityEndpoint) => owner.guardFor(authorityKeyOfEndpoint(endpoint)) } : {}),
    client: options.client,
    outbox: options.outbox,
  });

  const keyOf = () => `${settings.get('authorityUrl')}|${settings.get('demoModeAllowed')}|${networkKey(networkSettings(settings))}`;
  let endpointKey = keyOf();
  const stopFollowingVault = events.on('vault.stateChanged', ({ state }) => {
    if (state === 'unlocked') services.start();
    else services.stop();
  });
  const stopFollowingSettings = events.on('settings.changed', () => {
    const key = keyOf();
    if (key !== endpointKey) {
      endpointKey = key;
      void services.connection.reset();
    }
  });

  return {
    services,
    async dispose() {
      stopFollowingVault();
      stopFollowingSettings();
      services.dispose();
      const running = demo;
      demo = null;
      if (running) await running.then((d) => d.close()).catch(() => undefined);
    },
  };
}
