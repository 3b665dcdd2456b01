import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { passphraseStrength } from '../../../src-renderer/vault/passphraseStrength';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { untilRendered } from '../../helpers/untilRendered';
import { mountRenderer } from './mountRenderer';

const PASSPHRASE = 'correct horse battery staple';

function type(root: HTMLElement, selector: string, value: string): void {
  const input = root.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('vault screens against a real main and a real SQLCipher vault', () => {
  let main: TestMain;
  let root: HTMLElement;
  beforeEach(async () => {
    main = await createTestMainContext({ systemLocales: ['en-GB'] });
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app') as HTMLElement;
  });
  afterEach(async () => main.cleanup());

  /** The whole renderer against the current main, opened at a route. */
  async function mount(route = '/dashboard') {
    return (await mountRenderer(main.context, root, route)).app;
  }

  it('creates the vault on first run, then locks and shows why', async () => {
    const app = await mount();
    await untilRendered(() => root.querySelector('#vault-passphrase') !== null, 'the create screen');
    expect(root.querySelector('h1')?.textContent).toBe('Create your vault');
    type(root, '#vault-passphrase', 'short');
    expect(root.querySelector('.strength')?.getAttribute('data-level')).toBe('tooShort');
    type(root, '#vault-passphrase', PASSPHRASE);
    type(root, '#vault-confirm', PASSPHRASE);
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('nav') !== null, 'the unlocked shell');
    expect(main.context.vault.status().state).toBe('unlocked');

    (root.querySelector('[data-testid="lock-button"]') as HTMLButtonElement).click();
    await untilRendered(() => root.querySelector('#vault-unlock-passphrase') !== null, 'the unlock screen');
    expect(root.querySelector('[data-testid="lock-reason"]')?.textContent).toBe('You locked the vault.');
    expect(main.context.vault.status().state).toBe('locked');
    app.unmount();
  });

  it('refuses a weak passphrase with a translated error and creates nothing', async () => {
    const app = await mount();
    await untilRendered(() => root.querySelector('#vault-passphrase') !== null, 'the create screen');
    type(root, '#vault-passphrase', 'tooshort');
    type(root, '#vault-confirm', 'tooshort');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('#vault-passphrase-error') !== null, 'the error at the field');
    expect(root.querySelector('#vault-passphrase-error')?.textContent).toContain('use at least 10 characters');
    expect(root.querySelector('#vault-passphrase')?.getAttribute('aria-describedby')).toContain('vault-passphrase-error');
    expect(document.activeElement?.id).toBe('vault-passphrase');
    expect(main.context.vault.status().state).toBe('absent');
    app.unmount();
  });

  it('an empty passphrase is said at its field, translated, not as zod text', async () => {
    const app = await mount();
    await untilRendered(() => root.querySelector('#vault-passphrase') !== null, 'the create screen');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('#vault-passphrase-error') !== null, 'the error at the field');
    expect(root.querySelector('#vault-passphrase-error')?.textContent).toBe('Fill in this field.');
    expect(root.textContent).not.toMatch(/Too small|passphrase:/);
    expect(document.activeElement?.id).toBe('vault-passphrase');
    app.unmount();
  });

  it('shows a wrong passphrase readably and lets the right one in after the delay', async () => {
    await main.context.vault.create(PASSPHRASE);
    main.context.vault.lock('idle');
    const app = await mount();
    await untilRendered(() => root.querySelector('#vault-unlock-passphrase') !== null, 'the unlock screen');
    expect(root.querySelector('[data-testid="lock-reason"]')?.textContent).toBe('The vault was locked after a period without activity.');
    type(root, '#vault-unlock-passphrase', 'wrong passphrase!');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('#vault-unlock-passphrase-error') !== null, 'the error at the field');
    expect(root.querySelector('#vault-unlock-passphrase-error')?.textContent).toBe('The passphrase is not correct.');
    expect(root.querySelector('[data-testid="failed-attempts"]')?.textContent).toContain('1');
    expect((root.querySelector('#vault-unlock-passphrase') as HTMLInputElement).value).toBe('');
    app.unmount();
  });

  it('saves a backup where the system dialog says, with its extension, and that backup restores', async () => {
    await main.cleanup();
    const asked: unknown[] = [];
    main = await createTestMainContext({
      systemLocales: ['en-GB'],
      pickSaveFile: async (options) => {
        asked.push(options);
        return path.join(main.dir, 'usb-stick-copy'); // typed without the extension
      },
      pickFile: async () => path.join(main.dir, 'usb-stick-copy.gvbak'),
    });
    await main.context.vault.create(PASSPHRASE);
    const app = await mount('/settings');
    await untilRendered(() => root.querySelector('[data-testid="backup-save-as"]') !== null, 'the save-as button');
    (root.querySelector('[data-testid="backup-save-as"]') as HTMLButtonElement).click();
    const target = path.join(main.dir, 'usb-stick-copy.gvbak');
    await untilRendered(() => root.querySelector('[data-testid="vault-settings"] [role="status"]') !== null, 'the confirmation');
    expect(root.querySelector('[data-testid="vault-settings"] [role="status"]')?.textContent).toBe('Backup written: usb-stick-copy.gvbak');
    expect(asked).toEqual([
      { title: 'Save the vault backup', defaultPath: expect.stringMatching(/^guichet-vault-\d{4}-\d{2}-\d{2}\.gvbak$/), filters: [{ name: 'Save the vault backup', extensions: ['gvbak'] }] },
    ]);
    expect((await stat(target)).size).toBeGreaterThan(0);
    app.unmount();

    const call = (name: string, input: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN });
    expect(await call('vault.restore', { path: target, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    const picked = await call('app.pickFile', { purpose: 'vaultBackup', title: 'Restore' });
    expect(picked).toMatchObject({ ok: true, value: { available: true, file: { name: 'usb-stick-copy.gvbak' } } });
    expect(JSON.stringify(picked)).not.toContain(main.dir);
    const fileHandle = (picked as { value: { file: { fileHandle: string } } }).value.file.fileHandle;
    // A handle is good for its purpose only: it cannot open a PKCS#12 file.
    expect(await call('tokens.addPkcs12', { fileHandle, password: 'x' })).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });
    const restored = await call('vault.restore', { source: { fileHandle }, passphrase: PASSPHRASE });
    expect(restored).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('offers no save-as button where the host has no dialog', async () => {
    await main.context.vault.create(PASSPHRASE);
    const app = await mount('/settings');
    await untilRendered(() => root.querySelector('[data-testid="vault-settings"]') !== null, 'the vault settings');
    await flushPromises();
    expect(root.querySelector('[data-testid="vault-settings"] .button-row')?.textContent).toContain('Make a backup now');
    expect(root.querySelector('[data-testid="backup-save-as"]')).toBeNull();
    app.unmount();
  });

  it('the first backup can be restored at once: the list shows it chosen and Restore is enabled', async () => {
    await main.context.vault.create(PASSPHRASE);
    const app = await mount('/settings');
    await untilRendered(() => root.querySelector('[data-testid="restore-form"]') !== null, 'the restore form');
    const backupNow = [...root.querySelectorAll('[data-testid="vault-settings"] button')].find((b) => b.textContent?.includes('Make a backup now')) as HTMLButtonElement;
    backupNow.click();
    await untilRendered(() => root.querySelector<HTMLSelectElement>('#restore-choice')?.tagName === 'SELECT', 'the backup list');
    const select = root.querySelector('#restore-choice') as HTMLSelectElement;
    expect(select.value).toMatch(/^guichet-vault-.*\.gvbak$/);
    type(root, '#restore-passphrase', PASSPHRASE);
    await flushPromises();
    const restore = root.querySelector('[data-testid="restore-form"] button[type="submit"]') as HTMLButtonElement;
    expect(restore.disabled).toBe(false);
    root.querySelector('[data-testid="restore-form"]')?.dispatchEvent(new Event('submit'));
    await untilRendered(() => main.log.entries.some((entry) => entry.event === 'vault.restored'), 'the restore in main');
    app.unmount();
  }, 30_000);
});

describe('passphrase strength hint', () => {
  it.each([
    ['abc', 'tooShort'],
    ['aaaaaaaaaaaa', 'weak'],
    ['sunshine2024', 'fair'],
    ['correct horse battery staple', 'strong'],
    ['Tr0ub4dor&3-xyz!', 'strong'],
  ] as const)('%s is %s', (passphrase, level) => {
    expect(passphraseStrength(passphrase)).toBe(level);
  });
});
