import { realpathSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { contractCalls } from '../../../src-shared/contract/contract';
import type { TokensView } from '../../../src-shared/tokens/tokenSchemas';
import { pathLikeInputs } from './pathLikeInputs';

const PASSPHRASE = 'a long enough passphrase';
const forged = `fh_${'A'.repeat(22)}`;

describe('the renderer never names a file main reads or writes, nor code main loads', () => {
  it('no contract input carries a path or a module to load (a new one fails here)', () => {
    expect(pathLikeInputs(contractCalls)).toEqual([]);
  });

  describe('through the real router', () => {
    let main: TestMain;
    let outside: string;
    let picks: string[];
    const call = (name: string, input?: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN });

    beforeEach(async () => {
      outside = await mkdtemp(path.join(os.tmpdir(), 'guichet-outside-'));
      picks = [];
      main = await createTestMainContext({
        pickFile: async () => picks.shift() ?? null,
        pickSaveFile: async () => picks.shift() ?? null,
      });
      await main.context.vault.create(PASSPHRASE);
    });
    afterEach(async () => {
      await main.cleanup();
      await rm(outside, { recursive: true, force: true });
    });

    it('vault.backup takes no path: ../ and absolute paths are ValidationErrors and nothing is written outside', async () => {
      for (const input of [{ path: '../../escaped.gvbak' }, { path: path.join(outside, 'x.gvbak') }, { saveTo: '../x.gvbak' }, { saveTo: forged.slice(0, -1) }]) {
        expect(await call('vault.backup', input)).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
      }
      expect(await call('vault.backup', { saveTo: forged })).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });
      expect(await readdir(outside)).toEqual([]);
      expect(await readdir(path.dirname(main.dir))).not.toContain('escaped.gvbak');
    });

    it('a save handle writes where the person chose, once; an open handle cannot be used to write', async () => {
      picks.push(path.join(outside, 'chosen.gvbak'));
      const picked = await call('app.pickSaveFile', { purpose: 'vaultBackup', title: 'Save', defaultName: 'x.gvbak' });
      expect(JSON.stringify(picked)).not.toContain(outside);
      const saveTo = (picked as { value: { file: { fileHandle: string } } }).value.file.fileHandle;
      expect(await call('vault.backup', { saveTo })).toMatchObject({ ok: true, value: { fileName: 'chosen.gvbak' } });
      expect(await readdir(outside)).toEqual(['chosen.gvbak']);
      expect(await call('vault.backup', { saveTo })).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });

      picks.push(path.join(outside, 'chosen.gvbak'));
      const opened = (await call('app.pickFile', { purpose: 'vaultBackup', title: 'Open' })) as { value: { file: { fileHandle: string; sizeBytes: number } } };
      expect(opened.value.file.sizeBytes).toBeGreaterThan(0);
      expect(await call('vault.backup', { saveTo: opened.value.file.fileHandle })).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });
    });

    it('vault.restore takes a listed name (looked up in the folder, never joined) or a handle', async () => {
      await call('vault.backup', {});
      const listed = (await call('vault.listBackups')) as { value: { backups: Array<{ fileName: string }> } };
      expect(JSON.stringify(listed)).not.toContain(main.dir);
      for (const name of ['../key.json.gvbak', '..%2F..%2Fx.gvbak', '/etc/passwd.gvbak', 'a\\..\\b.gvbak', 'x\u0000.gvbak']) {
        expect(await call('vault.restore', { source: { listed: name }, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
      }
      expect(await call('vault.restore', { source: { listed: 'not-there.gvbak' }, passphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        error: { name: 'BackupInvalidError', details: { reason: 'notListed' } },
      });
      const name = listed.value.backups[0]!.fileName;
      expect(await call('vault.restore', { source: { listed: name }, passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    });

    it('tokens.addPkcs12 reads only a chosen file, and tells nothing about files that were not chosen', async () => {
      const existing = await call('tokens.addPkcs12', { path: '/etc/passwd', password: 'x' });
      const missing = await call('tokens.addPkcs12', { path: '/nonexistent/file.p12', password: 'x' });
      expect(existing).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
      expect(missing).toEqual(existing);
      // A chosen file that is not PKCS#12, and one removed after it was chosen: neither names a path.
      const notP12 = path.join(outside, 'text.p12');
      await writeFile(notP12, 'not a certificate file');
      picks.push(notP12);
      const picked = (await call('app.pickFile', { purpose: 'pkcs12', title: 'Open' })) as { value: { file: { fileHandle: string } } };
      const refused = await call('tokens.addPkcs12', { fileHandle: picked.value.file.fileHandle, password: 'x' });
      expect(refused).toMatchObject({ ok: false, error: { name: 'Pkcs12InvalidError' } });
      await rm(notP12);
      const gone = await call('tokens.addPkcs12', { fileHandle: picked.value.file.fileHandle, password: 'x' });
      expect(gone).toMatchObject({ ok: false, error: { name: 'FileUnreadableError' } });
      expect(JSON.stringify([refused, gone])).not.toContain(outside);
    });

    it('settings.set cannot name a PKCS#11 module: refused before anything is loaded', async () => {
      const library = path.join(outside, 'evil.so');
      await writeFile(library, 'not a library');
      const answer = await call('settings.set', { pkcs11Modules: [library] });
      expect(answer).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
      const view = (await call('tokens.list')) as { value: TokensView };
      expect(view.value.modules.map((m) => m.path)).not.toContain(library);
      expect(main.context.settings.get('pkcs11Modules')).toEqual([]);
    });
  });
});

describe.skipIf(!SOFTHSM_MODULE)('a PKCS#11 module comes only from a file the person chose, confirmed by main when outside system folders', () => {
  let hsm: SoftHsm;
  let main: TestMain | null = null;
  let outside: string;
  beforeEach(async () => {
    hsm = createSoftHsm();
    hsm.addPersonToken(await testPki(), 'julie-martin', 'Julie Martin', '1357');
    outside = await mkdtemp(path.join(os.tmpdir(), 'guichet-modules-'));
  });
  afterEach(async () => {
    await main?.cleanup();
    main = null;
    hsm.cleanup();
    await rm(outside, { recursive: true, force: true });
  });

  async function addThroughPicker(file: string, confirmAnswer: boolean) {
    main = await createTestMainContext({ pickFile: async () => file, confirmAnswer });
    const call = (name: string, input?: unknown) => main!.context.router.dispatch(name, input, { url: TEST_ORIGIN });
    const picked = (await call('app.pickFile', { purpose: 'pkcs11Module', title: 'Library' })) as { value: { file: { fileHandle: string } } };
    return { call, answer: await call('tokens.addModule', { fileHandle: picked.value.file.fileHandle }) };
  }

  it('a library in a system folder loads without a question', async () => {
    const { answer } = await addThroughPicker(SOFTHSM_MODULE!, false);
    expect(main!.asked).toEqual([]);
    // Kept as its real path: the library judged is the library loaded, whatever symlink pointed at it.
    const real = realpathSync(SOFTHSM_MODULE!);
    const view = (answer as { ok: true; value: TokensView }).value;
    expect(view.modules.find((m) => m.path === real)).toMatchObject({ status: 'ready', source: 'settings' });
    expect(main!.context.settings.get('pkcs11Modules')).toEqual([real]);
  });

  it('a library elsewhere asks with its full path; declined, it is not loaded', async () => {
    const copy = path.join(outside, 'libcopied-pkcs11.so');
    await copyFile(SOFTHSM_MODULE!, copy);
    const { call, answer } = await addThroughPicker(copy, false);
    expect(main!.asked).toEqual([copy]);
    expect(answer).toMatchObject({ ok: false, error: { name: 'CancelledError', kind: 'cancelled' } });
    const view = (await call('tokens.list')) as { value: TokensView };
    expect(view.value.modules.map((m) => m.path)).not.toContain(copy);
    expect(main!.context.settings.get('pkcs11Modules')).toEqual([]);
  });

  it('confirmed, it loads; the person can remove it again', async () => {
    const copy = path.join(outside, 'libcopied-pkcs11.so');
    await copyFile(SOFTHSM_MODULE!, copy);
    const { call, answer } = await addThroughPicker(copy, true);
    // What loads is the approved bytes, kept in the profile: the file in the outside folder may change afterwards.
    const kept = (answer as { ok: true; value: TokensView }).value.modules.find((m) => m.path.startsWith(path.join(main!.dir, 'pkcs11') + path.sep));
    expect(kept).toMatchObject({ status: 'ready' });
    expect(path.basename(kept!.path)).toMatch(/^[0-9a-f]{16}-libcopied-pkcs11\.so$/);
    await writeFile(copy, 'swapped after the confirmation');
    const refreshed = (await call('tokens.refresh')) as { value: TokensView };
    expect(refreshed.value.modules.find((m) => m.id === kept!.id)).toMatchObject({ status: 'ready' });
    const added = kept;
    const removed = (await call('tokens.removeModule', { moduleId: added!.id })) as { value: TokensView };
    expect(removed.value.modules.map((m) => m.path)).not.toContain(copy);
    expect(await call('tokens.removeModule', { moduleId: added!.id })).toMatchObject({ ok: false, error: { name: 'ModuleFileRefusedError' } });
  });

  it('a file that is not a library for this system is refused, even confirmed', async () => {
    const text = path.join(outside, 'notes.txt');
    await writeFile(text, 'hello');
    const { answer } = await addThroughPicker(text, true);
    expect(answer).toMatchObject({ ok: false, error: { name: 'ModuleFileRefusedError' } });
    expect(main!.asked).toEqual([]);
  });
});
