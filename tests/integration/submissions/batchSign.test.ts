import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSignResult, PreparedSubmission, SubmissionState } from '../../../src-shared/submissions/submissionSchemas';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { until } from '../../helpers/until';
import { counters, start } from '../authority/authorityKit';
import { anneMoves, closeJourneyParts, openSignedInApp, saveMoveDraft, type SignedInApp } from './signedInApp';

const PIN = '123456';
/**
 * OpenSC's PKCS#11 spy: a module that passes every call on to the one named in PKCS11SPY (SoftHSM2 here) and writes
 * each call's name to PKCS11SPY_OUTPUT. The token service loads it as it would any middleware, so the log counts the
 * C_Login calls the app really makes, in the worker, against the real token.
 */
const SPY = ['/usr/lib/x86_64-linux-gnu/pkcs11/pkcs11-spy.so', '/usr/lib/x86_64-linux-gnu/pkcs11-spy.so', '/usr/lib/pkcs11/pkcs11-spy.so'].find((p) => existsSync(p)) ?? null;


/**
 * Batch signing through the contract on real parts (SoftHSM2 behind the PKCS#11 spy, the sandbox over HTTP, a
 * SQLCipher vault): three drafts signed in one token session (one C_Login, three C_Sign), three dossiers, three
 * receipts; a draft edited after it was prepared fails alone; a wrong PIN fails the batch before any signature.
 */
describe.skipIf(!SOFTHSM_MODULE)('batch signing (one PIN session, SoftHSM2 through the PKCS#11 spy, sandbox over HTTP)', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let dir: string;
  let spyLog: string;
  let app: SignedInApp;
  const log = createMemoryLogger();
  let slotId = '';
  const value = <T>(name: string, input?: unknown) => app.value<T>(name, input);
  const identity = (role: 'authentication' | 'signature') => app.identity(role);
  const saveDraft = async (id: string, values: Record<string, unknown>) => {
    const saved = await saveMoveDraft(app, id, values);
    if (!saved.ok) throw new Error(`drafts.save: ${saved.error.name}`);
  };
  /** How often the app called `fn` on the token since the test began (the spy writes "<n>: C_Login" per call). */
  const spyCount = (fn: string) => (existsSync(spyLog) ? readFileSync(spyLog, 'utf8').match(new RegExp(`^\\d+: ${fn}\\s*$`, 'gm'))?.length ?? 0 : 0);

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    slotId = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', PIN).slotId;
    sandbox = await start({ requireSignature: true });
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-batch-'));
    // The spy comes with OpenSC, installed with SoftHSM2 (npm test installs both): its absence is a failure, not a skip.
    if (!SPY) throw new Error('OpenSC’s pkcs11-spy.so is missing: apt-get install -y opensc.');
    spyLog = path.join(dir, 'pkcs11-spy.log');
    // Read by the spy with getenv when the worker loads it: set on this process before the first tokens.list.
    process.env.PKCS11SPY = SOFTHSM_MODULE!;
    process.env.PKCS11SPY_OUTPUT = spyLog;
    app = await openSignedInApp({ sandbox, slotId, pin: PIN, passphrase: 'correct horse battery staple', log, module: SPY! });
  }, 120_000);

  afterAll(async () => {
    await closeJourneyParts({ app, sandbox, hsm });
    delete process.env.PKCS11SPY;
    delete process.env.PKCS11SPY_OUTPUT;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('signs three drafts with one login and three signatures; a draft edited after prepare fails alone', { timeout: 180_000 }, async () => {
    const signer = await identity('signature');
    const ids = ['draft-batch-0001', 'draft-batch-0002', 'draft-batch-0003', 'draft-batch-0004'];
    for (const [i, id] of ids.entries()) await saveDraft(id, anneMoves(String(10 + i)));
    const prepared: PreparedSubmission[] = [];
    for (const id of ids) prepared.push(await value<PreparedSubmission>('submissions.prepare', { draftId: id, language: 'en' }));
    // The fourth draft is edited after it was prepared: what was previewed is not what would be sent.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveDraft('draft-batch-0004', anneMoves('99'));

    // A wrong PIN: the whole batch fails at the login, nothing signed, nothing queued.
    const loginsBefore = spyCount('C_Login');
    const signsBefore = spyCount('C_Sign');
    expect(loginsBefore).toBeGreaterThanOrEqual(1); // the sign-in's
    const wrong = await app.call('submissions.signBatch', { preparedIds: prepared.map((p) => p.preparedId), identity: signer, pin: '000000', approved: true });
    expect(wrong).toMatchObject({ ok: false, error: { name: 'WrongPinError' } });
    expect(spyCount('C_Login')).toBe(loginsBefore + 1);
    expect(spyCount('C_Sign')).toBe(signsBefore);
    for (const id of ids) expect(await value('submissions.state', { draftId: id })).toEqual({ state: null });

    const progress = new Map<string, string[]>();
    const stop = app.main.events.on('submissions.progress', (event) => progress.set(event.preparedId, [...(progress.get(event.preparedId) ?? []), event.phase]));
    const before = (await counters(sandbox)).dossiers;
    const logins = spyCount('C_Login');
    const signs = spyCount('C_Sign');
    const t0 = performance.now();
    const result = await value<BatchSignResult>('submissions.signBatch', { preparedIds: prepared.map((p) => p.preparedId), identity: signer, pin: PIN, approved: true });
    const ms = performance.now() - t0;
    stop();

    // One login for the whole batch, one signature per signed item.
    expect(spyCount('C_Login') - logins).toBe(1);
    expect(spyCount('C_Sign') - signs).toBe(3);
    console.info(`batch of 3 (+1 stale): ${Math.round(ms)} ms, ${Math.round(ms / 3)} ms per signature (PAdES B-T, SoftHSM2, sandbox TSA); C_Login ${spyCount('C_Login') - logins}, C_Sign ${spyCount('C_Sign') - signs}`);

    expect(result.items.map((i) => i.preparedId)).toEqual(prepared.map((p) => p.preparedId));
    expect(result.items.slice(0, 3).map((i) => [i.draftId, i.state?.status, i.error])).toEqual(ids.slice(0, 3).map((id) => [id, 'queued', null]));
    // (Its draftId is null: the wrong-PIN attempt already found it stale and dropped it; the renderer knows its draft.)
    expect(result.items[3]).toMatchObject({ preparedId: prepared[3]!.preparedId, state: null, error: { name: 'SubmissionPreparationExpiredError' } });
    for (const p of prepared.slice(0, 3)) expect(progress.get(p.preparedId)).toEqual(expect.arrayContaining(['signing', 'timestamp', 'storing', 'queued']));
    expect(progress.has(prepared[3]!.preparedId)).toBe(false);

    // Three dossiers at the authority, three receipts in the vault, three references.
    const sent: SubmissionState[] = [];
    for (const id of ids.slice(0, 3)) {
      let state: SubmissionState | null = null;
      await until(async () => {
        state = (await value<{ state: SubmissionState | null }>('submissions.state', { draftId: id })).state;
        return state?.status === 'sent' && state.hasReceipt;
      }, `${id} sent with its receipt`, { timeoutMs: 30_000 });
      sent.push(state!);
    }
    expect(sent.map((s) => s.signatureLevel)).toEqual(['B-T', 'B-T', 'B-T']);
    expect(new Set(sent.map((s) => s.reference)).size).toBe(3);
    expect((await counters(sandbox)).dossiers).toBe(before + 3);
    for (const id of ids.slice(0, 3)) {
      const receipt = Buffer.from((await value<{ pdfBase64: string }>('submissions.document', { draftId: id, which: 'receipt' })).pdfBase64, 'base64');
      expect(receipt.subarray(0, 5).toString()).toBe('%PDF-');
    }
    // The stale one can be prepared again and is still unsigned.
    expect(await value('submissions.state', { draftId: 'draft-batch-0004' })).toEqual({ state: null });
    expect(JSON.stringify(log.entries)).not.toContain(`"${PIN}"`);
    expect(log.entries.some((e) => e.event === 'submissions.batchSigned')).toBe(true);
  });
});
