import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../src-shared/settings/settingsSchema';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { createNodeUpdater } from '../../../src-main/updates/createNodeUpdater';
import { createTestMainContext, type TestMain } from '../../helpers/createTestMainContext';
import { channelFile, channelYaml, packageName, startUpdateFeed, type UpdateFeedServer } from '../../helpers/startUpdateFeed';
import { untilRendered } from '../../helpers/untilRendered';
import { FakeClock } from '../main/vault/FakeClock';
import { mountRenderer } from './mountRenderer';

describe('the Updates panel in Settings, against a real main and a real feed', () => {
  let feed: UpdateFeedServer;
  let main: TestMain | null;
  let updaterDir: string;
  let root: HTMLElement;

  beforeEach(async () => {
    feed = await startUpdateFeed();
    updaterDir = await mkdtemp(path.join(os.tmpdir(), 'guichet-updater-'));
    main = null;
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app') as HTMLElement;
  });
  afterEach(async () => {
    await main?.cleanup();
    await feed.close();
    await rm(updaterDir, { recursive: true, force: true });
  });

  const text = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
  const click = (testId: string) => (root.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement).click();

  async function open(managed: Partial<Settings>) {
    main = await createTestMainContext({
      systemLocales: ['de-LU'],
      policy: { managed, recommended: {}, source: 'test' },
      updates: { clock: new FakeClock(), createUpdater: () => createNodeUpdater({ version: '1.0.0', name: 'Guichet Desktop', dir: updaterDir, log: createMemoryLogger() }) },
    });
    await main.context.vault.create('correct horse battery staple');
    const { app } = await mountRenderer(main.context, root, '/settings');
    await untilRendered(() => Boolean(text('update-state')) && Boolean(text('update-version')), 'the update state and version');
    return app;
  }
  it('turned off by policy: says so, shows both settings locked as managed, offers no check, asks nothing', async () => {
    const app = await open({ updatesEnabled: false, updateChannel: 'stable', updateUrl: feed.url });
    expect(text('update-state')).toBe('Updates sind von Ihrer Administration ausgeschaltet.');
    expect(text('update-version')).toBe('Version 0.0.0-test');
    expect((root.querySelector('#setting-updates-enabled') as HTMLInputElement).disabled).toBe(true);
    expect((root.querySelector('#setting-update-channel') as HTMLSelectElement).disabled).toBe(true);
    expect(text('managed-updatesEnabled')).toBe('Von Ihrer Administration festgelegt');
    expect(text('managed-updateChannel')).toBe('Von Ihrer Administration festgelegt');
    expect(root.querySelector('[data-testid="update-check"]')).toBeNull();
    expect(feed.requests).toEqual([]);
    app.unmount();
  });

  it('finds an update, downloads it on consent to ready, says the desktop app installs it, and can be turned off', async () => {
    const bytes = randomBytes(8192);
    feed.routes.set(`/updates/${channelFile('latest')}`, { status: 200, body: channelYaml('1.2.0', packageName('1.2.0'), bytes) });
    feed.routes.set(`/updates/${packageName('1.2.0')}`, { status: 200, body: bytes });
    const app = await open({ updateUrl: feed.url });
    await untilRendered(() => text('update-state') === 'Version 1.2.0 ist verfügbar.', 'the update found');
    expect(root.querySelector('[data-testid="managed-updatesEnabled"]')).toBeNull();
    expect((root.querySelector('#setting-updates-enabled') as HTMLInputElement).disabled).toBe(false);

    click('update-download');
    await untilRendered(() => root.querySelector('[data-testid="update-restart"]') !== null, 'ready to install');
    expect(text('update-state')).toBe('Version 1.2.0 ist heruntergeladen. Sie wird beim Neustart von Guichet Desktop installiert.');
    click('update-restart');
    await untilRendered(() => root.querySelector('[role="alert"]') !== null, 'the refusal');
    expect(root.textContent).toContain('Ein Update kann nur in der Desktop-App installiert werden.');

    const requests = feed.requests.length;
    const checkbox = root.querySelector('#setting-updates-enabled') as HTMLInputElement;
    checkbox.checked = false;
    checkbox.dispatchEvent(new Event('change'));
    await untilRendered(() => text('update-state') === 'Updates sind ausgeschaltet.', 'updates off');
    expect(main!.context.settings.get('updatesEnabled')).toBe(false);
    expect(root.querySelector('[data-testid="update-check"]')).toBeNull();
    expect(feed.requests).toHaveLength(requests);
    app.unmount();
  });
});
