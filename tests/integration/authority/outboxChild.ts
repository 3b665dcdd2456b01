/**
 * Child process of the outbox crash test: `node --import tsx outboxChild.ts <dir> <apiUrl> <pkiDir> <enqueue N | send>`.
 * Opens (or creates) the vault, optionally enqueues N submissions, then sends the outbox. Prints progress lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AuthorityApi } from '../../../src-main/authority/AuthorityApi';
import { AuthorityClient } from '../../../src-main/authority/AuthorityClient';
import { AuthoritySession } from '../../../src-main/authority/AuthoritySession';
import { vaultAuthorityStore } from '../../../src-main/authority/AuthorityStore';
import { OutboxSender } from '../../../src-main/authority/OutboxSender';
import { enqueueSubmission } from '../../../src-main/authority/outboxEnqueue';
import { pemChallengeSigner } from '../../../src-main/authority/pemChallengeSigner';
import { makeVault, PASSPHRASE } from '../vault/vaultTestKit';

const [dir, apiUrl, pkiDir, mode, count] = process.argv.slice(2) as [string, string, string, string, string?];
const vault = makeVault(dir);
const status = await vault.init();
if (status.state === 'absent') await vault.create(PASSPHRASE);
else await vault.unlock(PASSPHRASE);
const store = vaultAuthorityStore(vault);

const manifest = JSON.parse(readFileSync(path.join(pkiDir, 'pki.json'), 'utf8')) as { persons: Record<string, { auth: { keyFile: string; certFile: string } }> };
const id = manifest.persons['anne-schmit']!.auth;
const signer = pemChallengeSigner(readFileSync(path.join(pkiDir, id.keyFile), 'utf8'), [readFileSync(path.join(pkiDir, id.certFile), 'utf8')]);
const client = new AuthorityClient({ baseUrl: apiUrl, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 10_000 });
const api = new AuthorityApi(client);
const session = new AuthoritySession(api);
client.setAuth(session);
await session.signIn(signer);

if (mode === 'enqueue') {
  const version = String((await api.getFormDefinition('change-of-address'))!.definition.version);
  const keys: string[] = [];
  for (let i = 0; i < Number(count); i += 1) {
    keys.push(enqueueSubmission(store, { spaceId: 'PP-A7K3QZ', procedureId: 'change-of-address', procedureVersion: version, language: 'en', data: { i }, attachmentIds: [] }).idempotencyKey);
  }
  console.log(`enqueued ${keys.join(',')}`);
}
const sender = new OutboxSender(api, store, { baseDelayMs: 10, maxDelayMs: 50 });
while (store.repos.outbox.pendingCount() > 0) {
  await sender.flush();
  await new Promise((r) => setTimeout(r, 20));
}
console.log('done');
client.dispose();
vault.dispose();
