import { afterEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { FakeClock } from '../../unit/main/vault/FakeClock';

describe('idle lock setting', () => {
  let main: TestMain;
  afterEach(() => main.cleanup());

  it('a change through settings.set applies to the vault already unlocked, not from the next unlock', async () => {
    const clock = new FakeClock();
    main = await createTestMainContext({ vaultClock: clock });
    await main.context.vault.create('a long enough passphrase');
    expect(main.context.settings.get('idleLockMinutes')).toBe(10);
    clock.advance(20_000);
    expect(await main.context.router.dispatch('settings.set', { idleLockMinutes: 1 }, { url: TEST_ORIGIN })).toMatchObject({ ok: true });
    clock.advance(39_000);
    expect(main.context.vault.status().state).toBe('unlocked');
    clock.advance(1_000);
    expect(main.context.vault.status()).toMatchObject({ state: 'locked', lockReason: 'idle' });
  });
});
