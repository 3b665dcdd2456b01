import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { AuthorityApi } from '../../../src-main/authority/AuthorityApi';
import { AuthorityClient, type AuthorityClientOptions } from '../../../src-main/authority/AuthorityClient';
import { AuthoritySession } from '../../../src-main/authority/AuthoritySession';
import { vaultAuthorityStore, type AuthorityStore } from '../../../src-main/authority/AuthorityStore';
import type { ChallengeSigner } from '../../../src-main/authority/ChallengeSigner';
import { pemChallengeSigner } from '../../../src-main/authority/pemChallengeSigner';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { keyFromP12 } from '../sandbox/helpers';

export { start, operator, expectContractClean, sharedPkiDir } from '../sandbox/helpers';
export { createUnlockedVault, makeTempDir, makeVault, PASSPHRASE, TEST_KDF } from '../vault/vaultTestKit';

export const ANNE = 'anne-schmit';
export const ANNE_SPACE = 'PP-A7K3QZ';
export const COMPANY_SPACE = 'PM-K4R7T2';

/** A signer from the person's PKCS#12 file (the key read with openssl), chain: auth certificate + issuing CA. */
export function p12Signer(sb: SandboxHandle, personId = ANNE): ChallengeSigner {
  const id = sb.pki.persons[personId]!.auth;
  const key = keyFromP12(join(sb.pki.dir, id.p12File!), sb.pki.pkcs12Password);
  const keyPem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  return pemChallengeSigner(keyPem, [readFileSync(join(sb.pki.dir, id.certFile), 'utf8'), readFileSync(join(sb.pki.dir, 'issuing-ca.pem'), 'utf8')]);
}

/** Client + typed API + session signed in as the person. Fast retries for tests. */
export async function connect(sb: SandboxHandle, options: Partial<AuthorityClientOptions> & { personId?: string } = {}) {
  const client = new AuthorityClient({ baseUrl: sb.apiUrl, baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 5_000, ...options });
  const api = new AuthorityApi(client);
  const session = new AuthoritySession(api);
  client.setAuth(session);
  await session.signIn(p12Signer(sb, options.personId));
  return { client, api, session };
}

export function storeOf(vault: VaultService): AuthorityStore {
  return vaultAuthorityStore(vault);
}

/** A minimal valid PDF (the sandbox checks the magic bytes). */
export const pdfBytes = (text = 'hello'): Buffer =>
  Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
export const pngBytes = (): Buffer =>
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export async function counters(sb: SandboxHandle): Promise<{ dossiers: number; acceptedByKey: Record<string, number> }> {
  const res = await fetch(`${sb.url}/operator/counters`, { headers: { authorization: `Bearer ${sb.operatorToken}` } });
  return (await res.json()) as { dossiers: number; acceptedByKey: Record<string, number> };
}
