import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { testPki } from '../../helpers/softhsm/softHsm';

/**
 * A refused sign-in must reach the renderer with the administration's reason (the problem type), so that the panel
 * can say what is wrong and what to do, not only "refused". Here a certificate from a root the authority does not trust.
 */
describe('a sign-in the authority refuses carries its reason to the renderer', () => {
  let main: TestMain;
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-refused-'));
  });
  afterEach(async () => {
    await main.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('certificate-unknown, through the real router, PKCS#12 identity and demo sandbox', async () => {
    const pki = await testPki();
    const p12 = path.join(dir, 'foreign.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', path.join(pki.dir, pki.foreign.keyFile), '-in', path.join(pki.dir, pki.foreign.certFile), '-out', p12, '-passout', 'pass:secret']);
    main = await createTestMainContext({ pickFile: async () => p12 });
    await main.context.vault.create('a long enough passphrase');
    const call = (name: string, input?: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN });
    const picked = (await call('app.pickFile', { purpose: 'pkcs12', title: 'x' })) as { value: { file: { fileHandle: string } } };
    const added = (await call('tokens.addPkcs12', { fileHandle: picked.value.file.fileHandle, password: 'secret' })) as { ok: true; value: { id: string } };
    expect(added.ok).toBe(true);
    const refused = await call('session.signIn', { identity: { kind: 'pkcs12', id: added.value.id } });
    expect(refused).toMatchObject({ ok: false, error: { name: 'AuthorityRequestError', kind: 'expected', details: { type: 'certificate-unknown' } } });
  });
});
