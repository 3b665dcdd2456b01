import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import type { TokensView } from '../../../src-shared/tokens/tokenSchemas';

describe.skipIf(!SOFTHSM_MODULE)('tokens through the contract (real main context, SoftHSM2 from the pkcs11Modules policy)', () => {
  let hsm: SoftHsm;
  let main: TestMain;
  let slotId: string;

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    slotId = hsm.addPersonToken(pki, 'julie-martin', 'Julie Martin', '1357').slotId;
    main = await createTestMainContext({ policy: { managed: { pkcs11Modules: [SOFTHSM_MODULE!] }, recommended: {}, source: 'test' } });
  });
  afterAll(async () => {
    await main?.cleanup();
    hsm?.cleanup();
  });

  it('lists, reads the PIN state, refuses a wrong PIN change with WrongPinError, and pushes tokens.changed', async () => {
    const invoke = (name: string, input?: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN });
    const list = (await invoke('tokens.list')) as { ok: true; value: TokensView };
    expect(list.ok).toBe(true);
    const module = list.value.modules.find((m) => m.path === SOFTHSM_MODULE)!;
    expect(module).toMatchObject({ status: 'ready', source: 'settings' });
    const slot = list.value.slots.find((s) => s.slotId === slotId)!;
    expect(slot.token!.certificates.map((c) => c.role).sort()).toEqual(['authentication', 'ca', 'ca', 'signature']);

    const pin = await invoke('tokens.pinInfo', { moduleId: module.id, slotId });
    expect(pin).toMatchObject({ ok: true, value: { locked: false, pinPad: false } });

    const events: TokensView[] = [];
    const stop = main.context.events.on('tokens.changed', (view) => events.push(view));
    const wrong = await invoke('tokens.changePin', { moduleId: module.id, slotId, oldPin: '0000', newPin: '24682468' });
    expect(wrong).toMatchObject({ ok: false, error: { name: 'WrongPinError', kind: 'expected' } });
    expect(JSON.stringify(wrong)).not.toContain('0000"');
    expect(JSON.stringify(main.log.entries)).not.toContain('24682468');
    await expect.poll(() => events.length, { timeout: 5000 }).toBeGreaterThan(0);
    stop();

    // No path crosses the contract: a handle main never issued is refused without touching the file system.
    expect(await invoke('tokens.addPkcs12', { path: '/nonexistent.p12', password: 'x' })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    const refused = await invoke('tokens.addPkcs12', { fileHandle: `fh_${'A'.repeat(22)}`, password: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { name: 'FileChoiceInvalidError' } });
  });
});
