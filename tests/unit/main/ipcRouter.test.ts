import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';

describe('ipc router', () => {
  let main: TestMain;
  beforeEach(async () => {
    main = await createTestMainContext();
  });
  afterEach(async () => main.cleanup());

  it('answers a valid call from our own origin', async () => {
    const result = await main.context.router.dispatch('app.info', undefined, { url: `${TEST_ORIGIN}/index.html#/settings` });
    expect(result).toMatchObject({ ok: true, value: { name: 'Guichet Desktop', host: 'devhost', systemLocales: ['fr-LU'] } });
  });

  it.each([
    ['another port', 'http://127.0.0.1:6000/'],
    ['another host', 'http://evil.example/'],
    ['another scheme', 'https://127.0.0.1:5999/'],
    ['file://', 'file:///tmp/index.html'],
    ['an empty url', ''],
    ['garbage', 'not a url'],
  ])('refuses a call from %s', async (_label, url) => {
    const result = await main.context.router.dispatch('settings.set', { language: 'de' }, { url });
    expect(result).toMatchObject({ ok: false, error: { name: 'UnauthorizedSenderError', kind: 'expected' } });
    // Nothing was written.
    const view = await main.context.router.dispatch('settings.get', undefined, { url: TEST_ORIGIN });
    expect(view).toMatchObject({ ok: true, value: { values: { language: null } } });
  });

  it('refuses unknown calls, including prototype names', async () => {
    for (const name of ['settings.delete', '__proto__', 'constructor', 'toString']) {
      const result = await main.context.router.dispatch(name, undefined, { url: TEST_ORIGIN });
      expect(result).toMatchObject({ ok: false, error: { name: 'UnknownCallError' } });
    }
  });

  it('refuses invalid input with a validation error that points at the bad field', async () => {
    const result = await main.context.router.dispatch('settings.set', { language: 'xx', idleLockMinutes: -1 }, { url: TEST_ORIGIN });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('ValidationError');
    const paths = (result.error.details.issues as { path: string }[]).map((issue) => issue.path).sort();
    expect(paths).toEqual(['idleLockMinutes', 'language']);
  });

  it('refuses unknown keys rather than ignoring them', async () => {
    const result = await main.context.router.dispatch('settings.set', { language: 'de', isAdmin: true }, { url: TEST_ORIGIN });
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
  });

  it('persists settings to the profile folder and emits settings.changed', async () => {
    const seen: unknown[] = [];
    main.context.events.subscribe((name, payload) => seen.push({ name, payload }));
    const result = await main.context.router.dispatch('settings.set', { language: 'de', idleLockMinutes: 3 }, { url: TEST_ORIGIN });
    expect(result).toMatchObject({ ok: true, value: { values: { language: 'de', idleLockMinutes: 3 } } });
    const file = JSON.parse(await readFile(path.join(main.dir, 'settings.json'), 'utf8'));
    expect(file).toEqual({ format: 2, chosen: { language: 'de', idleLockMinutes: 3 } });
    expect(seen).toEqual([{ name: 'settings.changed', payload: expect.objectContaining({ values: expect.objectContaining({ language: 'de' }) }) }]);
  });

  it('turns a thrown bug into InternalError without leaking its message', async () => {
    const { createIpcRouter } = await import('../../../src-main/ipc/createIpcRouter');
    const { defineCall } = await import('../../../src-shared/contract/define');
    const { z } = await import('zod');
    const router = createIpcRouter({
      calls: { 'x.boom': defineCall({ input: z.undefined(), output: z.object({}) }) },
      handlers: {
        'x.boom': () => {
          throw new TypeError('secret internals at /home/user');
        },
      },
      isTrustedSender: () => true,
      log: main.log,
    });
    const result = await router.dispatch('x.boom', undefined, { url: TEST_ORIGIN });
    expect(result).toEqual({ ok: false, error: { name: 'InternalError', message: 'An unexpected error occurred.', kind: 'bug', details: {} } });
    expect(main.log.entries.some((entry) => entry.event === 'ipc.bug')).toBe(true);
  });

  it('treats a handler answering outside its output schema as a bug', async () => {
    const { createIpcRouter } = await import('../../../src-main/ipc/createIpcRouter');
    const { defineCall } = await import('../../../src-shared/contract/define');
    const { z } = await import('zod');
    const router = createIpcRouter({
      calls: { 'x.bad': defineCall({ input: z.undefined(), output: z.object({ n: z.number() }) }) },
      handlers: { 'x.bad': () => ({ n: 'not a number' }) },
      isTrustedSender: () => true,
      log: main.log,
    });
    expect(await router.dispatch('x.bad', undefined, { url: TEST_ORIGIN })).toMatchObject({ ok: false, error: { name: 'InternalError', kind: 'bug' } });
  });

  it('opens only allow-listed https links externally', async () => {
    const ok = await main.context.router.dispatch('app.openExternal', { url: 'https://guichet.public.lu/fr/citoyens.html' }, { url: TEST_ORIGIN });
    const refused = await main.context.router.dispatch('app.openExternal', { url: 'https://evil.example/' }, { url: TEST_ORIGIN });
    const notHttps = await main.context.router.dispatch('app.openExternal', { url: 'http://guichet.lu/' }, { url: TEST_ORIGIN });
    expect(ok).toMatchObject({ ok: true, value: { opened: true } });
    expect(refused).toMatchObject({ ok: true, value: { opened: false } });
    expect(notHttps).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(main.opened).toEqual(['https://guichet.public.lu/fr/citoyens.html']);
  });

  it('offers no file dialog where the host has none, and says so', async () => {
    expect(await main.context.router.dispatch('app.info', undefined, { url: TEST_ORIGIN })).toMatchObject({ ok: true, value: { fileDialog: false, saveDialog: false } });
    expect(await main.context.router.dispatch('app.pickFile', { purpose: 'pkcs12', title: 'Zertifikatsdatei' }, { url: TEST_ORIGIN })).toEqual({
      ok: true,
      value: { available: false, file: null },
    });
  });

  it('asks the host’s dialog for the file kinds of the purpose, with the translated title', async () => {
    const asked: unknown[] = [];
    const folder = await mkdtemp(path.join(os.tmpdir(), 'guichet-pick-'));
    const chosen = path.join(folder, 'backup.gvbak');
    await writeFile(chosen, 'twelve bytes');
    const withDialog = await createTestMainContext({
      pickFile: async (options) => {
        asked.push(options);
        return chosen;
      },
    });
    try {
      const result = await withDialog.context.router.dispatch('app.pickFile', { purpose: 'vaultBackup', title: 'Sicherungsdatei' }, { url: TEST_ORIGIN });
      // The page gets a handle and the name to show, never the path.
      expect(result).toEqual({ ok: true, value: { available: true, file: { fileHandle: expect.stringMatching(/^fh_/), name: 'backup.gvbak', sizeBytes: 12 } } });
      expect(JSON.stringify(result)).not.toContain(folder);
      expect(asked).toEqual([{ title: 'Sicherungsdatei', filters: [{ name: 'Sicherungsdatei', extensions: ['gvbak'] }] }]);
    } finally {
      await withDialog.cleanup();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('asks the host’s save dialog, keeps the backup extension, and refuses a default name that is a path', async () => {
    expect(await main.context.router.dispatch('app.pickSaveFile', { purpose: 'vaultBackup', title: 'Sicherung', defaultName: 'a.gvbak' }, { url: TEST_ORIGIN })).toEqual({
      ok: true,
      value: { available: false, file: null },
    });
    const stick = await mkdtemp(path.join(os.tmpdir(), 'guichet-stick-'));
    await writeFile(path.join(stick, 'old.gvbak'), 'an earlier backup');
    const answers = [path.join(stick, 'vault'), path.join(stick, 'vault.GVBAK'), null, path.join(stick, 'old'), path.join(stick, 'old.gvbak')];
    const asked: string[] = [];
    const withDialog = await createTestMainContext({
      pickSaveFile: async ({ defaultPath }) => {
        asked.push(defaultPath);
        return answers.shift() ?? null;
      },
    });
    try {
      const ask = () => withDialog.context.router.dispatch('app.pickSaveFile', { purpose: 'vaultBackup', title: 'Sicherung', defaultName: 'guichet.gvbak' }, { url: TEST_ORIGIN });
      const saved = (name: string) => ({ ok: true, value: { available: true, file: { fileHandle: expect.stringMatching(/^fh_/), name } } });
      expect(await ask()).toEqual(saved('vault.gvbak'));
      expect(await ask()).toEqual(saved('vault.GVBAK'));
      expect(await ask()).toEqual({ ok: true, value: { available: true, file: null } });
      // "old" typed without the extension while old.gvbak exists: the dialog is asked again with the full name, so
      // that it (not we) asks whether to replace the earlier backup.
      expect(await ask()).toEqual(saved('old.gvbak'));
      expect(asked).toEqual(['guichet.gvbak', 'guichet.gvbak', 'guichet.gvbak', 'guichet.gvbak', path.join(stick, 'old.gvbak')]);
      for (const defaultName of ['../../etc/passwd', 'C:\\x.gvbak', '']) {
        const refused = await withDialog.context.router.dispatch('app.pickSaveFile', { purpose: 'vaultBackup', title: 'Sicherung', defaultName }, { url: TEST_ORIGIN });
        expect(refused).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
      }
    } finally {
      await withDialog.cleanup();
      await rm(stick, { recursive: true, force: true });
    }
  });

  it('reports health', async () => {
    const result = await main.context.router.dispatch('app.health', undefined, { url: TEST_ORIGIN });
    expect(result).toMatchObject({ ok: true, value: { status: 'ok' } });
  });
});
