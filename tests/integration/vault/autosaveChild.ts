/**
 * Child process for the crash test: unlocks the vault given in argv and autosaves drafts as fast as it can,
 * printing "saved <n>" after each committed save, until killed.
 */
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { VaultService } from '../../../src-main/vault/VaultService';
import { PASSPHRASE, TEST_KDF } from './vaultTestKit';

const [dir, countText, draftsText] = process.argv.slice(2);
const count = Number(countText ?? 1000);
const drafts = Number(draftsText ?? 10);
const vault = new VaultService({ dir: dir ?? '', log: createMemoryLogger(), kdfParams: TEST_KDF });
await vault.init();
await vault.unlock(PASSPHRASE);
process.stdout.write('ready\n');
for (let n = 1; n <= count; n++) {
  vault.repos.drafts.upsert({
    id: `draft-${n % drafts}`,
    spaceId: null,
    procedureId: 'proc',
    formVersion: '1',
    values: { save: n, text: 'x'.repeat(200 + (n % 700)) },
    attachmentRefs: [],
  });
  process.stdout.write(`saved ${n}\n`);
}
process.stdout.write('done\n');
