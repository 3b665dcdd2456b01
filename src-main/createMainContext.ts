import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { contractCalls, contractEvents } from '../src-shared/contract/contract';
import { EventHub } from './events/EventHub';
import { createIpcRouter, type IpcRouter } from './ipc/createIpcRouter';
import { createSenderCheck } from './ipc/isTrustedSender';
import { createAppHandlers } from './ipc/handlers/createAppHandlers';
import { createSettingsHandlers } from './ipc/handlers/createSettingsHandlers';
import { createVaultHandlers } from './ipc/handlers/createVaultHandlers';
import { createFormsHandlers } from './ipc/handlers/createFormsHandlers';
import { createConnectionHandlers } from './ipc/handlers/createConnectionHandlers';
import { createSyncHandlers } from './ipc/handlers/createSyncHandlers';
import { createOutboxHandlers } from './ipc/handlers/createOutboxHandlers';
import { createDossiersHandlers } from './ipc/handlers/createDossiersHandlers';
import { createDashboardHandlers } from './ipc/handlers/createDashboardHandlers';
import { createMyDataHandlers } from './ipc/handlers/createMyDataHandlers';
import { MyDataService } from './myData/MyDataService';
import { DashboardService } from './dashboard/DashboardService';
import { SearchService } from './search/SearchService';
import { createSearchHandlers } from './ipc/handlers/createSearchHandlers';
import { createTokensHandlers } from './ipc/handlers/createTokensHandlers';
import { createTokenService } from './tokens/createTokenService';
import type { KnownModule } from './tokens/knownModules';
import { createSessionHandlers } from './ipc/handlers/createSessionHandlers';
import type { TokenService } from './tokens/TokenService';
import { ModuleChoices } from './tokens/ModuleChoices';
import { FileHandleRegistry } from './files/FileHandleRegistry';
import { createAuthority, type AuthorityWiringOptions } from './authority/createAuthority';
import type { AuthorityConnection } from './authority/AuthorityConnection';
import type { SyncService } from './authority/SyncService';
import type { OutboxService } from './authority/OutboxService';
import type { ConnectionStatusView } from './authority/ConnectionStatusView';
import { DossierService } from './dossiers/DossierService';
import { DossierDocuments } from './dossiers/DossierDocuments';
import { MailboxService } from './mailbox/MailboxService';
import { AuthorityTrustAnchors } from './authority/AuthorityTrustAnchors';
import { MessageFiles } from './mailbox/MessageFiles';
import { createMailboxHandlers } from './ipc/handlers/createMailboxHandlers';
import { FormsService } from './forms/FormsService';
import { defaultFormsDir, loadBundledForms } from './forms/loadBundledForms';
import type { HostInfo } from './host/HostInfo';
import type { HealthCheck } from './host/HealthCheck';
import type { Logger } from './log/Logger';
import { combineLoggers } from './log/combineLoggers';
import { createFileLogger } from './log/createFileLogger';
import { readRecentLogLines } from './log/readRecentLogLines';
import { DiagnosticsService } from './diagnostics/DiagnosticsService';
import { probeUrl } from './diagnostics/probeUrl';
import { createDiagnosticsHandlers } from './ipc/handlers/createDiagnosticsHandlers';
import { SettingsStore } from './settings/SettingsStore';
import { NO_POLICY, type MachinePolicy } from './policy/MachinePolicy';
import { createVaultHealthCheck } from './vault/createVaultHealthCheck';
import type { KeyProtector } from './vault/KeyProtector';
import { VaultService } from './vault/VaultService';
import { ProfileRegistry } from './vault/profiles/ProfileRegistry';
import { VaultProfiles } from './vault/profiles/VaultProfiles';
import { VaultOwner } from './vault/owner/VaultOwner';
import { AuthoritySwitch } from './vault/owner/AuthoritySwitch';
import { createVaultProfileHandlers } from './ipc/handlers/createVaultProfileHandlers';
import type { Clock } from './vault/Clock';
import { createSubmissions, type Submissions } from './submissions/createSubmissions';
import { createSubmissionsHandlers } from './ipc/handlers/createSubmissionsHandlers';
import { createCoSignaturesHandlers } from './ipc/handlers/createCoSignaturesHandlers';
import { vaultAuthorityStore } from './authority/AuthorityStore';
import { createUpdates, type UpdatesWiringOptions } from './updates/createUpdates';
import type { UpdateService } from './updates/UpdateService';
import { createUpdatesHandlers } from './ipc/handlers/createUpdatesHandlers';

import type { TransportFactory } from './net/HttpTransport';
import { createNodeTransport, DIRECT_NETWORK } from './net/createNodeTransport';
import { networkSettings } from './net/networkSettings';

export interface MainContextOptions {
  /** The user's profile folder (Electron's userData; a temporary folder in tests). */
  userDataDir: string;
  host: HostInfo;
  log: Logger;
  /** Origins our renderer is served from; calls from anywhere else are refused. */
  trustedOrigins: readonly string[];
  /** The machine-wide policy (readMachinePolicy in the glue; none in the dev host unless --policy is given). */
  policy?: MachinePolicy;
  /** The OS keychain (Electron safeStorage in the glue); none in the dev host and tests. */
  keyProtector?: KeyProtector | null;
  /** The bundled form definitions (resources/forms), seeding an empty catalogue cache. */
  formsDir?: string;
  /** The app's opensc.conf (resources/opensc; packaged: under process.resourcesPath). */
  openscConfig?: string;
  /** The middleware looked for at its usual paths (default: tokens/knownModules). */
  knownModules?: readonly KnownModule[];
  /** Authority connection (tests: sync interval, demo sandbox starter). authorityUrl null in the settings = demo mode. */
  authority?: AuthorityWiringOptions;
  /** How requests to the authority and the TSA travel: Chromium's network stack in the glue, Node's by default. */
  transport?: TransportFactory;
  /** Time and timers of the vault (idle lock, retry delays); the system's by default, a fake one in tests. */
  vaultClock?: Clock;
  /** PKCS#11 modules to load besides the known middleware and the `pkcs11Modules` setting (demo, tests: SoftHSM2). */
  extraPkcs11Modules?: readonly string[];
  /** The updater (the glue: electron-updater; default: the same over Node's HTTP), its clock and check interval. */
  updates?: UpdatesWiringOptions;
  /** The log files' folder (Electron's app.getPath('logs'); the dev host: the profile's logs/); none: `log` only. */
  logsDir?: string;
}

export interface MainContext {
  router: IpcRouter;
  events: EventHub;
  settings: SettingsStore;
  /** The glue locks it on suspend and screen lock: vault.lock('suspend' | 'screenLock'). */
  vault: VaultService;
  /** The vaults of this OS account, one per person; `vault` works on the current one. */
  profiles: VaultProfiles;
  /** Whose the current vault is, and the rule that only they sign in to it. */
  owner: VaultOwner;
  /** The authority connection and session; sign-in: `connection.signIn(signer)` (see tokens/createChallengeSigner). */
  connection: AuthorityConnection;
  /** Delta sync of the person's spaces into the vault. */
  sync: SyncService;
  /** Submissions and replies on their way out; `outbox.onItem` follows each item's outcome. */
  outbox: OutboxService;
  /** Dossiers and their messages as the vault holds them. */
  dossiers: DossierService;
  /** Every message of the current space, read state, the authority's files, notices of new messages. */
  mailbox: MailboxService;
  /** connection.status, put together from connection, sync and outbox. */
  connectionStatus: ConnectionStatusView;
  /** PKCS#11 tokens and PKCS#12 identities; sign-in uses `tokens.signChallenge` (see tokens/createChallengeSigner). */
  tokens: TokenService;
  /** Sign and submit: drafts to signed PDFs in the outbox, and what became of them. */
  submissions: Submissions;
  /** Update checks, downloads and installs, each with the person's consent; none at all while updates are off. */
  updates: UpdateService;
  dispose(): Promise<void>;
}

/** The composition root of main's services: plain Node, shared by the Electron glue, the dev host and the tests. */
export async function createMainContext(options: MainContextOptions): Promise<MainContext> {
  const { userDataDir, host } = options;
  await mkdir(userDataDir, { recursive: true, mode: 0o700 });
  const policy = options.policy ?? NO_POLICY;
  // The files follow the `logLevel` setting (policy first, as the settings are not read yet; then at each change).
  const fileLog = options.logsDir ? await createFileLogger({ dir: options.logsDir, level: policy.managed.logLevel ?? policy.recommended.logLevel ?? 'info' }) : null;
  const log = fileLog ? combineLoggers(options.log, fileLog) : options.log;
  const events = new EventHub(contractEvents, log);
  const settings = new SettingsStore(path.join(userDataDir, 'settings.json'), { values: policy.managed, recommended: policy.recommended }, log);
  if (policy.source) log.info('policy.applied', { source: policy.source, enforced: Object.keys(policy.managed), recommended: Object.keys(policy.recommended) });
  await settings.load();
  fileLog?.setLevel(settings.get('logLevel'));
  const stopFollowingLogLevel = events.on('settings.changed', () => fileLog?.setLevel(settings.get('logLevel')));
  // One vault per person, each in its own folder under vaults/; the single vault of earlier versions becomes the first.
  const registry = new ProfileRegistry(path.join(userDataDir, 'vaults'), log);
  await registry.adoptLegacy(path.join(userDataDir, 'vault'));
  const startProfile = await registry.startProfile();
  let owner: VaultOwner | null = null;
  let describing: Promise<void> = Promise.resolve();
  const vault = new VaultService({
    dir: registry.dirOf(startProfile),
    log,
    keyProtector: options.keyProtector ?? null,
    idleLockMinutes: () => settings.get('idleLockMinutes'),
    ...(options.vaultClock ? { clock: options.vaultClock } : {}),
    onStateChange: (status) => {
      events.emit('vault.stateChanged', status);
      // The unlock screen's label follows the vault's own record (a restore may bring another owner).
      if (status.state === 'unlocked' && owner) {
        describing = owner.describe().catch((error: unknown) => log.warn('vault.describeFailed', { message: (error as Error).message }));
      }
    },
  });
  await vault.init();
  let authorityConnection: AuthorityConnection | null = null;
  const profiles = new VaultProfiles({
    registry,
    vault,
    current: startProfile,
    log,
    // The session and connection are the person's of the vault being left: never carried over to the next one.
    beforeSwitch: async () => {
      void authorityConnection?.signOut().catch(() => undefined);
      await authorityConnection?.reset();
    },
    onChanged: (view) => events.emit('vault.profilesChanged', view),
    reserveFor: (refusalId) => owner?.reserveFor(refusalId),
  });
  owner = new VaultOwner({ vault, registry, profileId: () => profiles.currentId, log, onDescribed: () => void profiles.changed().catch(() => undefined) });
  const vaultOwner = owner;

  const forms = new FormsService({ vault, log, loadBundled: () => loadBundledForms(options.formsDir ?? defaultFormsDir()) });

  const transport = options.transport ?? createNodeTransport;
  const authority = createAuthority({ userDataDir, settings, vault, owner: vaultOwner, events, log, options: { transport, ...options.authority } });
  const { connection, sync, outbox, status: connectionStatus } = authority.services;
  authorityConnection = connection;
  const dossiers = new DossierService({
    repos: vault.repos,
    // Nobody signed in: the lists show the vault owner's private space.
    defaultSpaceId: () => connection.sessionStatus().privateSpaceId ?? vaultOwner.current()?.personId ?? null,
  });
  const mailboxStore = vaultAuthorityStore(vault);
  const trustAnchors = new AuthorityTrustAnchors({ repos: vault.repos, api: () => connection.api(), log });
  const mailbox = new MailboxService({
    store: mailboxStore,
    files: new MessageFiles({ repos: vault.repos, api: () => connection.api(), anchors: trustAnchors, log }),
    outbox,
    api: () => connection.api(),
    defaultSpaceId: () => connection.sessionStatus().privateSpaceId ?? vaultOwner.current()?.personId ?? null,
    onNewMessages: (notice) => events.emit('mailbox.newMessages', notice),
    notificationsEnabled: () => settings.get('mailboxNotifications'),
    log,
  });
  // After each sync that changed dossiers or messages: a notice of the authority's new messages.
  const stopMailboxNotices = events.on('dossiers.changed', () => {
    if (vault.status().state !== 'unlocked') return;
    try {
      mailbox.checkNewMessages();
    } catch (error) {
      log.warn('mailbox.noticeFailed', { message: (error as Error).message });
    }
  });
  const dashboard = new DashboardService({
    repos: vault.repos,
    spaceId: () => connection.sessionStatus().privateSpaceId ?? vaultOwner.current()?.personId ?? null,
  });
  const authoritySwitch = new AuthoritySwitch({ settings, vault, owner: vaultOwner, events, log });

  // Modules load in their worker threads at the first use (tokens.list), not here.
  const tokens = createTokenService({
    platform: process.platform,
    settingsPaths: settings.get('pkcs11Modules'),
    extraPaths: options.extraPkcs11Modules,
    log,
    pkcs12Allowed: () => settings.get('pkcs12Allowed'),
    ...(options.openscConfig ? { openscConfig: options.openscConfig } : {}),
    ...(options.knownModules ? { known: options.knownModules } : {}),
  });
  tokens.tokens.onChange((view) => events.emit('tokens.changed', view));
  // The renderer never sends a path: files come from main's pickers, behind handles (see files/FileHandleRegistry).
  const files = new FileHandleRegistry();
  const modules = new ModuleChoices({
    files,
    settings,
    host,
    platform: process.platform,
    log,
    applyModules: (paths) => tokens.setSettingsPaths(paths),
    libraryDir: path.join(userDataDir, 'pkcs11'),
    onChanged: () => events.emit('settings.changed', settings.view()),
  });
  const submissions = createSubmissions({
    store: vaultAuthorityStore(vault),
    forms,
    tokens: tokens.tokens,
    connection,
    outbox,
    owner: vaultOwner,
    events,
    log,
    isVaultUnlocked: () => vault.status().state === 'unlocked',
    language: () => settings.get('language') ?? 'en',
    tsa: { url: () => settings.get('tsaUrl'), transport: () => transport(networkSettings(settings)) },
  });
  const stopFollowingIdleLock = events.on('settings.changed', () => vault.idleSettingChanged());
  const updates = createUpdates({ userDataDir, host, settings, events, log, options: options.updates });
  const stopPageDialogs = host.pageDialogs?.onRequest((id, request) => events.emit('app.hostDialogRequested', { id, ...request })) ?? (() => undefined);

  const healthChecks: HealthCheck[] = [
    { name: 'settings', run: async () => ({ key: 'settings', params: { count: Object.keys(settings.view().values).length } }) },
    createVaultHealthCheck(vault),
    tokens.healthCheck,
  ];

  const diagnostics = new DiagnosticsService({
    host,
    policy,
    settings,
    tokens: tokens.tokens,
    authorityUrl: async () => {
      await connection.api();
      return connection.endpointInfo();
    },
    tsaUrl: (apiUrl) => settings.get('tsaUrl') ?? (apiUrl ? `${apiUrl}/tsa` : null),
    // The demo sandbox is on loopback in this process: probed directly, as the client reaches it.
    probe: (url) => probeUrl(url, { transport: connection.endpointInfo().demo ? createNodeTransport(DIRECT_NETWORK) : transport(networkSettings(settings)) }),
    recentLogLines: () => (fileLog ? readRecentLogLines(fileLog.dir, 200) : Promise.resolve([])),
    personalValues: () => {
      const person = vaultOwner.current();
      return [person?.name, person?.ssn, person?.personId, connection.sessionStatus().personName].filter((value): value is string => typeof value === 'string');
    },
  });

  const router = createIpcRouter({
    calls: contractCalls,
    handlers: {
      ...createAppHandlers({ host, healthChecks, files }),
      ...createSettingsHandlers({ settings, events, checkChange: (patch) => authoritySwitch.check(patch) }),
      ...createVaultHandlers({ vault, files }),
      ...createVaultProfileHandlers({ profiles, authoritySwitch }),
      ...createFormsHandlers({ forms }),
      ...createConnectionHandlers({ connection, status: connectionStatus }),
      ...createSyncHandlers({ sync, status: connectionStatus }),
      ...createDossiersHandlers({ dossiers, documents: new DossierDocuments({ store: vaultAuthorityStore(vault), anchors: trustAnchors, log }), files }),
      ...createDashboardHandlers({ dashboard }),
      ...createMyDataHandlers({ myData: new MyDataService({ repos: vault.repos, refreshFromAuthority: () => sync.refreshPersonalDataNow() }) }),
      ...createSearchHandlers({ search: new SearchService(vault.openSession) }),
      ...createMailboxHandlers({ mailbox, files }),
      ...createOutboxHandlers({ outbox }),
      ...createTokensHandlers({ tokens: tokens.tokens, modules, files }),
      ...createSubmissionsHandlers({ submissions: submissions.service, batch: submissions.batch, anonymous: submissions.anonymous, documents: submissions.documents, files, api: () => connection.api() }),
      ...createCoSignaturesHandlers({ cosignatures: submissions.cosignatures }),
      ...createSessionHandlers({ connection, tokens: tokens.tokens }),
      ...createDiagnosticsHandlers({ diagnostics, files }),
      ...createUpdatesHandlers({ updates: updates.service }),
    },
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    log,
  });

  return {
    router,
    events,
    settings,
    vault,
    profiles,
    owner: vaultOwner,
    connection,
    sync,
    outbox,
    dossiers,
    mailbox,
    connectionStatus,
    tokens: tokens.tokens,
    submissions,
    updates: updates.service,
    async dispose() {
      await updates.dispose();
      submissions.dispose();
      stopPageDialogs();
      stopFollowingIdleLock();
      stopMailboxNotices();
      await tokens.tokens.dispose();
      await authority.dispose();
      vault.dispose();
      await describing;
      // A sign-in that was binding the vault when it locked may still be writing its label: nothing after this.
      await registry.close();
      stopFollowingLogLevel();
      await fileLog?.close();
    },
  };
}
