import type { Migration } from './Migration';

export const m001PeopleDraftsDocuments: Migration = {
  version: 1,
  name: 'persons, spaces, settings, personal data, documents, drafts',
  up(db) {
    db.exec(`
      CREATE TABLE persons (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('self', 'represented')),
        display_name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE spaces (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('private', 'professional')),
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX spaces_person ON spaces(person_id);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE personal_data_sets (
        id INTEGER PRIMARY KEY,
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        source TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        UNIQUE (person_id, kind, version)
      );
      CREATE TABLE documents (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        space_id TEXT,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX documents_space ON documents(space_id, created_at DESC);
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        space_id TEXT,
        procedure_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        values_json TEXT NOT NULL,
        attachment_refs TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX drafts_updated ON drafts(updated_at DESC);
    `);
  },
};
