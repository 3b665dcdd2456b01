import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { authorityKeySchema } from '../../../src-shared/vault/vaultProfileSchemas';

const hex = z.string().regex(/^[0-9a-f]{16,128}$/);

/**
 * profile.json in a vault's folder: what the unlock screen shows before the vault is opened. A copy of what the vault
 * itself holds (the owner's binding is inside the encrypted database, and wins): it is rewritten at each unlock. The
 * certificate's SSN is never written in clear: only an HMAC under a random salt, enough to tell whether a refused
 * certificate has a vault of its own here.
 */
export const profileRecordSchema = z.object({
  format: z.literal('guichet-vault-profile'),
  version: z.literal(1),
  createdAt: z.number().int().nullable(),
  owner: z
    .object({
      name: z.string().min(1).max(200),
      authority: authorityKeySchema.nullable(),
      ssnHash: z.object({ salt: hex, hmac: hex }).nullable(),
    })
    .nullable(),
});
export type ProfileRecord = z.infer<typeof profileRecordSchema>;
export type ProfileOwner = NonNullable<ProfileRecord['owner']>;

export function hashSsn(ssn: string, salt: string = randomBytes(16).toString('hex')): { salt: string; hmac: string } {
  return { salt, hmac: createHmac('sha256', Buffer.from(salt, 'hex')).update(ssn, 'utf8').digest('hex') };
}

export function ssnMatches(ssn: string, hash: { salt: string; hmac: string } | null): boolean {
  if (!hash) return false;
  const expected = Buffer.from(hash.hmac, 'hex');
  const actual = Buffer.from(hashSsn(ssn, hash.salt).hmac, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
