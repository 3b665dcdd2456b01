import { closeSync, openSync } from 'node:fs';
import type { Db } from './SqlSession';

/**
 * VACUUM INTO `target`, a file that must not exist yet, readable by the owner only from its first byte: SQLite would
 * create it 0644 (less the umask). It is created empty first ('wx': never someone else's file or a link planted at
 * that name), which VACUUM INTO accepts, and SQLite keeps the mode of an existing file.
 */
export function vacuumIntoPrivateFile(db: Db, target: string): void {
  closeSync(openSync(target, 'wx', 0o600));
  db.prepare('VACUUM INTO ?').run(target);
}
