import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import type { ConnectionStatus, SyncProgress } from '../../../src-shared/authority/viewSchemas';

type Seen = { name: 'connection.changed'; status: ConnectionStatus } | { name: 'sync.progress'; progress: SyncProgress };

/**
 * What the header shows during a first sync comes from these events: the run must be said as running before its
 * first page, online once the authority answered, with items of a total, and a stale error cleared at the start.
 */
describe('sync progress as the header sees it (demo sandbox, small pages)', () => {
  let main: TestMain;
  const seen: Seen[] = [];
  beforeEach(async () => {
    seen.length = 0;
    main = await createTestMainContext({ authority: { pageSize: 3, syncIntervalMs: 3_600_000 } });
    main.context.events.on('connection.changed', (status) => seen.push({ name: 'connection.changed', status }));
    main.context.events.on('sync.progress', (progress) => seen.push({ name: 'sync.progress', progress }));
  });
  afterEach(() => main.cleanup());

  it('says syncing before the first page, online while pages come, and counts items of the total', async () => {
    await main.context.vault.create('a long enough passphrase');
    await main.context.router.dispatch('sync.now', undefined, { url: TEST_ORIGIN });
    const pages = seen.flatMap((entry, index) => (entry.name === 'sync.progress' && entry.progress.phase === 'page' ? [{ index, ...entry.progress }] : []));
    expect(pages.length).toBeGreaterThan(2);
    const first = pages[0]!.index;
    const before = seen.slice(0, first).filter((entry) => entry.name === 'connection.changed');
    expect(before.some((entry) => entry.status.syncing)).toBe(true);
    // The last status before the pages: online (it answered), not "connecting" until the end.
    expect(before.at(-1)).toMatchObject({ status: { state: 'online', syncing: true } });
    // Items only grow, and the total is said: items received plus what the server says is waiting.
    const items = pages.map((page) => page.items);
    expect(items).toEqual([...items].sort((a, b) => a - b));
    expect(pages.every((page) => page.total !== null && page.total >= page.items)).toBe(true);
    const lastOfSpace = pages.filter((page, i) => pages[i + 1]?.spaceId !== page.spaceId);
    for (const page of lastOfSpace) expect(page.total).toBe(page.items);
  });

  it('clears the error of the last run when a new one starts', async () => {
    // Locked vault in demo mode: sign-in is automatic, so make the first run fail by an unreachable authority URL.
    await main.context.vault.create('a long enough passphrase');
    await main.context.router.dispatch('settings.set', { authorityUrl: 'http://127.0.0.1:9/v1' }, { url: TEST_ORIGIN });
    await main.context.router.dispatch('sync.now', undefined, { url: TEST_ORIGIN });
    expect(main.context.connectionStatus.status().lastError).not.toBeNull();
    seen.length = 0;
    await main.context.router.dispatch('settings.set', { authorityUrl: null }, { url: TEST_ORIGIN });
    await main.context.router.dispatch('sync.now', undefined, { url: TEST_ORIGIN });
    const firstSyncing = seen.find((entry) => entry.name === 'connection.changed' && entry.status.syncing);
    expect(firstSyncing).toMatchObject({ status: { lastError: null } });
  });
});
