import type { Clock } from './Clock';

/**
 * Calls onIdle once no activity was recorded for idleMs(); 0 (or less) disables the lock. A change of the setting
 * takes effect at once through settingChanged(), counted from the last activity.
 */
export class IdleLockTimer {
  private lastActivity = 0;
  private handle: unknown = null;
  private running = false;

  constructor(
    private readonly clock: Clock,
    private readonly idleMs: () => number,
    private readonly onIdle: () => void,
  ) {}

  start(): void {
    this.running = true;
    this.lastActivity = this.clock.now();
    this.schedule();
  }

  /** The idle time was changed: a timer armed for the old value would fire too late (or not at all). */
  settingChanged(): void {
    if (this.running) this.schedule();
  }

  /** Cheap enough to call on every user event: it only re-arms when no timer is pending. */
  touch(): void {
    this.lastActivity = this.clock.now();
    if (this.handle === null) this.schedule();
  }

  stop(): void {
    this.running = false;
    this.cancel();
  }

  private cancel(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(): void {
    this.cancel();
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
