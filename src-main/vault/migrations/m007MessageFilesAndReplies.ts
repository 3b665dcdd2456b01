import type { Migration } from './Migration';

export const m007MessageFilesAndReplies: Migration = {
  version: 7,
  name: "the authority's file entries of a message; whether a dossier accepts replies",
  up(db) {
    // NULL for what was synced before: a message's entries are asked of the authority once, a dossier's rule at its
    // next change or the next message opened.
    db.exec(`
      ALTER TABLE messages ADD COLUMN files TEXT;
      ALTER TABLE dossiers ADD COLUMN replies_allowed INTEGER;
      ALTER TABLE dossiers ADD COLUMN replies_checked_at INTEGER;
      -- The read marks of a message in the outbox, which every message a sync stores again is checked against.
      CREATE INDEX outbox_read_marks ON outbox(json_extract(payload, '$.messageId')) WHERE kind = 'messageRead';
    `);
    // Until now these were kept as vault settings, one key per message or dossier: moved to their rows, and the
    // settings dropped; of the two copies of the trust anchors, the newer is kept under the one key they now share.
    db.exec(`
      UPDATE messages SET files = (SELECT s.value FROM settings s WHERE s.key = 'mailbox.files:' || messages.id AND json_valid(s.value))
        WHERE EXISTS (SELECT 1 FROM settings s WHERE s.key = 'mailbox.files:' || messages.id);
      UPDATE dossiers SET
          replies_allowed = (SELECT CASE json_extract(s.value, '$.allowed') WHEN 1 THEN 1 WHEN 0 THEN 0 END FROM settings s WHERE s.key = 'mailbox.replies:' || dossiers.id AND json_valid(s.value)),
          replies_checked_at = (SELECT json_extract(s.value, '$.checkedAt') FROM settings s WHERE s.key = 'mailbox.replies:' || dossiers.id AND json_valid(s.value))
        WHERE EXISTS (SELECT 1 FROM settings s WHERE s.key = 'mailbox.replies:' || dossiers.id);
      INSERT OR IGNORE INTO settings (key, value)
        SELECT 'authority.trustAnchors', value FROM settings WHERE key IN ('mailbox.trustAnchors', 'dossiers.trustAnchors') AND json_valid(value)
        ORDER BY json_extract(value, '$.fetchedAt') DESC LIMIT 1;
      DELETE FROM settings WHERE key LIKE 'mailbox.files:%' OR key LIKE 'mailbox.replies:%' OR key IN ('mailbox.trustAnchors', 'dossiers.trustAnchors');
    `);
  },
};
