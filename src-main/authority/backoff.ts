/** Exponential backoff with full jitter: a random delay in [base·2^attempt / 2, base·2^attempt], capped at max. */
export function backoffDelay(attempt: number, options: { baseMs: number; maxMs: number; random?: () => number }): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
