import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import type { ChallengeSigner } from '../../../src-main/authority/ChallengeSigner';
import { ANNE_SPACE, p12Signer, start } from '../authority/authorityKit';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';

/**
 * A changed authority URL (one settings.set from the renderer) must not make main sign the new server's challenge
 * with the person's certificate on its own: a hostile server could relay the real authority's nonce and get a
 * session as the person. The person signs in again, with their card, to the new authority.
 */
describe('the signer does not follow an authority switch', () => {
  let first: SandboxHandle;
  let second: SandboxHandle;
  let main: TestMain;
  let dir: string;
  beforeEach(async () => {
    [first, second] = await Promise.all([start(), start()]);
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-switch-'));
    main = await createTestMainContext({ authority: { syncIntervalMs: 3_600_000, client: { timeoutMs: 5_000, baseDelayMs: 20, maxDelayMs: 100 } } });
  });
  afterEach(async () => {
    await main.cleanup();
    await Promise.all([first.close(), second.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('after a switch nothing is signed until the person signs in again', async () => {
    const call = (name: string, input?: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN });
    await main.context.vault.create('a long enough passphrase');
    const firstSet = await call('settings.set', { authorityUrl: first.apiUrl });
    expect(firstSet, JSON.stringify(firstSet)).toMatchObject({ ok: true });
    const nonces: string[] = [];
    const certificate = p12Signer(first);
    const signer: ChallengeSigner = async (nonce) => {
      nonces.push(nonce);
      return certificate(nonce);
    };
    expect(await main.context.connection.signIn(signer)).toMatchObject({ signedIn: true, privateSpaceId: ANNE_SPACE });
    expect(nonces).toHaveLength(1);

    // The endpoint changes under the service (main's own settings change, then the reset the wiring does): the
    // certificate given for the first authority must not sign the second one's challenge by itself.
    await main.context.settings.set({ authorityUrl: second.apiUrl });
    await main.context.connection.reset();
    await main.context.sync.syncNow().catch(() => undefined);
    expect(nonces).toHaveLength(1);
    expect(main.context.connectionStatus.status()).toMatchObject({ apiUrl: second.apiUrl, signedIn: false });
  });
});
