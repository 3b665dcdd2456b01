import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { GuichetError } from '../../src-shared/errors';
import {
  BackupInvalidError,
  KeychainUnavailableError,
  VaultAbsentError,
  VaultCorruptError,
  VaultExistsError,
  VaultLockedError,
  VaultNotCorruptError,
  WeakPassphraseError,
  WrongPassphraseError,
} from '../../src-shared/vault/errors';
import { MIN_PASSPHRASE_LENGTH } from '../../src-shared/vault/passphrasePolicy';
import { VAULT_BACKUP_EXTENSION, type VaultBackupInfo } from '../../src-shared/vault/vaultBackupSchemas';
import type { VaultLockReason, VaultState, VaultStatus } from '../../src-shared/vault/vaultStatusSchema';
import type { Logger } from '../log/Logger';
import { systemClock, type Clock } from './Clock';
import { createKeyEntry } from './createKeyEntry';
import { IdleLockTimer } from './IdleLockTimer';
import type { KeyEntry } from './keyFileSchema';
import type { KeyProtector } from './KeyProtector';
import { schemaVersion } from './migrations/runMigrations';
import { KeyMismatchError, openVaultDatabase, type OpenCheck } from './openVaultDatabase';
import { readKeyFile } from './readKeyFile';
import { readVaultBackup } from './readVaultBackup';
import { VaultRepositories } from './repositories/VaultRepositories';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './ScryptParams';
import type { SessionSource, SqlSession } from './SqlSession';
import { toRawKeyBuffer } from './toRawKeyBuffer';
import { UnlockThrottle } from './UnlockThrottle';
import { fileThrottleStore } from './fileThrottleStore';
import { unwrapWithPassphrase } from './unwrapWithPassphrase';
import { vacuumIntoPrivateFile } from './vacuumIntoPrivateFile';
import { VaultFiles } from './VaultFiles';
import { writeKeyFile } from './writeKeyFile';
import { writeVaultBackup } from './writeVaultBackup';
import { PageWriter, type SyncPageWriter } from './writer/PageWriter';

/** Page size of SQLCipher 4 databases (legacy=4): a database file is always a whole number of pages. */
const PAGE_SIZE = 4096;

export interface VaultServiceOptions {
  /** The vault's own folder (key.json, vault.db, backups/). */
  dir: string;
  log: Logger;
  /** The OS keychain; null or absent where there is none (the dev host, tests). */
  keyProtector?: KeyProtector | null;
  /** Minutes without activity before locking; read at each check; 0 disables. Fractions work (tests). */
  idleLockMinutes?: () => number;
  clock?: Clock;
  /** scrypt cost for new wraps; tests pass small ones. */
  kdfParams?: ScryptParams;
  /** Integrity check when unlocking: 'quick' (default) or 'full'. */
  openCheck?: OpenCheck;
  /** Called after every change of status (state, lock reason, retry delay). */
  onStateChange?: (status: VaultStatus) => void;
}

/**
 * The person's encrypted vault: one SQLCipher database keyed with a random data key, the key wrapped by the
 * passphrase (scrypt + AES-GCM) and optionally by the OS keychain. Holds the state machine
 * absent → unlocked ⇄ locked, and corrupt when files are damaged (only a restore leaves it).
 * While locked, every repository call throws VaultLockedError and no key is held in memory.
 */
export class VaultService {
  /** Typed data access; every call throws VaultLockedError unless the vault is unlocked. */
  readonly repos: VaultRepositories;

  private files: VaultFiles;
  private readonly log: Logger;
  private readonly keyProtector: KeyProtector | null;
  private readonly clock: Clock;
  private readonly kdfParams: ScryptParams;
  private readonly openCheck: OpenCheck;
  private readonly onStateChange: (status: VaultStatus) => void;
  private throttle: UnlockThrottle;
  private readonly idleTimer: IdleLockTimer;

  private state: VaultState = 'absent';
  private corruptReason: string | null = null;
  private lockReason: VaultLockReason | null = null;
  private session: SqlSession | null = null;
  private dataKey: Buffer | null = null;
  private readonly writers = new Set<PageWriter>();
  private entry: KeyEntry | null = null;
  private keychainEnabled = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: VaultServiceOptions) {
    this.files = new VaultFiles(options.dir);
    this.log = options.log;
    this.keyProtector = options.keyProtector ?? null;
    this.clock = options.clock ?? systemClock;
    this.kdfParams = options.kdfParams ?? DEFAULT_SCRYPT_PARAMS;
    this.openCheck = options.openCheck ?? 'quick';
    this.onStateChange = options.onStateChange ?? (() => {});
    this.throttle = new UnlockThrottle(this.clock, fileThrottleStore(this.files.unlockAttempts));
    const idleMinutes = options.idleLockMinutes ?? (() => 0);
    this.idleTimer = new IdleLockTimer(this.clock, () => idleMinutes() * 60_000, () => this.lock('idle'));
    this.repos = new VaultRepositories(() => this.requireSession(), () => this.clock.now());
  }

  get dir(): string {
    return this.files.dir;
  }

  status(): VaultStatus {
    return {
      state: this.state,
      keychainAvailable: this.keychainAvailable(),
      keychainEnabled: this.keychainEnabled,
      failedAttempts: this.throttle.failedAttempts,
      retryAfterMs: this.throttle.retryAfterMs,
      corruptReason: this.state === 'corrupt' ? this.corruptReason : null,
      lockReason: this.state === 'locked' ? this.lockReason : null,
    };
  }

  /**
   * The open session, for services that write several repositories in one transaction (sync: a page of changes
   * and its cursor together). Throws VaultLockedError while locked, like every repository call.
   */
  readonly openSession: SessionSource = () => this.requireSession();

  /**
   * A writer for sync pages on its own thread and connection (see PageWriter). It gets a copy of the data key and is
   * closed when the vault locks; callers close it when done.
   */
  async openPageWriter(): Promise<SyncPageWriter> {
    const writer = await PageWriter.open(this.files.database, this.requireKey());
    if (this.state !== 'unlocked') {
      await writer.close();
      throw new VaultLockedError('The vault is locked.');
    }
    this.writers.add(writer);
    return {
      apply: (...args) => writer.apply(...args),
      close: async () => {
        this.writers.delete(writer);
        await writer.close();
      },
    };
  }

  /** Looks at the files (without opening the database) to find the starting state. */
  init(): Promise<VaultStatus> {
    return this.exclusive(async () => (this.state === 'unlocked' ? this.status() : this.inspect()));
  }

  /**
   * Points the service at another vault's folder (another profile, with its own key file, unlock attempts and
   * backups): the open vault is locked first, then the new folder's files give the state, as at start.
   */
  switchFolder(dir: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.lock('user');
      this.files = new VaultFiles(dir);
      this.throttle = new UnlockThrottle(this.clock, fileThrottleStore(this.files.unlockAttempts));
      this.keychainEnabled = false;
      this.state = 'absent';
      return this.inspect();
    });
  }

  private async inspect(): Promise<VaultStatus> {
    await this.finishInterruptedCreate();
    const [hasKey, dbSize] = await Promise.all([exists(this.files.keyFile), fileSize(this.files.database)]);
    if (!hasKey && dbSize === null) {
      this.setState('absent');
      return this.status();
    }
    try {
      if (!hasKey) throw new VaultCorruptError('The vault key file is missing.', { reason: 'keyFileMissing' });
      if (dbSize === null) throw new VaultCorruptError('The vault database file is missing.', { reason: 'databaseMissing' });
      if (dbSize === 0 || dbSize % PAGE_SIZE !== 0) throw new VaultCorruptError('The vault database file is truncated.', { reason: 'truncated' });
      const keyFile = await readKeyFile(this.files.keyFile);
      this.keychainEnabled = keyFile?.entries.some((entry) => entry.keychain !== undefined) ?? false;
      this.lockReason = 'startup';
      this.setState('locked');
    } catch (error) {
      this.markCorrupt(error);
    }
    return this.status();
  }

  create(passphrase: string, options: { useKeychain?: boolean } = {}): Promise<VaultStatus> {
    return this.exclusive(async () => {
      checkStrength(passphrase);
      if (this.state !== 'absent' || (await exists(this.files.keyFile)) || (await exists(this.files.database))) {
        throw new VaultExistsError('A vault already exists here.');
      }
      const keychain = options.useKeychain ? this.requireKeychain() : null;
      await mkdir(this.files.dir, { recursive: true, mode: 0o700 });
      // A new vault owes nothing to wrong tries at one that was set aside.
      this.throttle.succeed();
      const dataKey = randomBytes(32);
      const entry = await createKeyEntry(passphrase, dataKey, this.kdfParams, keychain);
      // Build the database beside its final name, then key file, then rename: an interrupted create is finished
      // (or was never visible) at the next start.
      const pending = `${this.files.database}.new`;
      await rm(pending, { force: true });
      openVaultDatabase(pending, dataKey, { create: true }).db.close();
      await writeKeyFile(this.files.keyFile, [entry]);
      await rename(pending, this.files.database);
      this.open(dataKey, entry);
      this.log.info('vault.created', { keychain: keychain !== null });
      return this.status();
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.state === 'unlocked') return this.status();
      this.requireLockedState();
      this.throttle.check();
      const keyFile = await this.readKeyFileOrCorrupt();
      const opened = await unwrapWithPassphrase(passphrase, keyFile.entries);
      if (opened.length === 0) throw this.wrongPassphrase();
      this.throttle.succeed();
      await this.openFirstWorking(opened, keyFile.entries);
      this.log.info('vault.unlocked', { method: 'passphrase' });
      return this.status();
    });
  }

  unlockWithKeychain(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.state === 'unlocked') return this.status();
      this.requireLockedState();
      const protector = this.requireKeychain();
      const keyFile = await this.readKeyFileOrCorrupt();
      const opened: Array<{ entry: KeyEntry; key: Buffer }> = [];
      for (const entry of keyFile.entries) {
        if (entry.keychain === undefined) continue;
        try {
          const key = protector.decrypt(Buffer.from(entry.keychain, 'base64'));
          if (key.length === 32) opened.push({ entry, key });
        } catch {
          // Another user, another machine, or a reset keychain: the passphrase still works.
        }
      }
      if (opened.length === 0) throw new KeychainUnavailableError('The system keychain cannot unlock this vault: use your passphrase.');
      await this.openFirstWorking(opened, keyFile.entries);
      this.log.info('vault.unlocked', { method: 'keychain' });
      return this.status();
    });
  }

  /** Closes the database and wipes the key. Safe to call in any state. */
  lock(reason: VaultLockReason = 'user'): VaultStatus {
    this.idleTimer.stop();
    if (this.state !== 'unlocked') return this.status();
    this.closeSession();
    this.lockReason = reason;
    this.setState('locked');
    this.log.info('vault.locked', { reason });
    return this.status();
  }

  /** The idle-lock setting changed: applies at once, counted from the last activity. */
  idleSettingChanged(): void {
    this.idleTimer.settingChanged();
  }

  /** Records user activity: postpones the idle lock. */
  touch(): VaultState {
    if (this.state === 'unlocked') this.idleTimer.touch();
    return this.state;
  }

  /** Rewraps the data key under the new passphrase; the database is not touched. Needs the vault unlocked. */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.requireUnlocked();
      checkStrength(newPassphrase);
      await this.verifyPassphrase(oldPassphrase);
      const dataKey = this.requireKey();
      const entry = await createKeyEntry(newPassphrase, dataKey, this.kdfParams, this.keychainEnabled ? this.requireKeychain() : null);
      await writeKeyFile(this.files.keyFile, [entry]);
      if (this.state === 'unlocked') this.entry = entry;
      this.log.info('vault.passphraseChanged');
      this.emit();
      return this.status();
    });
  }

  /** Adds or removes the keychain's copy of the key. Needs the vault unlocked. */
  setKeychain(enabled: boolean): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.requireUnlocked();
      const current = this.requireEntry();
      const next: KeyEntry = { ...current };
      if (enabled) next.keychain = this.requireKeychain().encrypt(this.requireKey()).toString('base64');
      else delete next.keychain;
      await writeKeyFile(this.files.keyFile, [next]);
      this.entry = next;
      this.keychainEnabled = enabled;
      this.emit();
      return this.status();
    });
  }

  /**
   * Replaces the data key and re-encrypts every page. The key file holds both keys while the database changes, so a
   * crash at any point leaves a vault that opens with the passphrase.
   */
  rekey(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.requireUnlocked();
      await this.verifyPassphrase(passphrase);
      const current = this.requireEntry();
      const newKey = randomBytes(32);
      const next = await createKeyEntry(passphrase, newKey, this.kdfParams, this.keychainEnabled ? this.requireKeychain() : null);
      await writeKeyFile(this.files.keyFile, [current, next]);
      const db = this.requireSession().db;
      const raw = toRawKeyBuffer(newKey);
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        // SQLite3 Multiple Ciphers cannot rekey a database in WAL mode.
        db.pragma('journal_mode = DELETE');
        db.rekey(raw);
      } finally {
        raw.fill(0);
        db.pragma('journal_mode = WAL');
      }
      await writeKeyFile(this.files.keyFile, [next]);
      if (this.session?.db !== db) {
        // Locked meanwhile: keep no key in memory.
        newKey.fill(0);
        return this.status();
      }
      this.dataKey?.fill(0);
      this.dataKey = newKey;
      this.entry = next;
      this.log.info('vault.rekeyed');
      return this.status();
    });
  }

  /** Writes an encrypted backup (default: the vault's backups folder). Needs the vault unlocked. */
  backup(target?: string): Promise<VaultBackupInfo> {
    return this.exclusive(async () => {
      const session = this.requireSession();
      const file = target ?? path.join(this.files.backupDir, `guichet-vault-${timestamp(this.clock.now())}${VAULT_BACKUP_EXTENSION}`);
      if (!path.isAbsolute(file) || !file.toLowerCase().endsWith(VAULT_BACKUP_EXTENSION)) {
        throw new BackupInvalidError(`A backup must be an absolute path ending in ${VAULT_BACKUP_EXTENSION}.`, { reason: 'badPath' });
      }
      const copy = path.join(this.files.dir, `.backup-${randomBytes(6).toString('hex')}.db`);
      try {
        // VACUUM INTO writes a consistent, compacted copy encrypted with the same key (owner-only from the start).
        vacuumIntoPrivateFile(session.db, copy);
        const { keychain: _keychain, ...keyEntry } = this.requireEntry();
        const createdAt = this.clock.now();
        const sizeBytes = await writeVaultBackup(file, copy, { createdAt, schemaVersion: schemaVersion(session.db), keyEntry });
        this.log.info('vault.backupWritten', { sizeBytes });
        return { fileName: path.basename(file), sizeBytes, createdAt };
      } finally {
        await rm(copy, { force: true });
      }
    });
  }

  /** Backups in the vault's backups folder, newest first. */
  async listBackups(): Promise<VaultBackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.files.backupDir);
    } catch {
      return [];
    }
    const infos = await Promise.all(
      names
        .filter((name) => name.toLowerCase().endsWith(VAULT_BACKUP_EXTENSION))
        .map(async (name) => {
          const file = path.join(this.files.backupDir, name);
          const info = await stat(file);
          return { fileName: name, sizeBytes: info.size, createdAt: Math.trunc(info.mtimeMs) };
        }),
    );
    return infos.sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * The path of a backup in the backups folder, by the name `listBackups` gave. The name is looked up in the folder's
   * listing, never joined as given, so no name reaches a file outside the folder.
   */
  async listedBackupPath(fileName: string): Promise<string> {
    const names = await readdir(this.files.backupDir).catch(() => [] as string[]);
    const found = names.find((name) => name === fileName && name.toLowerCase().endsWith(VAULT_BACKUP_EXTENSION));
    if (!found) throw new BackupInvalidError('There is no such backup in the backups folder.', { reason: 'notListed' });
    return path.join(this.files.backupDir, found);
  }

  /**
   * Replaces the vault with a backup, after checking the backup completely: container checksums, the passphrase it
   * was made with, and a full integrity check of its database. Nothing is replaced if any check fails. Ends unlocked.
   */
  restore(file: string, passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.throttle.check();
      await mkdir(this.files.dir, { recursive: true, mode: 0o700 });
      const staged = path.join(this.files.dir, `.restore-${randomBytes(6).toString('hex')}.db`);
      let dataKey: Buffer | null = null;
      try {
        const header = await readVaultBackup(file, staged);
        const entry: KeyEntry = { ...header.keyEntry };
        const opened = await unwrapWithPassphrase(passphrase, [entry]);
        dataKey = opened[0]?.key ?? null;
        if (!dataKey) throw this.wrongPassphrase();
        try {
          openVaultDatabase(staged, dataKey, { check: 'full' }).db.close();
        } catch (error) {
          const reason = error instanceof KeyMismatchError ? 'keyMismatch' : 'integrity';
          throw new BackupInvalidError(`The backup's database is damaged: ${(error as Error).message}`, { reason }, { cause: error });
        }
        // Only a backup that is whole and opens with its passphrase replaces the vault, and clears the count.
        this.throttle.succeed();
        await removeCompanions(staged);

        // The backup is good: replace. Keep the old entries usable until the new database is in place.
        this.lock('restore');
        let liveEntries: KeyEntry[] = [];
        try {
          liveEntries = (await readKeyFile(this.files.keyFile))?.entries ?? [];
        } catch {
          liveEntries = [];
        }
        await writeKeyFile(this.files.keyFile, [...liveEntries.slice(0, 3), entry]);
        await removeCompanions(this.files.database);
        await rename(staged, this.files.database);
        await writeKeyFile(this.files.keyFile, [entry]);
        this.keychainEnabled = false;
        this.open(dataKey, entry);
        dataKey = null;
        this.log.info('vault.restored', { schemaVersion: header.schemaVersion });
        return this.status();
      } finally {
        dataKey?.fill(0);
        await rm(staged, { force: true });
        await removeCompanions(staged);
      }
    });
  }

  /** For the health report: the state, and when unlocked the schema version and a quick check. */
  /**
   * The way out of a damaged vault when no backup exists: the damaged files are moved, untouched, into a
   * `damaged-<time>` folder beside the vault (support may still recover them) and a new vault can be created.
   * Only allowed in the corrupt state: a readable vault is never set aside.
   */
  setAsideDamaged(): Promise<{ folder: string; status: VaultStatus }> {
    return this.exclusive(async () => {
      if (this.state !== 'corrupt') throw new VaultNotCorruptError('Only a damaged vault can be set aside.');
      const folder = path.join(this.files.dir, `damaged-${new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-')}`);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      for (const file of [this.files.database, ...this.files.companions, this.files.keyFile]) {
        if (await exists(file)) await rename(file, path.join(folder, path.basename(file)));
      }
      this.log.warn('vault.setAsideDamaged', { folder });
      this.corruptReason = null;
      this.keychainEnabled = false;
      this.setState('absent');
      return { folder, status: this.status() };
    });
  }

  async health(): Promise<{ state: 'unlocked' | 'locked' | 'absent'; schemaVersion: number | null }> {
    if (this.state === 'corrupt') throw new Error(`vault corrupt: ${this.corruptReason ?? 'unknown'}`);
    if (this.state !== 'unlocked' || !this.session) return { state: this.state, schemaVersion: null };
    const result = this.session.db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`vault quick_check: ${String(result)}`);
    return { state: 'unlocked', schemaVersion: schemaVersion(this.session.db) };
  }

  dispose(): void {
    this.lock('quit');
    this.idleTimer.stop();
  }

  // --- internals ---

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private requireSession(): SqlSession {
    if (this.state !== 'unlocked' || !this.session) throw new VaultLockedError('The vault is locked.');
    return this.session;
  }

  private requireUnlocked(): void {
    this.requireSession();
  }

  private requireKey(): Buffer {
    if (!this.dataKey) throw new VaultLockedError('The vault is locked.');
    return this.dataKey;
  }

  private requireEntry(): KeyEntry {
    if (!this.entry) throw new VaultLockedError('The vault is locked.');
    return this.entry;
  }

  private requireLockedState(): void {
    if (this.state === 'absent') throw new VaultAbsentError('There is no vault yet.');
    if (this.state === 'corrupt') {
      throw new VaultCorruptError(`The vault is damaged: ${this.corruptReason ?? 'unknown reason'}. Restore a backup.`, { reason: 'corrupt' });
    }
  }

  private keychainAvailable(): boolean {
    try {
      return this.keyProtector?.isAvailable() ?? false;
    } catch {
      return false;
    }
  }

  private requireKeychain(): KeyProtector {
    if (!this.keyProtector || !this.keychainAvailable()) throw new KeychainUnavailableError('The system keychain is not available.');
    return this.keyProtector;
  }

  private wrongPassphrase(): WrongPassphraseError {
    const retryAfterMs = this.throttle.fail();
    this.log.warn('vault.wrongPassphrase', { failedAttempts: this.throttle.failedAttempts });
    this.emit();
    return new WrongPassphraseError('The passphrase is not correct.', { retryAfterMs, failedAttempts: this.throttle.failedAttempts });
  }

  /** The passphrase must unwrap the key currently in use (throttled like unlocking). */
  private async verifyPassphrase(passphrase: string): Promise<void> {
    this.throttle.check();
    const current = this.requireEntry();
    const key = this.requireKey();
    const opened = await unwrapWithPassphrase(passphrase, [current]);
    const ok = opened[0] !== undefined && timingSafeEqual(opened[0].key, key);
    for (const item of opened) item.key.fill(0);
    if (!ok) throw this.wrongPassphrase();
    this.throttle.succeed();
  }

  private async readKeyFileOrCorrupt() {
    try {
      const keyFile = await readKeyFile(this.files.keyFile);
      if (!keyFile) throw new VaultCorruptError('The vault key file is missing.', { reason: 'keyFileMissing' });
      return keyFile;
    } catch (error) {
      this.markCorrupt(error);
      throw error;
    }
  }

  /**
   * Opens the database with the first key that fits. Several keys exist only after an interrupted rekey or restore;
   * the key file is then cut back to the one that works.
   */
  private async openFirstWorking(opened: Array<{ entry: KeyEntry; key: Buffer }>, allEntries: readonly KeyEntry[]): Promise<void> {
    try {
      for (const { entry, key } of opened) {
        try {
          this.open(key, entry);
        } catch (error) {
          if (error instanceof KeyMismatchError) continue;
          throw error;
        }
        for (const other of opened) if (other.key !== key) other.key.fill(0);
        if (allEntries.length > 1) await writeKeyFile(this.files.keyFile, [entry]);
        return;
      }
      throw new VaultCorruptError('The vault database does not open with its key: its first page is damaged or it was replaced.', {
        reason: 'keyMismatch',
      });
    } catch (error) {
      for (const { key } of opened) if (key !== this.dataKey) key.fill(0);
      if (error instanceof VaultCorruptError || !(error instanceof GuichetError)) this.markCorrupt(error);
      throw error instanceof GuichetError ? error : new VaultCorruptError(`The vault cannot be opened: ${(error as Error).message}`, { reason: 'open' });
    }
  }

  /** Opens (checks, migrates) the live database and becomes unlocked. Throws KeyMismatchError / VaultCorruptError. */
  private open(dataKey: Buffer, entry: KeyEntry): void {
    const session = openVaultDatabase(this.files.database, dataKey, { check: this.openCheck });
    this.closeSession();
    this.session = session;
    this.dataKey = dataKey;
    this.entry = entry;
    this.keychainEnabled = entry.keychain !== undefined;
    this.lockReason = null;
    this.setState('unlocked');
    this.idleTimer.start();
  }

  private closeSession(): void {
    for (const writer of this.writers) void writer.close();
    this.writers.clear();
    if (this.session) {
      try {
        this.session.db.close();
      } catch (error) {
        this.log.warn('vault.closeFailed', { message: (error as Error).message });
      }
    }
    this.session = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
    this.entry = null;
  }

  private markCorrupt(error: unknown): void {
    this.closeSession();
    this.corruptReason = error instanceof Error ? error.message : String(error);
    this.log.error('vault.corrupt', { reason: this.corruptReason });
    this.setState('corrupt');
  }

  private async finishInterruptedCreate(): Promise<void> {
    const pending = `${this.files.database}.new`;
    if (!(await exists(pending))) return;
    if ((await exists(this.files.keyFile)) && !(await exists(this.files.database))) {
      await rename(pending, this.files.database);
      this.log.warn('vault.createFinished');
    } else {
      await rm(pending, { force: true });
    }
  }

  private setState(state: VaultState): void {
    this.state = state;
    if (state !== 'corrupt') this.corruptReason = null;
    this.emit();
  }

  private emit(): void {
    try {
      this.onStateChange(this.status());
    } catch (error) {
      this.log.error('vault.stateListenerFailed', { message: (error as Error).message });
    }
  }
}

function checkStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new WeakPassphraseError(`The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`, { minLength: MIN_PASSPHRASE_LENGTH });
  }
}

async function exists(file: string): Promise<boolean> {
  return (await fileSize(file)) !== null;
}

async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function removeCompanions(database: string): Promise<void> {
  await Promise.all(['-wal', '-shm', '-journal'].map((suffix) => rm(`${database}${suffix}`, { force: true })));
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}
