import Database from 'better-sqlite3-multiple-ciphers';
import { VaultCorruptError } from '../../src-shared/vault/errors';
import { configureConnection } from './configureConnection';
import { makeDatabaseFilesPrivate } from './makeDatabaseFilesPrivate';
import { runMigrations } from './migrations/runMigrations';
import { SqlSession, type Db } from './SqlSession';
import { toRawKeyBuffer } from './toRawKeyBuffer';

export type OpenCheck = 'quick' | 'full';

/** The key does not open this file (wrong key, or a damaged first page: the caller decides which). */
export class KeyMismatchError extends Error {}

/** Opens the keyed connection without touching the schema. The file must exist unless `create`. */
export function openKeyed(file: string, dataKey: Buffer, options: { create?: boolean; readonly?: boolean } = {}): Db {
  // Owner only, before SQLite creates the file or its -wal/-shm (they take the database's mode).
  if (!options.readonly) makeDatabaseFilesPrivate(file, { create: options.create ?? false });
  const db = new Database(file, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  const raw = toRawKeyBuffer(dataKey);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(raw);
    // The key is only checked when the first page is read.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new KeyMismatchError('The key does not open this database.');
    throw error;
  } finally {
    raw.fill(0);
  }
}

/** Runs an integrity check and throws VaultCorruptError with SQLite's first complaint when it fails. */
export function checkIntegrity(db: Db, check: OpenCheck): void {
  let result: unknown[];
  try {
    result = db.pragma(check === 'full' ? 'integrity_check(20)' : 'quick_check(20)', { simple: false }) as unknown[];
  } catch (error) {
    throw new VaultCorruptError(`The vault database is damaged: ${(error as Error).message}`, { reason: 'integrity' }, { cause: error });
  }
  const lines = result.map((row) => Object.values(row as Record<string, unknown>)[0]);
  if (lines.length !== 1 || lines[0] !== 'ok') {
    throw new VaultCorruptError(`The vault database is damaged: ${String(lines[0])}`, { reason: 'integrity', problems: lines.slice(0, 5) });
  }
}

/**
 * Opens, checks and migrates the vault database. Damage shows as VaultCorruptError, a key that does not fit as
 * KeyMismatchError; never is an existing file replaced or a new one created unless `create`.
 */
export function openVaultDatabase(file: string, dataKey: Buffer, options: { create?: boolean; check?: OpenCheck } = {}): SqlSession {
  let db: Db;
  try {
    db = openKeyed(file, dataKey, { create: options.create ?? false });
  } catch (error) {
    throw toCorruptError(error);
  }
  try {
    checkIntegrity(db, options.check ?? 'quick');
    configureConnection(db);
    runMigrations(db);
    return new SqlSession(db);
  } catch (error) {
    db.close();
    throw toCorruptError(error);
  }
}

/** SQLite's damage codes become VaultCorruptError; anything else (a key mismatch, a bug) passes through. */
function toCorruptError(error: unknown): unknown {
  if (error instanceof VaultCorruptError || error instanceof KeyMismatchError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) {
    return new VaultCorruptError(`The vault database is damaged: ${(error as Error).message}`, { reason: 'open', code }, { cause: error });
  }
  return error;
}
