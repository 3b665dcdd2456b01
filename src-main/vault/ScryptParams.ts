import { z } from 'zod';

/** scrypt cost parameters, stored beside each wrapped key so that they can be raised later. */
export const scryptParamsSchema = z.object({
  N: z.number().int().min(2).max(2 ** 22).refine((n) => (n & (n - 1)) === 0, { message: 'N must be a power of 2' }),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

/**
 * N=2^17, r=8, p=1: 128 MiB and about 0.42 s per derivation on the reference machine (2 cores; 2^18 took 0.87 s).
 * Tests pass smaller parameters; one test runs these.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
