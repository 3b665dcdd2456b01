import { TooManyAttemptsError } from '../../src-shared/vault/errors';
import type { Clock } from './Clock';
import type { ThrottleStore } from './fileThrottleStore';

/** Wait after the n-th failed try in a row: 0, 1, 2, 4, 8, 16 s, then 30 s. */
export function retryDelayMs(failures: number): number {
  if (failures <= 1) return 0;
  return Math.min(30_000, 1000 * 2 ** (failures - 2));
}

/**
 * Slows down passphrase guessing through the app: each failure in a row makes the next try wait longer. With a store,
 * the count and the running delay survive a restart of the app.
 */
export class UnlockThrottle {
  private failures = 0;
  private blockedUntil = 0;

  constructor(
    private readonly clock: Clock,
    private readonly store: ThrottleStore | null = null,
  ) {
    const saved = store?.read();
    if (saved) {
      this.failures = saved.failures;
      // A clock set back must not stretch the wait beyond the longest delay.
      this.blockedUntil = Math.min(saved.blockedUntil, clock.now() + retryDelayMs(Number.MAX_SAFE_INTEGER));
    }
  }

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
    this.save();
    return delay;
  }

  succeed(): void {
    if (this.failures === 0 && this.blockedUntil === 0) return;
    this.failures = 0;
    this.blockedUntil = 0;
    this.save();
  }

  private save(): void {
    try {
      this.store?.write({ failures: this.failures, blockedUntil: this.blockedUntil });
    } catch {
      // Not written (read-only profile): the delay still holds until the app restarts.
    }
  }
}
