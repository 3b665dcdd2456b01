import { z } from 'zod';
import { policyDocumentSchema } from './policySchema';

/** The policy format as JSON Schema, for administrators' editors and validation tools (resources/policy). */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policyDocumentSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Guichet Desktop machine-wide policy',
    description: 'managed: enforced and locked in the app; recommended: defaults the user may change.',
  };
}
