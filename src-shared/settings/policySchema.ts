import { z } from 'zod';
import { settingsChangeSchema } from './settingsSchema';

/**
 * Machine-wide policy, as an administrator writes it (Linux: /etc/guichet-desktop/policy.json). `managed` values are
 * enforced and locked in the app; `recommended` values are the defaults the user may change. Unknown keys are
 * refused, so that a misspelt setting is an error at start rather than a policy silently not applied.
 */
export const policyDocumentSchema = z.strictObject({
  /** Where editors find the JSON Schema (resources/policy/policy.schema.json); ignored by the app. */
  $schema: z.string().optional(),
  managed: settingsChangeSchema.optional(),
  recommended: settingsChangeSchema.optional(),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
