import type { Db } from './SqlSession';

/**
 * Connection settings for speed and safety, the same for the encrypted vault and the plain benchmark twin.
 * WAL with synchronous=NORMAL: a committed transaction survives a process crash; temp_store=MEMORY keeps sort and
 * temp tables out of (unencrypted) temporary files.
 */
export function configureConnection(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache: every page read from disk must be decrypted, so misses cost more than in plain SQLite.
  db.pragma('cache_size = -65536');
  // Checkpoint every ~16 MiB of WAL instead of 4: a page changed several times is encrypted and copied back once.
  db.pragma('wal_autocheckpoint = 4000');
  db.pragma('journal_size_limit = 33554432');
}
