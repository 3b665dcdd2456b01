import path from 'node:path';

/** Where a vault lives inside its folder. */
export class VaultFiles {
  readonly database: string;
  readonly keyFile: string;
  readonly backupDir: string;
  /** Wrong-passphrase count and running delay (no secret). */
  readonly unlockAttempts: string;

  constructor(readonly dir: string) {
    this.database = path.join(dir, 'vault.db');
    this.keyFile = path.join(dir, 'key.json');
    this.backupDir = path.join(dir, 'backups');
    this.unlockAttempts = path.join(dir, 'unlock-attempts.json');
  }

  /** The database's companion files (WAL mode and rollback journal). */
  get companions(): string[] {
    return [`${this.database}-wal`, `${this.database}-shm`, `${this.database}-journal`];
  }
}
