import type { Clock } from './Clock';

/**
 * Calls onIdle once no activity was recorded for idleMs(). The setting is read again at each check, so a change
 * applies from the next activity on; 0 (or less) disables the lock.
 */
export class IdleLockTimer {
  private lastActivity = 0;
  private handle: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly idleMs: () => number,
    private readonly onIdle: () => void,
  ) {}

  start(): void {
    this.lastActivity = this.clock.now();
    this.schedule();
  }

  /** Cheap enough to call on every user event: it only re-arms when no timer is pending. */
  touch(): void {
    this.lastActivity = this.clock.now();
    if (this.handle === null) this.schedule();
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(): void {
    this.stop();
    const idle = this.idleMs();
    if (!(idle > 0)) return;
    const wait = Math.max(0, this.lastActivity + idle - this.clock.now());
    this.handle = this.clock.setTimeout(() => this.check(), wait);
  }

  private check(): void {
    this.handle = null;
    const idle = this.idleMs();
    if (!(idle > 0)) return;
    if (this.clock.now() - this.lastActivity >= idle) this.onIdle();
    else this.schedule();
  }
}
