import path from 'node:path';
import * as x509 from '@peculiar/x509';
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
import { createDoubleService, DOUBLE_ID } from '../../unit/main/tokens/createDoubleService';
import { makeTestCertificate } from '../../unit/main/tokens/makeTestCertificate';
import { createUnlockedVault, makeTempDir } from '../vault/vaultTestKit';
import { anneMoves } from './signedInApp';

const SSN = '10000000000000000001';

/**
 * A card pulled out while it signs: SoftHSM2 cannot be pulled, so the token is the PKCS#11 test double (the only part
 * played here); the vault is a real SQLCipher one, the forms and the outbox the app's. The error is TokenRemovedError,
 * and nothing changed: no submission, no outbox item, the draft editable, the preparation good for another try.
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
    const signing = await makeTestCertificate({ subject: `C=LU, CN=Anne Schmit, 2.5.4.5=${SSN}`, keyUsage: x509.KeyUsageFlags.nonRepudiation });
    const double = await createDoubleService([{ keys: [{ idHex: '02', label: 'Signature', key: signing.key, certificateDer: signing.der }] }]);
    let pull = false;
    double.fake.tokens[0]!.onSign = () => {
      if (pull) double.fake.tokens[0]!.present = false;
    };
    const store = vaultAuthorityStore(vault);
    const forms = new FormsService({ vault, log, loadBundled: () => loadBundledForms(path.resolve('resources/forms')) });
    await forms.listCatalogue();
    const service = new SubmissionService({
      store,
      forms,
      tokens: double.service,
      outbox: { enqueueSubmission: (input) => enqueueSubmission(store, input) },
      person: () => ({ ssn: SSN, name: 'Anne Schmit', privateSpaceId: 'PP-A7K3QZ' }),
      // Never reached: the card fails before the timestamp is asked.
      tsaUrl: async () => 'http://127.0.0.1:9/v1/tsa',
      events: new EventHub(contractEvents, log),
      log,
    });
    forms.saveDraft({ id: 'draft-pulled-01', spaceId: null, procedureId: 'change-of-address', formVersion: 1, title: 'x', values: anneMoves(), attachmentRefs: [], resumeAt: '@review' });
    const prepared = await service.prepare({ draftId: 'draft-pulled-01', language: 'en' });
    await double.service.list();
    const identity = { kind: 'token' as const, moduleId: DOUBLE_ID, slotId: '1', certificateId: '02' };

    pull = true;
    await expect(service.sign({ preparedId: prepared.preparedId, identity, pin: Buffer.from('1234') })).rejects.toMatchObject({ name: 'TokenRemovedError' });
    expect(service.state('draft-pulled-01')).toBeNull();
    expect(store.repos.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    expect(() => forms.saveDraft({ id: 'draft-pulled-01', spaceId: null, procedureId: 'change-of-address', formVersion: 1, title: 'x', values: anneMoves(), attachmentRefs: [], resumeAt: '@review' })).not.toThrow();
    await double.service.dispose();
  });
});
