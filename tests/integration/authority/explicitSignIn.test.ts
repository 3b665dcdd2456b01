import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { AuthorityApi } from '../../../src-main/authority/AuthorityApi';
import { AuthorityClient } from '../../../src-main/authority/AuthorityClient';
import { AuthoritySession } from '../../../src-main/authority/AuthoritySession';
import type { ChallengeSigner } from '../../../src-main/authority/ChallengeSigner';
import { p12Signer, start } from './authorityKit';

describe('an explicit sign-in while an automatic one is under way', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await start();
  });
  afterAll(() => sandbox?.close());

  it('signs in with the certificate given, not by joining the other attempt (another person’s)', async () => {
    const client = new AuthorityClient({ baseUrl: sandbox.apiUrl, baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 5_000 });
    const session = new AuthoritySession(new AuthorityApi(client));
    client.setAuth(session);
    // The automatic sign-in (a sync's, with the signer kept from before) is waiting for its signature.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const anne = p12Signer(sandbox, 'anne-schmit');
    const slowAnne: ChallengeSigner = async (nonce) => {
      await gate;
      return anne(nonce);
    };
    session.setSigner(slowAnne);
    const automatic = session.token();
    // Meanwhile the person signs in with Luc's certificate.
    const explicit = session.signIn(p12Signer(sandbox, 'luc-hoffmann'));
    release();
    await automatic;
    expect(await explicit).toMatchObject({ signedIn: true, personName: 'Luc Hoffmann', privateSpaceId: 'PP-B2M8XR' });
    expect(session.status()).toMatchObject({ personName: 'Luc Hoffmann' });
    client.dispose();
  });
});
