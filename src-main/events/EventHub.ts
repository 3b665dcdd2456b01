import type { EventSpec } from '../../src-shared/contract/define';
import type { EventName, EventPayload } from '../../src-shared/contract/types';
import type { Logger } from '../log/Logger';

export type EventListener = (name: string, payload: unknown) => void;

/**
 * Services emit contract events here; the Electron glue and the dev host subscribe and forward them to their
 * renderers. Payloads are checked against the contract before they leave main.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  constructor(
    private readonly events: Record<string, EventSpec>,
    private readonly log: Logger,
  ) {}

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const spec = this.events[name];
    const parsed = spec?.payload.safeParse(payload);
    if (!spec || !parsed?.success) {
      this.log.error('events.invalidPayload', { event: name });
      return;
    }
    for (const listener of this.listeners) listener(name, parsed.data);
  }

  /** One event, its payload typed as the contract declares it (and already checked): services listen with this. */
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    return this.subscribe((emitted, payload) => {
      if (emitted === name) listener(payload as EventPayload<N>);
    });
  }

  /** Every event, by name: for the glue and the dev host, which forward them all to their renderers. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
