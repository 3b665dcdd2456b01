import type { Migration } from './Migration';

export const m002DossiersMessagesOutbox: Migration = {
  version: 2,
  name: 'dossiers, messages, outbox, sync cursors',
  up(db) {
    db.exec(`
      CREATE TABLE dossiers (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        reference TEXT NOT NULL UNIQUE,
        procedure_id TEXT NOT NULL,
        space_id TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        status_history TEXT NOT NULL DEFAULT '[]',
        submitted_at INTEGER,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX dossiers_updated ON dossiers(updated_at DESC);
      CREATE INDEX dossiers_space_updated ON dossiers(space_id, updated_at DESC);
      CREATE INDEX dossiers_space_status_updated ON dossiers(space_id, status, updated_at DESC);
      CREATE INDEX dossiers_status_updated ON dossiers(status, updated_at DESC);
      CREATE TABLE messages (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        dossier_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        attachments TEXT NOT NULL DEFAULT '[]',
        sent_at INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX messages_dossier_sent ON messages(dossier_id, sent_at);
      CREATE INDEX messages_unread ON messages(dossier_id) WHERE read = 0 AND direction = 'in';
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
        tries INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        sent_at INTEGER
      );
      CREATE INDEX outbox_pending ON outbox(next_attempt_at, id) WHERE status = 'pending';
      CREATE TABLE sync_cursors (stream TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at INTEGER NOT NULL);
    `);
  },
};
