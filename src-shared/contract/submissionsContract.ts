import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';
import { fileHandleSchema } from './fileHandle';
import { languageSchema } from '../authority/apiSchemas';
import { identityRefSchema } from '../tokens/tokenSchemas';
import {
  antibotQuestionSchema,
  batchSignResultSchema,
  draftIdSchema,
  preparedIdSchema,
  preparedSubmissionSchema,
  signersSchema,
  signProgressSchema,
  submissionStateSchema,
} from '../submissions/submissionSchemas';

const submissionDocument = z.enum(['receipt', 'signed']);

export const submissionsCalls = {
  /**
   * Builds the submission PDF of a complete draft (in the given language) and keeps it in main for a while: what the
   * person previews is what gets signed. DraftIncompleteError when answers are missing, DraftSubmittedError once sent.
   */
  'submissions.prepare': defineCall({ input: z.object({ draftId: draftIdSchema, language: languageSchema }).strict(), output: preparedSubmissionSchema }),
  /** The prepared PDF's bytes (base64), for the preview. */
  'submissions.preview': defineCall({ input: z.object({ preparedId: preparedIdSchema }).strict(), output: z.object({ pdfBase64: z.string() }) }),
  /** The certificates that may sign it: the signed-in person's signature certificates, with their PIN state. */
  'submissions.signers': defineCall({ input: z.object({ preparedId: preparedIdSchema }).strict(), output: signersSchema }),
  /**
   * Signs the prepared PDF (PAdES B-T with the authority's timestamp; B-B when its TSA cannot be reached) with the
   * chosen certificate and the PIN (used once in main, never kept), stores it in the vault and puts the submission
   * into the outbox. Progress as submissions.progress; the outcome as submissions.changed.
   */
  'submissions.sign': defineCall({
    input: z
      .object({
        preparedId: preparedIdSchema,
        identity: identityRefSchema,
        pin: z.string().min(1).max(64).optional(),
        /** "I have read and approve the document": the person ticked it. */
        approved: z.literal(true),
      })
      .strict(),
    output: submissionStateSchema,
  }),
  /**
   * Several prepared submissions (the same person's) signed with one certificate in one token session: one login with
   * the PIN, one signature each (a key that wants its PIN per signature, CKA_ALWAYS_AUTHENTICATE, gets it from the same
   * PIN). Each item has its own outcome, a state or an error (a draft changed since it was prepared, a certificate this
   * procedure refuses); a refused PIN fails the whole call before anything is signed. Progress as submissions.progress
   * per prepared id; each outcome also as submissions.changed.
   */
  'submissions.signBatch': defineCall({
    input: z
      .object({
        preparedIds: z.array(preparedIdSchema).min(1).max(20),
        identity: identityRefSchema,
        pin: z.string().min(1).max(64).optional(),
        /** "I have read and approve these documents": the person ticked it. */
        approved: z.literal(true),
      })
      .strict(),
    output: batchSignResultSchema,
  }),
  /** Procedures that need a sign-in but no signature: sends the prepared PDF as it is, once the person approved it. */
  'submissions.submitUnsigned': defineCall({ input: z.object({ preparedId: preparedIdSchema, approved: z.literal(true) }).strict(), output: submissionStateSchema }),
  /** The authority's anti-bot question for a procedure without authentication (a new one at each call). */
  'submissions.antibot': defineCall({ input: noInput, output: antibotQuestionSchema }),
  /**
   * A procedure without authentication: the answer to the anti-bot question opens an anonymous session, the PDF gets
   * the simple signature (typed name + consent), and it is sent at once (no outbox: the session is good for one).
   */
  'submissions.submitAnonymous': defineCall({
    input: z
      .object({
        preparedId: preparedIdSchema,
        challengeId: z.string().min(16).max(200),
        answer: z.string().trim().min(1).max(100),
        contact: z.object({ email: z.email().max(254), phone: z.string().regex(/^\+[0-9]{6,15}$/).optional() }).strict(),
        termsAccepted: z.literal(true),
        signature: z.object({ name: z.string().trim().min(2).max(200), consent: z.literal(true) }).strict(),
      })
      .strict(),
    output: submissionStateSchema,
  }),
  /** What became of a draft's submission; null when it was never signed. */
  'submissions.state': defineCall({ input: z.object({ draftId: draftIdSchema }).strict(), output: z.object({ state: submissionStateSchema.nullable() }) }),
  /** Every signed draft, newest first (the dashboard's "waiting to be sent" and recent receipts). */
  'submissions.list': defineCall({ input: noInput, output: z.object({ items: z.array(submissionStateSchema) }) }),
  /** The receipt or the signed submission PDF (base64), for showing and printing. */
  'submissions.document': defineCall({
    input: z.object({ draftId: draftIdSchema, which: submissionDocument }).strict(),
    output: z.object({ pdfBase64: z.string(), name: z.string() }),
  }),
  /** Writes the receipt or the signed PDF to the file chosen in main's save dialog (app.pickSaveFile 'pdfDocument'). */
  'submissions.saveDocument': defineCall({
    input: z.object({ draftId: draftIdSchema, which: submissionDocument, saveTo: fileHandleSchema }).strict(),
    output: z.object({ name: z.string(), size: z.number().int() }),
  }),
};

export const submissionsEvents = {
  'submissions.progress': defineEvent(signProgressSchema),
  'submissions.changed': defineEvent(submissionStateSchema),
};
