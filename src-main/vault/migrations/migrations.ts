import type { Migration } from './Migration';
import { m001PeopleDraftsDocuments } from './m001PeopleDraftsDocuments';
import { m002DossiersMessagesOutbox } from './m002DossiersMessagesOutbox';
import { m003FullTextSearch } from './m003FullTextSearch';
import { m004Catalogue } from './m004Catalogue';
import { m005DraftResumeAt } from './m005DraftResumeAt';
import { m006Submissions } from './m006Submissions';
import { m007MessageFilesAndReplies } from './m007MessageFilesAndReplies';

/** Every schema step in order; append only, never edit a released step. */
export const migrations: readonly Migration[] = [m001PeopleDraftsDocuments, m002DossiersMessagesOutbox, m003FullTextSearch, m004Catalogue, m005DraftResumeAt, m006Submissions, m007MessageFilesAndReplies];

export const LATEST_SCHEMA_VERSION = migrations.length;
