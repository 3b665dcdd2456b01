import { rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { SANDBOX_SCHEMA_VERSION, sandboxMigrations } from './migrations';

export class SandboxDbError extends Error {
  override readonly name = 'SandboxDbError';
}

/**
 * Opens (or makes) the sandbox's database: plain SQLite, not encrypted (it plays the authority's side, with demo
 * data only). `reset` deletes the file first, so that a damaged one can be started over too. Migrations run one per
 * transaction with their user_version.
 */
export function openSandboxDb(file: string, options: { reset?: boolean } = {}): Database.Database {
  if (options.reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // A crash may lose the last transactions, never corrupt the file: enough for a sandbox, and much faster.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SANDBOX_SCHEMA_VERSION) {
      throw new SandboxDbError(`${file} was written by a newer sandbox (schema ${current}); start with --reset to begin again.`);
    }
    for (const migration of sandboxMigrations) {
      if (migration.version <= current) continue;
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof SandboxDbError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new SandboxDbError(`The sandbox database ${file} is damaged (${code}); start with --reset to begin again.`, { cause: error });
    }
    throw error;
  }
}
