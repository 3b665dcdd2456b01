import type { Migration } from './Migration';

/**
 * One external-content FTS5 table per source, kept in sync by triggers; existing rows are indexed by 'rebuild'.
 * automerge 8 (default 4) rewrites index segments less often while inserting: fewer pages to re-encrypt.
 */
function ftsFor(table: string, columns: string[]): string {
  const fts = `${table}_fts`;
  const cols = columns.join(', ');
  const news = columns.map((c) => `new.${c}`).join(', ');
  const olds = columns.map((c) => `old.${c}`).join(', ');
  return `
    CREATE VIRTUAL TABLE ${fts} USING fts5(${cols}, content='${table}', content_rowid='rid', tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER ${table}_fts_ai AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${fts}(rowid, ${cols}) VALUES (new.rid, ${news});
    END;
    CREATE TRIGGER ${table}_fts_ad AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${fts}(${fts}, rowid, ${cols}) VALUES ('delete', old.rid, ${olds});
    END;
    CREATE TRIGGER ${table}_fts_au AFTER UPDATE OF ${cols} ON ${table} BEGIN
      INSERT INTO ${fts}(${fts}, rowid, ${cols}) VALUES ('delete', old.rid, ${olds});
      INSERT INTO ${fts}(rowid, ${cols}) VALUES (new.rid, ${news});
    END;
    INSERT INTO ${fts}(${fts}, rank) VALUES ('automerge', 8);
    INSERT INTO ${fts}(${fts}) VALUES ('rebuild');
  `;
}

export const m003FullTextSearch: Migration = {
  version: 3,
  name: 'full-text search over dossiers, messages and document names',
  up(db) {
    db.exec(ftsFor('dossiers', ['reference', 'title']));
    db.exec(ftsFor('messages', ['subject', 'body']));
    db.exec(ftsFor('documents', ['name']));
  },
};
