import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRef } from '../../../src-shared/tokens/tokenSchemas';
import type { PreparedSubmission, SubmissionState } from '../../../src-shared/submissions/submissionSchemas';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { until } from '../../helpers/until';
import { start } from '../authority/authorityKit';
import { anneMoves, closeJourneyParts, openSignedInApp, saveMoveDraft, type SignedInApp } from './signedInApp';

const PIN = '123456';

/**
 * The authority's refusals, each provoked for real at a sandbox that refuses them, come back on the draft with their
 * problem type (the app says what to change from it) and leave the draft editable: a signed PDF larger than the
 * authority takes, and a procedure the authority wants signed although its form says no signature.
 */
describe.skipIf(!SOFTHSM_MODULE)('refusals of the authority, on the draft', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  let signer: IdentityRef;

  async function refusedWith(draftId: string): Promise<SubmissionState> {
    let state: SubmissionState | null = null;
    await until(async () => {
      state = (await app.value<{ state: SubmissionState | null }>('submissions.state', { draftId })).state;
      return state?.status === 'refused';
    }, `${draftId} refused`, { timeoutMs: 30_000 });
    return state!;
  }

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    const slotId = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', PIN).slotId;
    // Files of at most 32 kB: a signed submission PDF (some 40 kB) is too large for this authority, an unsigned one (some
    // 26 kB) is not.
    sandbox = await start({ requireSignature: true, limits: { maxFileBytes: 32 * 1024 } });
    app = await openSignedInApp({ sandbox, slotId, pin: PIN, passphrase: 'correct horse battery staple' });
    signer = await app.identity('signature');
  }, 120_000);

  afterAll(() => closeJourneyParts({ app, sandbox, hsm }));

  it('a file too large: payload-too-large, the draft editable again', { timeout: 60_000 }, async () => {
    expect((await saveMoveDraft(app, 'draft-too-large-01', anneMoves())).ok).toBe(true);
    const prepared = await app.value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-too-large-01', language: 'en' });
    await app.value('submissions.sign', { preparedId: prepared.preparedId, identity: signer, pin: PIN, approved: true });
    const refused = await refusedWith('draft-too-large-01');
    expect(refused.error).toMatchObject({ name: 'AuthorityRequestError', details: { status: 413, type: 'payload-too-large' } });
    expect((await saveMoveDraft(app, 'draft-too-large-01', anneMoves('5'))).ok).toBe(true);
  });

  it('a signature the authority wants: signature-required, the draft editable again', { timeout: 60_000 }, async () => {
    const saved = await app.call('drafts.save', {
      id: 'draft-residence-01',
      spaceId: null,
      procedureId: 'residence-certificate',
      formVersion: 1,
      title: 'Residence certificate',
      values: { matricule: '1984031512389', firstName: 'Anne', lastName: 'Schmit', certificateType: 'current', copies: 1 },
      attachmentRefs: [],
      resumeAt: '@review',
    });
    expect(saved.ok).toBe(true);
    const prepared = await app.value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-residence-01', language: 'de' });
    expect(prepared.signature).toBe('none');
    await app.value('submissions.submitUnsigned', { preparedId: prepared.preparedId, approved: true });
    const refused = await refusedWith('draft-residence-01');
    expect(refused.error).toMatchObject({ name: 'AuthorityRequestError', details: { status: 422, type: 'signature-required' } });
    expect((await app.call('drafts.save', { id: 'draft-residence-01', spaceId: null, procedureId: 'residence-certificate', formVersion: 1, title: 'x', values: {}, attachmentRefs: [] })).ok).toBe(true);
  });
});
