import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureConnection } from '../../../src-main/vault/configureConnection';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src-main/vault/migrations/migrations';
import { runMigrations, schemaVersion } from '../../../src-main/vault/migrations/runMigrations';
import { openKeyed, openVaultDatabase } from '../../../src-main/vault/openVaultDatabase';
import type { Db } from '../../../src-main/vault/SqlSession';
import { makeTempDir } from './vaultTestKit';

/** Rows written with the schema of each version, before migrating to the next. */
const seeds: Record<number, (db: Db) => void> = {
  0: () => {},
  1: (db) => {
    db.prepare(`INSERT INTO persons VALUES ('p1', 'self', 'Anne Muller', 1)`).run();
    db.prepare(`INSERT INTO spaces VALUES ('s1', 'p1', 'private', 'Privé', 1)`).run();
    db.prepare(`INSERT INTO documents (id, space_id, name, media_type, size, sha256, content, created_at) VALUES ('doc1', 's1', 'Certificat résidence.pdf', 'application/pdf', 3, 'ab', x'010203', 1)`).run();
    db.prepare(`INSERT INTO drafts VALUES ('d1', 's1', 'proc', '1', 'Titre', '{"a":1}', '["doc1"]', 1, 2)`).run();
  },
  2: (db) => {
    db.prepare(`INSERT INTO dossiers (id, reference, procedure_id, space_id, title, status, updated_at) VALUES ('x1', 'GU-7', 'proc', 's1', 'Permis de conduire', 'open', 3)`).run();
    db.prepare(`INSERT INTO messages (id, dossier_id, direction, subject, body, sent_at) VALUES ('m1', 'x1', 'in', 'Rendez-vous', 'Merci de vous présenter', 4)`).run();
    db.prepare(`INSERT INTO outbox (idempotency_key, kind, payload, next_attempt_at, created_at) VALUES ('k1', 'submit', '{}', 1, 1)`).run();
  },
  3: (db) => {
    db.prepare(`INSERT INTO messages (id, dossier_id, direction, subject, body, sent_at) VALUES ('m2', 'x1', 'out', 'Réponse', 'Je viendrai', 5)`).run();
  },
  4: (db) => {
    db.prepare(`INSERT INTO catalogue VALUES ('proc', '1', '{}', 'W/"1"', 1)`).run();
  },
  5: (db) => {
    db.prepare(`UPDATE drafts SET resume_at = '@review' WHERE id = 'd1'`).run();
  },
  6: (db) => {
    // What the mailbox kept as vault settings before version 7 (one broken value among them).
    const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    set.run('mailbox.files:m1', JSON.stringify([{ id: 'f1', filename: 'extrait.pdf', mediaType: 'application/pdf', size: 3, sha256: 'a'.repeat(64) }]));
    set.run('mailbox.files:m2', 'not json');
    set.run('mailbox.replies:x1', JSON.stringify({ allowed: true, status: 'open', checkedAt: 42 }));
    set.run('mailbox.trustAnchors', JSON.stringify({ root: 'r', chain: 'c', fetchedAt: 1 }));
    set.run('dossiers.trustAnchors', JSON.stringify({ root: 'r2', chain: 'c2', fetchedAt: 2 }));
    set.run('mailbox.notifiedRid', '7');
  },
};

/** What must hold after migrating to each version (including everything seeded before). */
const checks: Record<number, (db: Db) => void> = {
  1: (db) => {
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  },
  2: (db) => {
    expect(db.prepare(`SELECT values_json FROM drafts WHERE id = 'd1'`).get()).toEqual({ values_json: '{"a":1}' });
    expect(db.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 0 });
  },
  3: (db) => {
    // Rows written before FTS existed are indexed by the migration; later rows by the triggers.
    const find = (table: string, q: string) => db.prepare(`SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH ?`).all(q).length;
    expect(find('dossiers', 'permis')).toBe(1);
    expect(find('messages', 'presenter')).toBe(1);
    expect(find('documents', 'residence')).toBe(1);
    db.prepare(`INSERT INTO messages (id, dossier_id, direction, subject, body, sent_at) VALUES ('mx', 'x1', 'in', 'Neu', 'zusätzlich', 9)`).run();
    expect(find('messages', 'zusatzlich')).toBe(1);
    db.prepare(`DELETE FROM messages WHERE id = 'mx'`).run();
    expect(find('messages', 'zusatzlich')).toBe(0);
    expect(() => db.prepare(`INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  },
  4: (db) => {
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM catalogue').get()).toEqual({ n: 0 });
  },
  5: (db) => {
    // Drafts saved before reopen at the start; everything else is untouched.
    expect(db.prepare(`SELECT values_json, resume_at FROM drafts WHERE id = 'd1'`).get()).toEqual({ values_json: '{"a":1}', resume_at: null });
    expect(db.prepare(`SELECT etag FROM catalogue`).get()).toEqual({ etag: 'W/"1"' });
    db.prepare(`UPDATE drafts SET resume_at = '@review' WHERE id = 'd1'`).run();
    expect(db.prepare(`SELECT resume_at FROM drafts WHERE id = 'd1'`).get()).toEqual({ resume_at: '@review' });
  },
  6: (db) => {
    // Drafts of before were never sent: no submission rows, the drafts as they were.
    expect(db.prepare('SELECT count(*) AS n FROM submissions').get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT resume_at FROM drafts WHERE id = 'd1'`).get()).toEqual({ resume_at: '@review' });
    db.prepare(`INSERT INTO submissions (draft_id, procedure_id, status, idempotency_key, created_at, updated_at) VALUES ('d1', 'proc', 'queued', 'sub-1', 1, 1)`).run();
    expect(() => db.prepare(`UPDATE submissions SET status = 'lost' WHERE draft_id = 'd1'`).run()).toThrow(/CHECK/);
  },
  7: (db) => {
    // The mailbox's settings moved to their rows; a broken one is not known (asked of the authority again).
    expect(JSON.parse((db.prepare(`SELECT files FROM messages WHERE id = 'm1'`).get() as { files: string }).files)).toEqual([
      { id: 'f1', filename: 'extrait.pdf', mediaType: 'application/pdf', size: 3, sha256: 'a'.repeat(64) },
    ]);
    expect(db.prepare(`SELECT files FROM messages WHERE id = 'm2'`).get()).toEqual({ files: null });
    expect(db.prepare(`SELECT replies_allowed, replies_checked_at FROM dossiers WHERE id = 'x1'`).get()).toEqual({ replies_allowed: 1, replies_checked_at: 42 });
    expect(db.prepare(`SELECT key FROM settings ORDER BY key`).all()).toEqual([{ key: 'authority.trustAnchors' }, { key: 'mailbox.notifiedRid' }]);
    // The newer copy of the anchors, for the checks made offline.
    expect(JSON.parse((db.prepare(`SELECT value FROM settings WHERE key = 'authority.trustAnchors'`).get() as { value: string }).value)).toEqual({ root: 'r2', chain: 'c2', fetchedAt: 2 });
  },
};

describe('vault schema migrations', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('has a seed and a check for every version', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    for (const { version } of migrations) {
      expect(seeds[version - 1]).toBeTypeOf('function');
      expect(checks[version]).toBeTypeOf('function');
    }
  });

  for (const migration of migrations) {
    it(`migrates ${migration.version - 1} → ${migration.version} (${migration.name}) with data in it`, () => {
      const file = path.join(dir, `v${migration.version}.db`);
      const key = randomBytes(32);
      const db = openKeyed(file, key, { create: true });
      configureConnection(db);
      for (let v = 1; v < migration.version; v++) {
        runMigrations(db, v);
        seeds[v - 1]?.(db);
      }
      seeds[migration.version - 1]?.(db);
      expect(schemaVersion(db)).toBe(migration.version - 1);
      expect(runMigrations(db, migration.version)).toEqual([migration.version]);
      expect(schemaVersion(db)).toBe(migration.version);
      checks[migration.version]?.(db);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('rolls a failing step back completely, leaving the previous version', () => {
    const file = path.join(dir, 'fail.db');
    const key = randomBytes(32);
    const db = openKeyed(file, key, { create: true });
    runMigrations(db, 2);
    db.exec('CREATE VIRTUAL TABLE messages_fts USING fts5(x)'); // step 3 will fail on this name
    expect(() => runMigrations(db)).toThrow();
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'dossiers_fts'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('opens an up-to-date vault without applying anything, and refuses a newer one', () => {
    const file = path.join(dir, 'latest.db');
    const key = randomBytes(32);
    openVaultDatabase(file, key, { create: true }).db.close();
    const db = openKeyed(file, key);
    expect(runMigrations(db)).toEqual([]);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openVaultDatabase(file, key)).toThrow(expect.objectContaining({ name: 'VaultCorruptError', details: expect.objectContaining({ reason: 'newerSchema' }) }));
  });
});
