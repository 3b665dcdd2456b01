import { z } from 'zod';
import { personalDataSchema } from '../authority/apiSchemas';

/** One space of the person and the data the authority holds for it, as the vault last received them. */
export const myDataSpaceSchema = z.object({
  spaceId: z.string(),
  name: z.string(),
  kind: z.enum(['private', 'professional']),
  /** Null while the vault holds none for this space (before the first sync of a session). */
  data: personalDataSchema.nullable(),
  /** When the vault received them from the authority. */
  fetchedAt: z.number().nullable(),
  /** How many versions the vault keeps (each change the authority made is a new one). */
  versions: z.number().int().min(0),
});
export type MyDataSpace = z.infer<typeof myDataSpaceSchema>;

/** "My data": the vault owner's spaces, the private one first. Null owner: nobody signed in with this vault yet. */
export const myDataViewSchema = z.object({
  owner: z.object({ name: z.string() }).nullable(),
  spaces: z.array(myDataSpaceSchema).max(100),
});
export type MyDataView = z.infer<typeof myDataViewSchema>;
