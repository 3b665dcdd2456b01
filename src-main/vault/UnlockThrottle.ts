import { TooManyAttemptsError } from '../../src-shared/vault/errors';
import type { Clock } from './Clock';

/** Wait after the n-th failed try in a row: 0, 1, 2, 4, 8, 16 s, then 30 s. */
export function retryDelayMs(failures: number): number {
  if (failures <= 1) return 0;
  return Math.min(30_000, 1000 * 2 ** (failures - 2));
}

/** Slows down passphrase guessing through the app: each failure in a row makes the next try wait longer. */
export class UnlockThrottle {
  private failures = 0;
  private blockedUntil = 0;

  constructor(private readonly clock: Clock) {}

  get failedAttempts(): number {
    return this.failures;
  }

  get retryAfterMs(): number {
    return Math.max(0, Math.ceil(this.blockedUntil - this.clock.now()));
  }

  /** Throws TooManyAttemptsError while a delay runs. */
  check(): void {
    const retryAfterMs = this.retryAfterMs;
    if (retryAfterMs > 0) {
      throw new TooManyAttemptsError('Too many wrong passphrases: wait before trying again.', { retryAfterMs, failedAttempts: this.failures });
    }
  }

  /** Records a failure; returns the delay before the next try. */
  fail(): number {
    this.failures += 1;
    const delay = retryDelayMs(this.failures);
    this.blockedUntil = this.clock.now() + delay;
    return delay;
  }

  succeed(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}
