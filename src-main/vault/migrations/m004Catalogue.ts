import type { Migration } from './Migration';

export const m004Catalogue: Migration = {
  version: 4,
  name: 'cached procedure catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue (
        procedure_id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        definition TEXT NOT NULL,
        etag TEXT,
        fetched_at INTEGER NOT NULL
      );
    `);
  },
};
