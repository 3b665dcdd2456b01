import { describe, expect, it } from 'vitest';
import { contractEvents } from '../../../../src-shared/contract/contract';
import { EventHub } from '../../../../src-main/events/EventHub';
import { createMemoryLogger } from '../../../../src-main/log/createMemoryLogger';

describe('the event hub', () => {
  it('gives on() listeners only their event, with its checked payload, until they unsubscribe', () => {
    const log = createMemoryLogger();
    const hub = new EventHub(contractEvents, log);
    const changed: string[][] = [];
    const stop = hub.on('dossiers.changed', ({ spaceIds }) => changed.push(spaceIds));
    hub.emit('dossiers.changed', { spaceIds: ['PP-A'] });
    hub.emit('sync.progress', { phase: 'started', spaceId: null, pages: 0, items: 0, total: null, error: null });
    // Not the contract's shape: never reaches a listener.
    hub.emit('dossiers.changed', { spaceIds: 'PP-B' } as unknown as { spaceIds: string[] });
    stop();
    hub.emit('dossiers.changed', { spaceIds: ['PP-C'] });
    expect(changed).toEqual([['PP-A']]);
    expect(log.entries).toMatchObject([{ level: 'error', event: 'events.invalidPayload', fields: { event: 'dossiers.changed' } }]);
  });
});
