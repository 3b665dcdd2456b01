import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SettingsStore, SettingLockedError } from '../../../src-main/settings/SettingsStore';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { settingsSchema } from '../../../src-shared/settings/settingsSchema';

const DEFAULTS = settingsSchema.parse({});

describe('SettingsStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-settings-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('starts from defaults and survives a restart', async () => {
    const file = path.join(dir, 'settings.json');
    const first = new SettingsStore(file, { values: {} }, createMemoryLogger());
    expect((await first.load()).values).toEqual({ ...DEFAULTS, language: null, idleLockMinutes: 10, authorityUrl: null, proxyUrl: null, pkcs11Modules: [], mailboxNotifications: true });
    await first.set({ language: 'de', authorityUrl: 'https://api.example.lu/v1' });
    const second = new SettingsStore(file, { values: {} }, createMemoryLogger());
    expect((await second.load()).values).toMatchObject({ language: 'de', authorityUrl: 'https://api.example.lu/v1' });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('uses defaults and warns when the file is damaged, without losing the damaged bytes silently', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{"language": "de", ');
    const log = createMemoryLogger();
    const store = new SettingsStore(file, { values: {} }, log);
    expect((await store.load()).values.language).toBeNull();
    expect(log.entries.map((entry) => entry.event)).toContain('settings.unreadable');
    expect(await readFile(file, 'utf8')).toBe('{"language": "de", ');
    // The next change writes over it: the damaged bytes were copied aside first.
    await store.set({ idleLockMinutes: 4 });
    expect(await readFile(`${file}.damaged`, 'utf8')).toBe('{"language": "de", ');
  });

  it('refuses to change a setting locked by policy', async () => {
    const store = new SettingsStore(path.join(dir, 'settings.json'), { values: { authorityUrl: 'https://authority.example.lu/' } }, createMemoryLogger());
    await store.load();
    expect(store.view().locked).toEqual(['authorityUrl']);
    await expect(store.set({ authorityUrl: null })).rejects.toBeInstanceOf(SettingLockedError);
    await expect(store.set({ language: 'en' })).resolves.toMatchObject({ values: { language: 'en', authorityUrl: 'https://authority.example.lu/' } });
  });

  it('takes recommended values as defaults the user may override, and writes only the user’s own choices', async () => {
    const file = path.join(dir, 'settings.json');
    const policy = { values: { idleLockMinutes: 5 }, recommended: { language: 'fr' as const, proxyUrl: 'http://proxy.example.lu:3128/' } };
    const store = new SettingsStore(file, policy, createMemoryLogger());
    expect(await store.load()).toEqual({
      values: { ...DEFAULTS, language: 'fr', idleLockMinutes: 5, authorityUrl: null, proxyUrl: 'http://proxy.example.lu:3128/', pkcs11Modules: [], mailboxNotifications: true },
      locked: ['idleLockMinutes'],
      refused: [],
    });
    await store.set({ language: 'de' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 2, chosen: { language: 'de' } });
    // Next start, with a new recommended proxy: the user's language stays, the proxy follows the policy.
    const next = new SettingsStore(file, { values: { idleLockMinutes: 5 }, recommended: { language: 'fr', proxyUrl: 'http://other.example.lu:8080/' } }, createMemoryLogger());
    expect((await next.load()).values).toMatchObject({ language: 'de', proxyUrl: 'http://other.example.lu:8080/', idleLockMinutes: 5 });
  });

  it('keeps the valid choices of a file with one bad value', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ language: 'de', idleLockMinutes: -3, retiredSetting: true }));
    const log = createMemoryLogger();
    const store = new SettingsStore(file, { values: {} }, log);
    expect((await store.load()).values).toMatchObject({ language: 'de', idleLockMinutes: 10 });
    expect(log.entries.find((entry) => entry.event === 'settings.invalid')?.fields).toEqual({ settings: ['idleLockMinutes'] });
  });

  it('says which saved choices it refused (an http:// address of an earlier version) until the person chooses again', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ format: 2, chosen: { authorityUrl: 'http://api.example.lu/v1', language: 'fr' } }));
    const store = new SettingsStore(file, { values: {} }, createMemoryLogger());
    const view = await store.load();
    expect(view).toMatchObject({ values: { authorityUrl: null, language: 'fr' }, refused: ['authorityUrl'] });
    expect((await store.set({ authorityUrl: 'https://api.example.lu/v1' })).refused).toEqual([]);
  });

  it('reads a file of the first format: values equal to the defaults were not choices and leave room for the policy', async () => {
    const file = path.join(dir, 'settings.json');
    // What the first format wrote after the user picked German: every setting.
    await writeFile(file, JSON.stringify({ language: 'de', idleLockMinutes: 10, authorityUrl: null, proxyUrl: null, pkcs11Modules: [] }));
    const store = new SettingsStore(file, { values: {}, recommended: { proxyUrl: 'http://proxy.example.lu:3128/', idleLockMinutes: 5 } }, createMemoryLogger());
    expect((await store.load()).values).toMatchObject({ language: 'de', proxyUrl: 'http://proxy.example.lu:3128/', idleLockMinutes: 5 });
    await store.set({ authorityUrl: 'https://api.example.lu/v1' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 2, chosen: { language: 'de', authorityUrl: 'https://api.example.lu/v1' } });
  });

  it('reads the choices of a file written by a later version', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ format: 3, chosen: { language: 'fr', idleLockMinutes: 10 }, somethingNew: true }));
    const store = new SettingsStore(file, { values: {}, recommended: { idleLockMinutes: 5 } }, createMemoryLogger());
    expect((await store.load()).values).toMatchObject({ language: 'fr', idleLockMinutes: 10 });
  });

  it('keeps the idle lock and the language within the bounds the administrator set, and refuses a choice outside them', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ format: 2, chosen: { idleLockMinutes: 0, language: 'en' } }));
    const policy = { values: { idleLockMinMinutes: 2, idleLockMaxMinutes: 30, allowedLanguages: ['fr' as const, 'de' as const] } };
    const store = new SettingsStore(file, policy, createMemoryLogger());
    // "Never" has a ceiling now, and English is not offered: the system's language (among those offered) applies.
    expect((await store.load()).values).toMatchObject({ idleLockMinutes: 30, language: null });
    await expect(store.set({ idleLockMinutes: 45 })).rejects.toMatchObject({ name: 'ValidationError', details: { issues: [{ path: 'idleLockMinutes', code: 'too_big', maximum: 30 }] } });
    await expect(store.set({ idleLockMinutes: 1 })).rejects.toMatchObject({ details: { issues: [{ path: 'idleLockMinutes', code: 'too_small', minimum: 2 }] } });
    await expect(store.set({ idleLockMinutes: 0 })).rejects.toMatchObject({ details: { issues: [{ path: 'idleLockMinutes', maximum: 30 }] } });
    await expect(store.set({ language: 'en' })).rejects.toMatchObject({ details: { issues: [{ path: 'language', message: 'languageNotOffered' }] } });
    // Nothing refused was written; a choice within the bounds is.
    expect(JSON.parse(await readFile(file, 'utf8')).chosen).toEqual({ idleLockMinutes: 0, language: 'en' });
    expect((await store.set({ idleLockMinutes: 12, language: 'de' })).values).toMatchObject({ idleLockMinutes: 12, language: 'de' });
    // Without a ceiling, the saved "never" applies again.
    const lifted = new SettingsStore(file, { values: {} }, createMemoryLogger());
    await writeFile(file, JSON.stringify({ format: 2, chosen: { idleLockMinutes: 0 } }));
    expect((await lifted.load()).values.idleLockMinutes).toBe(0);
  });

  it('keeps the error name through serialization', async () => {
    const { serializeError } = await import('../../../src-shared/errors');
    expect(serializeError(new SettingLockedError('x', { keys: ['language'] }))).toEqual({ name: 'SettingLockedError', message: 'x', kind: 'expected', details: { keys: ['language'] } });
  });
});
