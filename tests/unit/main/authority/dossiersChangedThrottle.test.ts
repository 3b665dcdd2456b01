import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contractEvents } from '../../../../src-shared/contract/contract';
import { DossiersChangedThrottle } from '../../../../src-main/authority/DossiersChangedThrottle';
import { EventHub } from '../../../../src-main/events/EventHub';
import { createMemoryLogger } from '../../../../src-main/log/createMemoryLogger';

describe('DossiersChangedThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says dossiers.changed once per 250 ms, naming every space changed meanwhile', () => {
    const hub = new EventHub(contractEvents, createMemoryLogger());
    const seen: string[][] = [];
    hub.on('dossiers.changed', ({ spaceIds }) => seen.push(spaceIds));
    const throttle = new DossiersChangedThrottle(hub);
    throttle.changed('PP-A');
    throttle.changed('PP-B');
    throttle.changed('PP-A');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(250);
    throttle.changed('PP-C');
    throttle.dispose();
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([['PP-A', 'PP-B']]);
  });
});
