import { z } from 'zod';
import { crossFieldRuleSchema, elementIdSchema, expressionSchema, fieldSchema } from './fieldSchema';
import { localizedTextSchema } from './localizedTextSchema';

/** Version of the definition format itself (not of a procedure's form). Bumped on incompatible format changes. */
export const FORM_SCHEMA_VERSION = 1;

export const sectionSchema = z.strictObject({
  id: elementIdSchema,
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  help: localizedTextSchema.optional(),
  visibleIf: expressionSchema.optional(),
  fields: z.array(fieldSchema).min(1),
});

export const stepSchema = z.strictObject({
  id: elementIdSchema,
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  help: localizedTextSchema.optional(),
  visibleIf: expressionSchema.optional(),
  sections: z.array(sectionSchema).min(1),
});

/**
 * A procedure's form. `version` is a positive integer, raised by the authority on every change of the form; drafts
 * remember it and are migrated (migrateDraft) when it changes.
 */
export const formDefinitionSchema = z.strictObject({
  schemaVersion: z.literal(FORM_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z][a-z0-9-]{1,79}$/, 'must be lower-case letters, digits and -'),
  version: z.int().min(1),
  audience: z.enum(['private', 'professional']),
  requiresAuthentication: z.boolean(),
  /** Whether the authority accepts replies to its messages about a dossier of this procedure. */
  allowsReplies: z.boolean(),
  /** 'none': no signature; 'simple': confirmation without certificate; 'advanced'/'qualified': with a token. */
  signature: z.enum(['none', 'simple', 'advanced', 'qualified']),
  /** Catalogue theme, an i18n key: forms.theme.<theme>. */
  theme: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  /** The procedure also exists on paper and offers an eTracking number. */
  etracking: z.boolean(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  help: localizedTextSchema.optional(),
  /** Name of the authority handling the procedure. */
  authority: localizedTextSchema,
  keywords: z.array(z.string().min(1)).optional(),
  steps: z.array(stepSchema).min(1).max(30),
  rules: z.array(crossFieldRuleSchema).optional(),
});

export type FormDefinition = z.infer<typeof formDefinitionSchema>;
export type FormDefinitionInput = z.input<typeof formDefinitionSchema>;
export type FormStep = z.infer<typeof stepSchema>;
export type FormSection = z.infer<typeof sectionSchema>;
