import { z } from 'zod';
import { defineCall } from './define';
import { noInput } from './noInput';
import { identityRefSchema } from '../tokens/tokenSchemas';
import { coSignatureViewSchema, preparedIdSchema, signersSchema, spaceIdentifierSchema, submissionStateSchema } from '../submissions/submissionSchemas';

const openedId = z.string().regex(/^cos-[0-9a-f]{32}$/);
const requestId = z.string().min(1).max(100);
const pin = z.string().min(1).max(64).optional();

/** The platform's "double signature with transfer to another eSpace". */
export const cosignaturesCalls = {
  /**
   * Signs the prepared submission (as submissions.sign does) and sends it to a second signer's space instead of
   * submitting it; the draft then waits for them (status awaitingCoSigner).
   */
  'cosignatures.send': defineCall({
    input: z.object({ preparedId: preparedIdSchema, identity: identityRefSchema, pin, approved: z.literal(true), coSignerSpaceId: spaceIdentifierSchema }).strict(),
    output: submissionStateSchema,
  }),
  /** The requests of the signed-in person's space, asked of them and asked by them (the first signer's follow). */
  'cosignatures.list': defineCall({ input: noInput, output: z.object({ items: z.array(coSignatureViewSchema) }) }),
  /** Opens a request asked of this person: the PDF as the first signer signed it (kept in main for the signature). */
  'cosignatures.open': defineCall({
    input: z.object({ requestId }).strict(),
    output: z.object({ openedId, request: coSignatureViewSchema, pdfBase64: z.string(), signature: z.enum(['advanced', 'qualified']) }),
  }),
  'cosignatures.signers': defineCall({ input: z.object({ openedId }).strict(), output: signersSchema }),
  /** Adds this person's PAdES signature after the first one (an incremental update) and submits the dossier. */
  'cosignatures.complete': defineCall({
    input: z.object({ openedId, identity: identityRefSchema, pin, approved: z.literal(true) }).strict(),
    output: z.object({ reference: z.string() }),
  }),
  'cosignatures.decline': defineCall({ input: z.object({ requestId }).strict(), output: coSignatureViewSchema }),
};
