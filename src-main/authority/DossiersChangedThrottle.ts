import type { EventHub } from '../events/EventHub';

/**
 * dossiers.changed at most every 250 ms, naming every space changed meanwhile: a long sync (a page every few
 * milliseconds) or a burst of outbox items would otherwise flood the renderer with list reloads.
 */
export class DossiersChangedThrottle {
  private readonly spaces = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: EventHub,
    private readonly delayMs = 250,
  ) {}

  changed(spaceId: string): void {
    this.spaces.add(spaceId);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const spaceIds = [...this.spaces];
      this.spaces.clear();
      this.events.emit('dossiers.changed', { spaceIds });
    }, this.delayMs);
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.spaces.clear();
  }
}
