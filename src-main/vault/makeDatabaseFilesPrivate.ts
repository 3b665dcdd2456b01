import { chmodSync, closeSync, openSync } from 'node:fs';

const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

/**
 * Makes a database file readable by its owner only before SQLite opens it, creating it empty (0600) when `create`.
 *
 * Why before, and why this is enough: SQLite's Unix VFS creates -wal, -shm and -journal with the database file's own
 * permission bits (it fchmods them, whatever the umask), so once the database is 0600 its companions are 0600 from the
 * moment they exist. Chmodding them after the open would leave a window in which another user could open a 0644 -wal
 * and keep the descriptor; a restrictive process umask around the open would apply to every thread of the process
 * meanwhile (the page writer, libuv's pool, Electron) and cannot be set from a worker at all.
 *
 * Companions already there (left by an earlier version, or by a crash) are brought to 0600 too, before SQLite reuses
 * them. On Windows the mode only sets or clears read-only (0600 keeps the file writable); access there is by ACL.
 */
export function makeDatabaseFilesPrivate(file: string, options: { create?: boolean } = {}): void {
  // 'a': O_CREAT without O_EXCL, so an existing database is opened, never truncated.
  if (options.create) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, ...COMPANION_SUFFIXES.map((suffix) => `${file}${suffix}`)]) {
    try {
      chmodSync(path, 0o600);
    } catch (error) {
      // Absent: SQLite creates it later with the database's mode, or (the database itself) refuses to open it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
