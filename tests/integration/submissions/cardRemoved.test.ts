import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contractEvents } from '../../../src-shared/contract/contract';
import { EventHub } from '../../../src-main/events/EventHub';
import { FormsService } from '../../../src-main/forms/FormsService';
import { loadBundledForms } from '../../../src-main/forms/loadBundledForms';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { enqueueSubmission } from '../../../src-main/authority/outboxEnqueue';
import { vaultAuthorityStore } from '../../../src-main/authority/AuthorityStore';
import { SubmissionService } from '../../../src-main/submissions/SubmissionService';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { defaultOpenscConfig } from '../../../src-main/tokens/applyOpenscConfig';
import { moduleIdFor } from '../../../src-main/tokens/moduleIdFor';
import { TokenService } from '../../../src-main/tokens/TokenService';
import { spawnVirtualCard } from '../../../tools/virtual-card/spawnVirtualCard';
import { startReaderStack } from '../../helpers/readerStack/startReaderStack';
import { testPki } from '../../helpers/softhsm/softHsm';
import { createUnlockedVault, makeTempDir } from '../vault/vaultTestKit';
import { anneMoves } from './signedInApp';

const SSN = '10000000000000000001';

/**
 * A card pulled out while it signs, on the real reader stack: Anne's virtual PIV card in a virtual reader (pcscd,
 * OpenSC), dropped in the middle of its GENERAL AUTHENTICATE; the vault a real SQLCipher one, the forms and the outbox
 * the app's. The error is TokenRemovedError, and nothing changed: no submission, no outbox item, the draft editable.
 */
describe('a card removed while it signs a submission', () => {
  let cleanup: (() => Promise<void>) | null = null;
  let vault: VaultService | null = null;
  afterEach(async () => {
    vault?.dispose();
    await cleanup?.();
  });

  it('gives TokenRemovedError and changes nothing', async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    vault = await createUnlockedVault(temp.dir);
    const log = createMemoryLogger();
    const stack = await startReaderStack({ dir: path.join(temp.dir, 'stack') });
    const card = await spawnVirtualCard({ port: stack.readers[0], host: stack.cardHost, pki: await testPki(), personId: 'anne-schmit', stateFile: path.join(temp.dir, 'card.json') });
    process.env.OPENSC_CONF = defaultOpenscConfig()!;
    const moduleId = moduleIdFor(stack.openscModule);
    const tokens = new TokenService({ entries: [{ id: moduleId, name: 'OpenSC', path: stack.openscModule, source: 'known' }], log });
    const previous = cleanup;
    cleanup = async () => {
      await tokens.dispose();
      await card.close();
      await stack.stop();
      await previous();
    };
    const store = vaultAuthorityStore(vault);
    const forms = new FormsService({ vault, log, loadBundled: () => loadBundledForms(path.resolve('resources/forms')) });
    await forms.listCatalogue();
    const service = new SubmissionService({
      store,
      forms,
      tokens,
      outbox: { enqueueSubmission: (input) => enqueueSubmission(store, input) },
      person: () => ({ ssn: SSN, name: 'Anne Schmit', privateSpaceId: 'PP-A7K3QZ' }),
      // Never reached: the card fails before the timestamp is asked.
      tsaUrl: async () => 'http://127.0.0.1:9/v1/tsa',
      events: new EventHub(contractEvents, log),
      log,
    });
    forms.saveDraft({ id: 'draft-pulled-01', spaceId: null, procedureId: 'change-of-address', formVersion: 1, title: 'x', values: anneMoves(), attachmentRefs: [], resumeAt: '@review' });
    const prepared = await service.prepare({ draftId: 'draft-pulled-01', language: 'en' });
    await expect.poll(async () => (await tokens.list()).slots.some((s) => s.moduleId === moduleId && s.token), { timeout: 10_000 }).toBe(true);
    const slot = tokens.view().slots.find((s) => s.moduleId === moduleId && s.token)!;
    const certificateId = slot.token!.certificates.find((c) => c.role === 'signature')!.id;
    const identity = { kind: 'token' as const, moduleId, slotId: slot.slotId, certificateId };

    await card.failOnNext('generalAuthenticate');
    await expect(service.sign({ preparedId: prepared.preparedId, identity, pin: Buffer.from('123456') })).rejects.toMatchObject({ name: 'TokenRemovedError' });
    expect(card.state().pinTriesLeft).toBe(3);
    expect(service.state('draft-pulled-01')).toBeNull();
    expect(store.repos.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    expect(() => forms.saveDraft({ id: 'draft-pulled-01', spaceId: null, procedureId: 'change-of-address', formVersion: 1, title: 'x', values: anneMoves(), attachmentRefs: [], resumeAt: '@review' })).not.toThrow();
  });
});
