import type { Migration } from './Migration';

export const m006Submissions: Migration = {
  version: 6,
  name: 'submissions of drafts (signed PDF, outbox item, receipt)',
  up(db) {
    // One row per draft that was signed: what left (or waits to leave), and what came back. The draft itself stays
    // for the record; while a row is 'queued', 'awaitingCoSigner' (sent to a second signer) or 'sent' the draft is
    // read-only, 'refused' makes it editable again.
    db.exec(`
      CREATE TABLE submissions (
        draft_id TEXT PRIMARY KEY,
        space_id TEXT,
        procedure_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'awaitingCoSigner', 'sent', 'refused')),
        outbox_id INTEGER,
        idempotency_key TEXT NOT NULL,
        signed_document_id TEXT,
        receipt_document_id TEXT,
        reference TEXT,
        signature_level TEXT,
        signed_by TEXT,
        error_json TEXT,
        cosignature_id TEXT,
        cosigner_space_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX submissions_outbox ON submissions(outbox_id);
    `);
  },
};
