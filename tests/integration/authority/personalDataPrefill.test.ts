import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { until } from '../../helpers/until';

describe('"my data" from the authority prefills forms, offline', () => {
  let main: TestMain;
  beforeEach(async () => {
    main = await createTestMainContext();
  });
  afterEach(async () => main.cleanup());

  it('stores each space’s data in the vault at sync, and prefill reads it from there', { timeout: 60_000 }, async () => {
    const call = (name: string, input?: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN });
    expect(await call('personalData.prefill')).toMatchObject({ ok: false, error: { name: 'VaultLockedError' } });

    // Demo mode: unlocking starts the built-in sandbox, signs in as its demo person and syncs.
    await call('vault.create', { passphrase: 'correct horse battery staple' });
    await until(() => main.context.connectionStatus.status().lastSyncAt !== null, 'the first sync');

    const result = await call('personalData.prefill');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { person, company } = result.value as { person: Record<string, unknown>; company: Record<string, unknown> };
    expect(person).toMatchObject({ firstName: 'Anne', lastName: 'Schmit', address: { country: 'LU' } });
    expect(person.matricule).toMatch(/^\d{13}$/);
    expect(company).toMatchObject({ name: expect.stringContaining('Moselle Digital'), rcsNumber: 'B123456' });

    // Another sync with unchanged data adds no new version.
    const versions = () => main.context.vault.repos.personalData.history(String(main.context.connection.sessionStatus().privateSpaceId), 'private').length;
    expect(versions()).toBe(1);
    await call('sync.now');
    expect(versions()).toBe(1);
  });
});
