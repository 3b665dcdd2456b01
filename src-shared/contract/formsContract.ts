import { z } from 'zod';
import { defineCall } from './define';
import { noInput } from './noInput';
import { formDefinitionSchema } from '../forms/formDefinitionSchema';
import { localizedTextSchema } from '../forms/localizedTextSchema';
import { elementIdSchema } from '../forms/fieldIdSchema';
import { REVIEW_POSITION } from '../forms/reviewPosition';
import { fileNameSchema } from '../files/fileNameSchema';

const procedureId = z.string().regex(/^[a-z][a-z0-9-]{1,79}$/);
const draftId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const spaceId = z.string().min(1).max(200).nullable();
/** Where a draft was left: a step's id, or the review. */
const resumeAt = z.union([z.literal(REVIEW_POSITION), elementIdSchema]).nullable();

/** Largest attachment accepted, whatever a definition allows. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** One upload call carries at most this many bytes (base64 in JSON over the dev host's WebSocket stays under 8 MiB). */
export const ATTACHMENT_CHUNK_BYTES = 3 * 1024 * 1024;
/** A draft's values, as JSON, may not exceed this. */
export const MAX_DRAFT_JSON_CHARS = 2 * 1024 * 1024;

export const catalogueItemSchema = z.object({
  id: procedureId,
  version: z.number().int().min(1),
  audience: z.enum(['private', 'professional']),
  requiresAuthentication: z.boolean(),
  signature: z.enum(['none', 'simple', 'advanced', 'qualified']),
  theme: z.string(),
  etracking: z.boolean(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  authority: localizedTextSchema,
  keywords: z.array(z.string()),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

export const draftSummarySchema = z.object({
  id: draftId,
  spaceId,
  procedureId: z.string(),
  /** The definition version the values were saved against. */
  formVersion: z.number().int().min(0),
  title: z.string(),
  attachmentRefs: z.array(z.string()),
  /** Where the person left the form: a step id, '@review', or null for the first step. */
  resumeAt,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Signed and on its way (queued), sent with the dossier's reference, or refused (editable again); null: never signed. */
  submission: z.object({ status: z.enum(['queued', 'awaitingCoSigner', 'sent', 'refused']), reference: z.string().nullable() }).nullable(),
});
export type DraftSummaryView = z.infer<typeof draftSummarySchema>;

export const draftSchema = draftSummarySchema.extend({ values: z.record(z.string(), z.unknown()) });
export type DraftView = z.infer<typeof draftSchema>;

export const attachmentSchema = z.object({ ref: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int().min(0) });

const jsonRecord = z
  .record(z.string(), z.unknown())
  .refine((values) => JSON.stringify(values).length <= MAX_DRAFT_JSON_CHARS, { message: 'the draft is too large' });

export const formsCalls = {
  /** The procedures of the vault's cached catalogue (seeded from the bundled definitions while it is empty). */
  'catalogue.list': defineCall({ input: noInput, output: z.object({ items: z.array(catalogueItemSchema) }) }),
  /** One procedure's definition, checked (parseFormDefinition) before it leaves main; null when unknown or invalid. */
  'catalogue.get': defineCall({
    input: z.object({ procedureId }).strict(),
    output: z.object({ definition: formDefinitionSchema.nullable() }),
  }),
  'drafts.list': defineCall({
    input: z.object({ spaceId: z.string().min(1).max(200).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ items: z.array(draftSummarySchema) }),
  }),
  'drafts.get': defineCall({ input: z.object({ id: draftId }).strict(), output: z.object({ draft: draftSchema.nullable() }) }),
  /** Autosave: creates or replaces the draft. */
  'drafts.save': defineCall({
    input: z
      .object({
        id: draftId,
        spaceId: spaceId.default(null),
        procedureId,
        formVersion: z.number().int().min(1),
        title: z.string().max(500),
        values: jsonRecord,
        attachmentRefs: z.array(z.string().max(100)).max(500),
        resumeAt: resumeAt.default(null),
      })
      .strict(),
    output: z.object({ id: z.string(), updatedAt: z.number() }),
  }),
  /** Deletes the draft and the attachments stored for it. */
  'drafts.delete': defineCall({ input: z.object({ id: draftId }).strict(), output: z.object({ deleted: z.boolean() }) }),
  /**
   * Stores a file picked in a form in the vault, in chunks of at most ATTACHMENT_CHUNK_BYTES (base64): index 0..n-1,
   * `last` on the final one. The last call answers the stored attachment.
   */
  'drafts.uploadAttachment': defineCall({
    input: z
      .object({
        uploadId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
        index: z.number().int().min(0).max(100),
        last: z.boolean(),
        /** As the picker gave it; main keeps only the normalised name (normalizeFileName), a NUL is refused. */
        name: fileNameSchema,
        mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
        spaceId: spaceId.default(null),
        chunkBase64: z.string().max(Math.ceil((ATTACHMENT_CHUNK_BYTES * 4) / 3) + 4),
      })
      .strict(),
    output: z.object({ attachment: attachmentSchema.nullable() }),
  }),
  'drafts.removeAttachment': defineCall({ input: z.object({ ref: z.string().min(1).max(100) }).strict(), output: z.object({ deleted: z.boolean() }) }),
  /**
   * What prefill reads: the person's and the company's data from the vault's personal data sets; null where the
   * vault holds none (before the first sync).
   */
  'personalData.prefill': defineCall({
    input: noInput,
    output: z.object({ person: z.record(z.string(), z.unknown()).nullable(), company: z.record(z.string(), z.unknown()).nullable() }),
  }),
};
