import { VaultCorruptError } from '../../../src-shared/vault/errors';
import type { Db } from '../SqlSession';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to `target` (default: latest), one step per transaction with its user_version bump: a crash
 * leaves the database at the previous step, never between two. Returns the versions applied.
 */
export function runMigrations(db: Db, target: number = LATEST_SCHEMA_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new VaultCorruptError('This vault was written by a newer version of the app.', { reason: 'newerSchema', version: current });
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
