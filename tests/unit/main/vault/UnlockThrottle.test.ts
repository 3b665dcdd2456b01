import { describe, expect, it } from 'vitest';
import { retryDelayMs, UnlockThrottle } from '../../../../src-main/vault/UnlockThrottle';
import { FakeClock } from './FakeClock';

describe('UnlockThrottle', () => {
  it('waits 0, 1, 2, 4, 8, 16 s then 30 s at most', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('refuses tries during the delay and resets on success', () => {
    const clock = new FakeClock();
    const throttle = new UnlockThrottle(clock);
    throttle.check();
    expect(throttle.fail()).toBe(0);
    throttle.check();
    expect(throttle.fail()).toBe(1000);
    expect(() => throttle.check()).toThrow(expect.objectContaining({ name: 'TooManyAttemptsError', details: { retryAfterMs: 1000, failedAttempts: 2 } }));
    clock.advance(400);
    expect(throttle.retryAfterMs).toBe(600);
    clock.advance(600);
    throttle.check();
    throttle.succeed();
    expect(throttle.failedAttempts).toBe(0);
    expect(throttle.fail()).toBe(0);
  });
});
