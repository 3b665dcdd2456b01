import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainContext, type MainContext } from '../../../src-main/createMainContext';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import type { HostInfo } from '../../../src-main/host/HostInfo';
import { makeTempDir } from './vaultTestKit';

const ORIGIN = 'http://localhost:5173';

describe('vault contract calls through the main context', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let context: MainContext;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    context = await createMainContext({ userDataDir: dir, host: {} as HostInfo, log: createMemoryLogger(), trustedOrigins: [ORIGIN], knownModules: [] });
  });
  afterEach(async () => {
    await context.dispose();
    await cleanup();
  });

  it('answers status, refuses weak passphrases by name, and emits vault.stateChanged', async () => {
    const events: Array<[string, unknown]> = [];
    context.events.subscribe((name, payload) => events.push([name, payload]));
    const call = (name: string, input?: unknown) => context.router.dispatch(name, input, { url: `${ORIGIN}/` });
    expect(await call('vault.status')).toMatchObject({ ok: true, value: { state: 'absent', keychainAvailable: false } });
    expect(await call('vault.create', { passphrase: 'short' })).toMatchObject({ ok: false, error: { name: 'WeakPassphraseError', kind: 'expected' } });
    expect(await call('vault.touch')).toEqual({ ok: true, value: { state: 'absent' } });
    expect(await call('vault.lock')).toMatchObject({ ok: true, value: { state: 'absent' } });
    expect(await call('vault.listBackups')).toEqual({ ok: true, value: { backups: [] } });
    expect(await call('vault.backup', { path: '/tmp/x.gvbak' })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(await call('vault.backup', { saveTo: '../../x.gvbak' })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(await call('vault.backup', {})).toMatchObject({ ok: false, error: { name: 'VaultLockedError' } });
    expect(events).toEqual([]);

    expect(await call('vault.create', { passphrase: 'a long enough passphrase' })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(events.at(-1)).toEqual(['vault.stateChanged', expect.objectContaining({ state: 'unlocked' })]);
    context.vault.lock('suspend');
    expect(events.at(-1)).toEqual(['vault.stateChanged', expect.objectContaining({ state: 'locked', lockReason: 'suspend' })]);
    expect(await call('vault.unlock', { passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { name: 'WrongPassphraseError', details: { retryAfterMs: 0, failedAttempts: 1 } },
    });
    expect(await call('vault.unlock', { passphrase: 'a long enough passphrase' })).toMatchObject({ ok: true, value: { state: 'unlocked', failedAttempts: 0 } });
    expect(await call('app.health')).toMatchObject({ ok: true, value: { status: 'ok' } });
  });
});
