import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../src-shared/contract/updatesContract';
import type { Settings } from '../../../src-shared/settings/settingsSchema';
import { createNodeUpdater } from '../../../src-main/updates/createNodeUpdater';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { channelFile, channelYaml, packageName, startUpdateFeed, type UpdateFeedServer } from '../../helpers/startUpdateFeed';
import { until } from '../../helpers/until';
import { FakeClock } from '../../unit/main/vault/FakeClock';

const RUNNING = '1.0.0';
const HOUR = 60 * 60 * 1000;

let feed: UpdateFeedServer;
let main: TestMain | null = null;
let clock: FakeClock;
let updatersMade = 0;
let states: UpdateState[] = [];
const updaterDirs: string[] = [];

beforeEach(async () => {
  feed = await startUpdateFeed();
  clock = new FakeClock();
  updatersMade = 0;
  states = [];
});

afterEach(async () => {
  await main?.cleanup();
  main = null;
  await feed.close();
  for (const dir of updaterDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A real main whose updater is electron-updater over Node's HTTP, running version 1.0.0, on a clock the test moves. */
async function start(policy: { managed?: Partial<Settings>; recommended?: Partial<Settings> }): Promise<TestMain> {
  // The updater is made while main starts (the check at start), before the test has main's folder.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-updater-'));
  updaterDirs.push(dir);
  main = await createTestMainContext({
    policy: { managed: policy.managed ?? {}, recommended: policy.recommended ?? {}, source: 'test' },
    updates: {
      clock,
      intervalMs: 4 * HOUR,
      createUpdater: () => {
        updatersMade += 1;
        return createNodeUpdater({ version: RUNNING, name: 'Guichet Desktop', dir, log: createMemoryLogger() });
      },
    },
  });
  main.context.events.on('updates.changed', (state) => states.push(state));
  return main;
}

const call = (name: string, input?: unknown) => main!.context.router.dispatch(name, input, { url: TEST_ORIGIN });
const state = () => main!.context.updates.state();
const settled = () => main!.context.updates.settled();

function publish(version: string, bytes: Buffer, options: { channel?: 'latest' | 'beta'; sha512?: string } = {}): void {
  const file = packageName(version);
  feed.routes.set(`/updates/${channelFile(options.channel ?? 'latest')}`, { status: 200, body: channelYaml(version, file, bytes, options.sha512) });
  feed.routes.set(`/updates/${file}`, { status: 200, body: bytes });
}

describe('updates off by policy: no request at all', () => {
  it('makes no updater and no request across start, "check now" and a timer period', async () => {
    publish('1.2.0', randomBytes(1024));
    await start({ managed: { updatesEnabled: false, updateUrl: feed.url } });
    expect(state()).toEqual({ status: 'off', reason: 'policy' });

    const refused = await call('updates.check');
    expect(refused).toMatchObject({ ok: false, error: { name: 'UpdatesOffError', details: { reason: 'policy' } } });
    expect(await call('updates.download')).toMatchObject({ ok: false, error: { name: 'UpdateNotAvailableError' } });

    clock.advance(24 * HOUR);
    await settled();
    expect(clock.pending).toBe(0);
    expect(updatersMade).toBe(0);
    expect(feed.requests).toEqual([]);
    // The person cannot turn them on either: the setting is the administrator's.
    expect(await call('settings.set', { updatesEnabled: true })).toMatchObject({ ok: false, error: { name: 'SettingLockedError' } });
    expect(feed.requests).toEqual([]);
  });
});

describe('updates on, against a real feed', () => {
  it('checks at start, finds 1.2.0, downloads it with progress on consent, verifies it and is ready to install', async () => {
    const bytes = randomBytes(256 * 1024);
    publish('1.2.0', bytes);
    // The package is sent in two parts a second apart, so that electron-updater reports progress between them.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    feed.routes.set(`/updates/${packageName('1.2.0')}`, (_request, response) => {
      response.writeHead(200, { 'content-length': bytes.length });
      response.write(bytes.subarray(0, 100_000));
      setTimeout(() => {
        response.write(bytes.subarray(100_000, 120_000));
        void released.then(() => response.end(bytes.subarray(120_000)));
      }, 1100);
    });
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(state()).toEqual({ status: 'available', version: '1.2.0' });
    expect(feed.requests).toEqual([`/updates/${channelFile('latest')}`]);
    // Never downloaded without the person's consent, even after a timer period.
    clock.advance(4 * HOUR);
    await settled();
    expect(feed.requests.filter((p) => p.endsWith('.AppImage') || p.endsWith('.exe') || p.endsWith('.zip'))).toEqual([]);

    expect(await call('updates.download')).toMatchObject({ ok: true, value: { status: 'downloading', version: '1.2.0', percent: 0 } });
    await until(() => states.some((s) => s.status === 'downloading' && s.percent > 0 && s.percent < 100), 'progress between 0 and 100');
    release();
    await until(() => state().status === 'ready', 'the download to finish');
    expect(state()).toEqual({ status: 'ready', version: '1.2.0', installOnQuit: false });
    const percents = states.filter((s) => s.status === 'downloading').map((s) => (s.status === 'downloading' ? s.percent : -1));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);

    // The verified package is in electron-updater's cache, byte for byte.
    const cache = path.join(updaterDirs.at(-1)!, 'cache', 'guichet-desktop-updater', 'pending');
    const [cached] = (await readdir(cache)).filter((name) => name === packageName('1.2.0'));
    expect(await readFile(path.join(cache, cached!))).toEqual(bytes);

    // Installing is the desktop app's; here it says so, and the update stays ready.
    expect(await call('updates.install', { when: 'now' })).toMatchObject({ ok: false, error: { name: 'UpdateInstallUnavailableError' } });
    expect(state()).toMatchObject({ status: 'ready' });
  });

  it('says up to date when the feed has the running version, and checks again every interval', async () => {
    publish(RUNNING, randomBytes(64));
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(state()).toMatchObject({ status: 'upToDate' });
    expect(feed.requests).toHaveLength(1);
    clock.advance(4 * HOUR);
    await settled();
    expect(feed.requests).toHaveLength(2);
    expect(await call('updates.check')).toMatchObject({ ok: true, value: { status: 'upToDate' } });
    expect(feed.requests).toHaveLength(3);
  });

  it('follows the beta channel the person chooses', async () => {
    publish(RUNNING, randomBytes(64));
    publish('1.1.0-beta.1', randomBytes(64), { channel: 'beta' });
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(state()).toMatchObject({ status: 'upToDate' });
    expect(await call('settings.set', { updateChannel: 'beta' })).toMatchObject({ ok: true });
    await settled();
    expect(state()).toEqual({ status: 'available', version: '1.1.0-beta.1' });
    expect(feed.requests.at(-1)).toBe(`/updates/${channelFile('beta')}`);
  });

  it('turned off at run time: the timer stops and no request follows', async () => {
    publish(RUNNING, randomBytes(64));
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(clock.pending).toBe(1);
    expect(await call('settings.set', { updatesEnabled: false })).toMatchObject({ ok: true });
    expect(state()).toEqual({ status: 'off', reason: 'setting' });
    expect(clock.pending).toBe(0);
    const before = feed.requests.length;
    clock.advance(48 * HOUR);
    await settled();
    expect(await call('updates.check')).toMatchObject({ ok: false, error: { name: 'UpdatesOffError', details: { reason: 'setting' } } });
    expect(feed.requests).toHaveLength(before);
    // On again: a check at once.
    expect(await call('settings.set', { updatesEnabled: true })).toMatchObject({ ok: true });
    await settled();
    expect(state()).toMatchObject({ status: 'upToDate' });
    expect(feed.requests).toHaveLength(before + 1);
  });

  it('turned off and on again while a check is under way: the check settles, never stuck in checking', async () => {
    publish(RUNNING, randomBytes(64));
    const yaml = feed.routes.get(`/updates/${channelFile('latest')}`) as { status: number; body: string };
    let answerFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (answerFirst = resolve));
    let asked = 0;
    feed.routes.set(`/updates/${channelFile('latest')}`, (_request, response) => {
      asked += 1;
      const send = () => response.writeHead(200).end(yaml.body);
      if (asked === 1) void firstHeld.then(send);
      else send();
    });
    await start({ managed: { updateUrl: feed.url } });
    await until(() => asked === 1, 'the first check to reach the feed');
    expect(state()).toEqual({ status: 'checking' });
    expect(await call('settings.set', { updatesEnabled: false })).toMatchObject({ ok: true });
    expect(await call('settings.set', { updatesEnabled: true })).toMatchObject({ ok: true });
    expect(state()).toEqual({ status: 'checking' });
    // electron-updater shares the check under way with the new one: its answer is the new check's.
    answerFirst();
    await settled();
    expect(state()).toMatchObject({ status: 'upToDate' });
    expect(asked).toBe(1);
    expect(clock.pending).toBe(1);
  });

  it('turned off during a download: the download stops, nothing is ready, and on again it is found anew', async () => {
    const bytes = randomBytes(64 * 1024);
    publish('1.2.0', bytes);
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    feed.routes.set(`/updates/${packageName('1.2.0')}`, (_request, response) => {
      response.on('close', () => closed());
      response.writeHead(200, { 'content-length': bytes.length });
      response.write(bytes.subarray(0, 1000));
    });
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(await call('updates.download')).toMatchObject({ ok: true, value: { status: 'downloading' } });
    await until(() => feed.requests.some((p) => p.endsWith(packageName('1.2.0'))), 'the download to start');
    expect(await call('settings.set', { updatesEnabled: false })).toMatchObject({ ok: true });
    await connectionClosed;
    await settled();
    expect(state()).toEqual({ status: 'off', reason: 'setting' });
    expect(clock.pending).toBe(0);
    expect(await call('settings.set', { updatesEnabled: true })).toMatchObject({ ok: true });
    await settled();
    expect(state()).toEqual({ status: 'available', version: '1.2.0' });
  });

  it('turned off by the person before the first start: no updater is made', async () => {
    await start({ managed: { updateUrl: feed.url }, recommended: { updatesEnabled: false } });
    expect(state()).toEqual({ status: 'off', reason: 'setting' });
    clock.advance(24 * HOUR);
    expect(updatersMade).toBe(0);
    expect(feed.requests).toEqual([]);
  });

  it('without an update address (no policy, no build address here) it is off as unsupported, no request', async () => {
    await start({});
    expect(state()).toEqual({ status: 'off', reason: 'unsupported' });
    expect(clock.pending).toBe(0);
    expect(await call('updates.check')).toMatchObject({ ok: false, error: { name: 'UpdatesOffError', details: { reason: 'unsupported' } } });
  });
});

describe('a broken feed is said by kind, and nothing is lost', () => {
  it('a channel file that is not YAML: feed', async () => {
    feed.routes.set(`/updates/${channelFile('latest')}`, { status: 200, body: 'version: [1.2.0\nfiles: {' });
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(state()).toEqual({ status: 'error', kind: 'feed', during: 'check' });
  });

  it('a server error: server (and the next check tries again)', async () => {
    feed.routes.set(`/updates/${channelFile('latest')}`, { status: 500, body: 'oops' });
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(state()).toEqual({ status: 'error', kind: 'server', during: 'check' });
    publish('1.2.0', randomBytes(64));
    clock.advance(4 * HOUR);
    await settled();
    expect(state()).toEqual({ status: 'available', version: '1.2.0' });
  });

  it('no channel file: notFound', async () => {
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(state()).toEqual({ status: 'error', kind: 'notFound', during: 'check' });
  });

  it('a dead server: network', async () => {
    const deadUrl = feed.url;
    await feed.close();
    await start({ managed: { updateUrl: deadUrl } });
    await settled();
    expect(state()).toEqual({ status: 'error', kind: 'network', during: 'check' });
    feed = await startUpdateFeed();
  });

  it('a package whose sha512 is not the feed\'s: checksum, nothing kept, and it can be downloaded again', async () => {
    const bytes = randomBytes(4096);
    publish('1.2.0', bytes, { sha512: randomBytes(64).toString('base64') });
    await start({ managed: { updateUrl: feed.url } });
    await settled();
    expect(await call('updates.download')).toMatchObject({ ok: true });
    await until(() => state().status === 'error', 'the download to fail');
    expect(state()).toEqual({ status: 'error', kind: 'checksum', during: 'download', version: '1.2.0' });
    const pending = path.join(updaterDirs.at(-1)!, 'cache', 'guichet-desktop-updater', 'pending');
    expect((await readdir(pending).catch(() => [])).filter((name) => name.includes('1.2.0'))).toEqual([]);
    // The feed is mended: the same update downloads on the person's next try.
    publish('1.2.0', bytes);
    expect(await call('updates.download')).toMatchObject({ ok: true, value: { status: 'downloading' } });
    await until(() => state().status !== 'downloading', 'the second download');
    expect(state()).toMatchObject({ status: 'ready', version: '1.2.0' });
  });
});
