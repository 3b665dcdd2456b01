import type { Migration } from './Migration';

export const m005DraftResumeAt: Migration = {
  version: 5,
  name: 'where a draft was left (step or review)',
  up(db) {
    // NULL for drafts saved before: they reopen at the first step, as they did.
    db.exec(`ALTER TABLE drafts ADD COLUMN resume_at TEXT;`);
  },
};
