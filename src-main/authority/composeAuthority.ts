import type { EventHub } from '../events/EventHub';
import type { Logger } from '../log/Logger';
import type { SyncPageWriter } from '../vault/writer/PageWriter';
import { AuthorityConnection, type AuthorityConnectionOptions } from './AuthorityConnection';
import type { AuthorityStore } from './AuthorityStore';
import { ConnectionStatusView } from './ConnectionStatusView';
import { DossiersChangedThrottle } from './DossiersChangedThrottle';
import { Listeners } from './Listeners';
import { OutboxService, type OutboxServiceOptions } from './OutboxService';
import { SyncService } from './SyncService';

export interface AuthorityOptions extends Omit<AuthorityConnectionOptions, 'statusChanged'> {
  events: EventHub;
  log: Logger;
  store: AuthorityStore;
  /** Sync and send only while the vault is open. */
  isVaultUnlocked: () => boolean;
  /** Default 5 minutes. */
  syncIntervalMs?: number;
  pageSize?: number;
  /** The vault's page writer (a worker thread) for sync; pages are written on main's thread without it. */
  openPageWriter?: () => Promise<SyncPageWriter>;
  outbox?: OutboxServiceOptions['sender'];
}

/** The authority's services, each for one capability, and the status view made of them. */
export interface AuthorityServices {
  connection: AuthorityConnection;
  sync: SyncService;
  outbox: OutboxService;
  status: ConnectionStatusView;
  /** The vault was unlocked: sync and send. */
  start(): void;
  /** The vault was locked: no more timers. */
  stop(): void;
  dispose(): void;
}

/**
 * Builds the connection, sync and outbox over one store, joined by what each tells the others: every change of
 * what the status shows goes out as connection.changed, dossier changes of sync and of items sent as one throttled
 * dossiers.changed.
 */
export function composeAuthority(options: AuthorityOptions): AuthorityServices {
  const { events, log, store, isVaultUnlocked } = options;
  // The view is made of the services, and they say when it changed: told through this, nobody holds a half-built one.
  const statusChanges = new Listeners<void>((error) => log.warn('authority.listenerFailed', { message: (error as Error).message }));
  const statusChanged = () => statusChanges.emit();
  const throttle = new DossiersChangedThrottle(events);

  const connection = new AuthorityConnection({ ...options, statusChanged });
  const outbox = new OutboxService({ connection, store, log, isVaultUnlocked, statusChanged, sender: options.outbox, now: options.now });
  const sync = new SyncService({
    connection,
    store,
    events,
    log,
    isVaultUnlocked,
    flushOutbox: (flush) => outbox.flushOutbox(flush),
    dossiersChanged: (spaceId) => throttle.changed(spaceId),
    statusChanged,
    syncIntervalMs: options.syncIntervalMs,
    pageSize: options.pageSize,
    ...(options.openPageWriter ? { openPageWriter: options.openPageWriter } : {}),
    now: options.now,
  });
  const status = new ConnectionStatusView({ connection, sync, outbox });
  statusChanges.add(() => events.emit('connection.changed', status.status()));
  // A submission or reply stored with the server's answer changes that space's dossier list.
  const stopFollowingOutbox = outbox.onItem((event) => {
    if (event.outcome === 'sent') throttle.changed(event.spaceId);
  });

  return {
    connection,
    sync,
    outbox,
    status,
    start() {
      outbox.start();
      sync.start();
    },
    stop() {
      outbox.stop();
      sync.stop();
    },
    dispose() {
      connection.dispose();
      stopFollowingOutbox();
      outbox.stop();
      sync.dispose();
      throttle.dispose();
    },
  };
}
