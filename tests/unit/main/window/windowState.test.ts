import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitWindowBounds } from '../../../../src-main/window/fitWindowBounds';
import { WindowStateStore } from '../../../../src-main/window/WindowStateStore';

const SIZE = { width: 1280, height: 860, minWidth: 720, minHeight: 560 };
const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorRight = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('the main window\'s place between runs', () => {
  it('opens where it was while that place is on a screen', () => {
    expect(fitWindowBounds({ x: 2100, y: 100, width: 1600, height: 1000 }, [laptop, monitorRight], SIZE)).toEqual({ x: 2100, y: 100, width: 1600, height: 1000 });
  });

  it('comes back to the primary screen, centred, when its monitor is gone', () => {
    expect(fitWindowBounds({ x: 2100, y: 100, width: 1600, height: 1000 }, [laptop], SIZE)).toEqual({ x: 320, y: 90, width: 1280, height: 860 });
  });

  it('is shrunk to a smaller screen and moved in, keeping its minimum size', () => {
    expect(fitWindowBounds({ x: 900, y: 50, width: 2400, height: 1300 }, [laptop], SIZE)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    expect(fitWindowBounds(null, [{ x: 0, y: 0, width: 600, height: 500 }], SIZE)).toMatchObject({ width: 720, height: 560 });
  });

  it('stays where it is when enough of its title bar is on a screen, and not when only a sliver is', () => {
    expect(fitWindowBounds({ x: 1700, y: 200, width: 1000, height: 700 }, [laptop], SIZE)).toEqual({ x: 920, y: 200, width: 1000, height: 700 });
    expect(fitWindowBounds({ x: 1880, y: 200, width: 1000, height: 700 }, [laptop], SIZE)).toEqual({ x: 320, y: 90, width: 1280, height: 860 });
    // Its title bar above the top of every screen: unreachable.
    expect(fitWindowBounds({ x: 100, y: -600, width: 1000, height: 700 }, [laptop], SIZE)).toEqual({ x: 320, y: 90, width: 1280, height: 860 });
  });

  it('opens at the default size with nothing remembered', () => {
    expect(fitWindowBounds(null, [monitorRight, laptop], SIZE)).toEqual({ x: 1920 + 640, y: 270, width: 1280, height: 860 });
  });
});

describe('WindowStateStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the last of many changes once, and reads it back at the next start', async () => {
    const file = path.join(dir, 'window-state.json');
    const store = new WindowStateStore(file, 60_000);
    store.save({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false });
    store.save({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await store.flush();
    expect(await new WindowStateStore(file).load()).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
  });

  it('reads a damaged or strange file as nothing remembered', async () => {
    const file = path.join(dir, 'window-state.json');
    const store = new WindowStateStore(file);
    expect(await store.load()).toBeNull();
    await writeFile(file, '{"bounds": {"x": 1');
    expect(await store.load()).toBeNull();
    await writeFile(file, JSON.stringify({ bounds: { x: 0, y: 0, width: 1e9, height: 10 }, maximized: false }));
    expect(await store.load()).toBeNull();
  });
});
