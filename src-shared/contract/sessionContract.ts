import { z } from 'zod';
import { defineCall } from './define';
import { noInput } from './noInput';
import { sessionStatusSchema } from '../authority/viewSchemas';
import { identityRefSchema } from '../tokens/tokenSchemas';

export const sessionCalls = {
  /**
   * Signs the authority's challenge with the authentication key of a token (with its PIN; none on a PIN pad) or of
   * an opened PKCS#12 identity, and opens a session. The PIN is used once in main and never kept.
   */
  'session.signIn': defineCall({
    input: z.object({ identity: identityRefSchema, pin: z.string().min(1).max(64).optional() }).strict(),
    output: sessionStatusSchema,
  }),
  'session.signOut': defineCall({ input: noInput, output: sessionStatusSchema }),
};
