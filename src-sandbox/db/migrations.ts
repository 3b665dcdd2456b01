import type Database from 'better-sqlite3-multiple-ciphers';

/** One numbered schema step of the sandbox database; runs in a transaction with its user_version bump. */
export interface SandboxMigration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/**
 * Records kept whole as JSON (the sandbox only ever reads them whole), with `parent` for the lists the API gives:
 * the space of a dossier, document or member, the dossier of a message. Rows keep their insertion order (rowid).
 */
const recordTable = (name: string) => `
  CREATE TABLE ${name} (key TEXT PRIMARY KEY, parent TEXT, json TEXT NOT NULL, bytes BLOB);
  CREATE INDEX ${name}_parent ON ${name}(parent);
`;

export const sandboxMigrations: readonly SandboxMigration[] = [
  {
    version: 1,
    name: 'records, changes feed, idempotency, counters',
    up(db) {
      db.exec(`
        ${recordTable('spaces')}
        ${recordTable('members')}
        ${recordTable('dossiers')}
        ${recordTable('messages')}
        ${recordTable('documents')}
        ${recordTable('etrackings')}
        -- The changes feed. AUTOINCREMENT: a seq is never given twice, not even after a reset. pos = the entry's rank
        -- in its space, so that "how many remain" is a subtraction, not a count.
        CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, space TEXT NOT NULL, pos INTEGER NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL);
        CREATE INDEX changes_space_seq ON changes(space, seq);
        -- Answers of completed requests with an Idempotency-Key, per principal and key.
        CREATE TABLE idempotency (id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL);
        -- Per Idempotency-Key, how many dossiers or replies were really made with it (exactly-once tests).
        CREATE TABLE accepted (key TEXT PRIMARY KEY, n INTEGER NOT NULL);
        -- epoch (of the changes feed's cursors) and the reference and message counters.
        CREATE TABLE meta (key TEXT PRIMARY KEY, value);
      `);
    },
  },
  {
    version: 2,
    name: 'outgoing mail',
    up(db) {
      // The e-mails the sandbox would send (confirmations of submissions without authentication), kept like the
      // dossiers they are about: a demo restarted still shows what went out.
      db.exec(recordTable('outgoing_mail'));
    },
  },
  {
    version: 3,
    name: 'co-signature requests',
    up(db) {
      // Requests (parent: the requester's space) and their files, the PDF as uploaded and the attachments (parent:
      // the request), with the bytes beside the JSON.
      db.exec(`${recordTable('cosignatures')}${recordTable('cosignature_files')}`);
    },
  },
];

export const SANDBOX_SCHEMA_VERSION = sandboxMigrations[sandboxMigrations.length - 1]!.version;
