import { describe, expect, it } from 'vitest';
import { IdleLockTimer } from '../../../../src-main/vault/IdleLockTimer';
import { FakeClock } from './FakeClock';

describe('IdleLockTimer', () => {
  it('fires after the idle time without activity; touches postpone it', () => {
    const clock = new FakeClock();
    let fired = 0;
    const timer = new IdleLockTimer(clock, () => 10_000, () => fired++);
    timer.start();
    clock.advance(9_000);
    timer.touch();
    clock.advance(9_000);
    expect(fired).toBe(0);
    clock.advance(1_000);
    expect(fired).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('reads the setting at each check; 0 disables it', () => {
    const clock = new FakeClock();
    let idle = 0;
    let fired = 0;
    const timer = new IdleLockTimer(clock, () => idle, () => fired++);
    timer.start();
    clock.advance(1_000_000);
    expect(fired).toBe(0);
    idle = 5_000;
    timer.touch();
    clock.advance(5_000);
    expect(fired).toBe(1);
    timer.start();
    timer.stop();
    clock.advance(100_000);
    expect(fired).toBe(1);
  });

  it('a shorter idle time takes effect at once, counted from the last activity', () => {
    const clock = new FakeClock();
    let idle = 10 * 60_000;
    let fired = 0;
    const timer = new IdleLockTimer(clock, () => idle, () => fired++);
    timer.start();
    clock.advance(30_000);
    idle = 60_000;
    timer.settingChanged();
    clock.advance(29_999);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
  });

  it('turning the lock on while unlocked arms it; a stopped timer stays stopped', () => {
    const clock = new FakeClock();
    let idle = 0;
    let fired = 0;
    const timer = new IdleLockTimer(clock, () => idle, () => fired++);
    timer.start();
    idle = 5_000;
    timer.settingChanged();
    clock.advance(5_000);
    expect(fired).toBe(1);
    timer.stop();
    timer.settingChanged();
    clock.advance(100_000);
    expect(fired).toBe(1);
  });
});
