import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { profileIdSchema } from '../../../src-shared/vault/vaultProfileSchemas';
import { writeFileAtomic } from '../../fs/writeFileAtomic';
import type { Logger } from '../../log/Logger';
import { profileRecordSchema, type ProfileOwner, type ProfileRecord } from './profileRecord';

const PROFILE_FILE = 'profile.json';
const CURRENT_FILE = 'current.json';
const currentSchema = z.object({ profileId: profileIdSchema });
const LEGACY_ID = 'legacy';

export interface ListedProfile {
  id: string;
  record: ProfileRecord | null;
  /** key.json or vault.db is there. */
  exists: boolean;
}

/**
 * The vaults (profiles) of this OS account: one folder each under `<userData>/vaults`, named by its id, holding its
 * own key.json, vault.db, unlock-attempts.json, backups/ and profile.json. The folder listing is the list: there is
 * no index to get out of step with the folders. `current.json` remembers the one chosen last.
 */
export class ProfileRegistry {
  /** The legacy folder, used in place under this id when it could not be moved (see adoptLegacy). */
  private legacyInPlace: string | null = null;
  private readonly writing = new Set<Promise<void>>();
  private closed = false;

  constructor(
    readonly root: string,
    private readonly log: Logger,
  ) {}

  /** A profile's folder. The id is checked (letters, digits, dashes): it is never a path. */
  dirOf(id: string): string {
    if (id === LEGACY_ID && this.legacyInPlace) return this.legacyInPlace;
    return path.join(this.root, profileIdSchema.parse(id));
  }

  newId(): string {
    return randomBytes(6).toString('hex');
  }

  /** Every profile folder, oldest first (then by id). */
  async list(): Promise<ListedProfile[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const listed: ListedProfile[] = [];
    if (this.legacyInPlace) names = [LEGACY_ID, ...names.filter((name) => name !== LEGACY_ID)];
    for (const name of names) {
      if (!profileIdSchema.safeParse(name).success) continue;
      const dir = this.dirOf(name);
      if (!(await isDirectory(dir))) continue;
      const [record, keyFile, database] = await Promise.all([this.readRecord(name), isFile(path.join(dir, 'key.json')), isFile(path.join(dir, 'vault.db'))]);
      listed.push({ id: name, record, exists: keyFile || database });
    }
    // A vault whose label is not written yet (it is being created) comes last.
    const createdAt = (profile: ListedProfile) => profile.record?.createdAt ?? Number.MAX_SAFE_INTEGER;
    return listed.sort((a, b) => createdAt(a) - createdAt(b) || a.id.localeCompare(b.id));
  }

  /** The listed profile of that id, or null: an id from the renderer is looked up, never trusted. */
  async find(id: string): Promise<ListedProfile | null> {
    return (await this.list()).find((profile) => profile.id === id) ?? null;
  }

  /** profile.json, or null when missing or unreadable (the vault itself is not affected: it is only a label). */
  async readRecord(id: string): Promise<ProfileRecord | null> {
    try {
      const parsed = profileRecordSchema.safeParse(JSON.parse(await readFile(path.join(this.dirOf(id), PROFILE_FILE), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async writeRecord(id: string, record: Omit<ProfileRecord, 'format' | 'version'>): Promise<void> {
    const dir = this.dirOf(id);
    const full = profileRecordSchema.parse({ format: 'guichet-vault-profile', version: 1, ...record });
    await this.tracked(async () => {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path.join(dir, PROFILE_FILE), `${JSON.stringify(full, null, 2)}\n`, 0o600);
    });
  }

  /** No more writes after this; resolves when those under way are done (the app quits after it). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.writing.size > 0) await Promise.allSettled([...this.writing]);
  }

  /** Runs a write unless closed, so that quitting waits for it and nothing is written after. */
  private async tracked(write: () => Promise<void>): Promise<void> {
    if (this.closed) return;
    const running = write();
    this.writing.add(running);
    try {
      await running;
    } finally {
      this.writing.delete(running);
    }
  }

  /** Writes the owner into profile.json when it differs; true when it changed. */
  async describeOwner(id: string, owner: ProfileOwner | null, createdAt: number): Promise<boolean> {
    const record = await this.readRecord(id);
    if (record && JSON.stringify(record.owner) === JSON.stringify(owner)) return false;
    await this.writeRecord(id, { createdAt: record?.createdAt ?? createdAt, owner });
    return true;
  }

  async readCurrent(): Promise<string | null> {
    try {
      const parsed = currentSchema.safeParse(JSON.parse(await readFile(path.join(this.root, CURRENT_FILE), 'utf8')));
      return parsed.success ? parsed.data.profileId : null;
    } catch {
      return null;
    }
  }

  async writeCurrent(id: string): Promise<void> {
    await this.tracked(async () => {
      await mkdir(this.root, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path.join(this.root, CURRENT_FILE), `${JSON.stringify({ profileId: id })}\n`, 0o600);
    });
  }

  /**
   * The vault of the versions before profiles (`<userData>/vault`) becomes a profile as it is: its folder is renamed
   * into the vaults folder (one rename on the same disk: nothing is copied, nothing can be half-moved), with every
   * file in it (key, database, WAL, unlock attempts, backups, damaged copies). Returns the new profile's id, or null
   * when there was nothing to move. An empty legacy folder is removed.
   */
  async adoptLegacy(legacyDir: string): Promise<string | null> {
    let entries: string[];
    try {
      entries = await readdir(legacyDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (entries.length === 0) {
      await rmdir(legacyDir).catch(() => undefined);
      return null;
    }
    const id = this.newId();
    const createdAt = await stat(path.join(legacyDir, 'key.json')).then(
      (info) => Math.trunc(info.mtimeMs),
      () => null,
    );
    try {
      await mkdir(this.root, { recursive: true, mode: 0o700 });
      await rename(legacyDir, this.dirOf(id));
    } catch (error) {
      // Not moved (a file held open, a read-only parent): the vault is used where it is, under its own id.
      this.log.error('vault.legacyNotMoved', { message: (error as Error).message });
      this.legacyInPlace = legacyDir;
      return LEGACY_ID;
    }
    await this.writeRecord(id, { createdAt, owner: null });
    this.log.info('vault.legacyAdopted', { profileId: id });
    return id;
  }

  /** The profile to open at start: the one chosen last, else the oldest, else a new one (its folder comes with its vault). */
  async startProfile(): Promise<string> {
    const listed = await this.list();
    const current = await this.readCurrent();
    if (current && listed.some((profile) => profile.id === current)) return current;
    return listed[0]?.id ?? this.newId();
  }
}

async function isDirectory(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
