import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import type { PreparedSubmission, SubmissionState } from '../../../src-shared/submissions/submissionSchemas';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { createTestMainContext, TEST_ORIGIN } from '../../helpers/createTestMainContext';
import { createTestHost } from '../../helpers/createTestHost';
import { until } from '../../helpers/until';
import { start } from '../authority/authorityKit';
import { anneMoves, closeJourneyParts, openSignedInApp, saveMoveDraft, type SignedInApp } from '../submissions/signedInApp';

const PIN = '123456';

/** A company's own timestamp authority: here, a forwarder to the sandbox's TSA that counts what it is asked. */
function countingTsa(target: string) {
  let asked = 0;
  const server = http.createServer((req, res) => {
    asked += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/timestamp-reply' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  return {
    asked: () => asked,
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!SOFTHSM_MODULE)('what the administrator enforces, in the app (SoftHSM2 token, sandbox over HTTP)', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  const tsa = { server: null as ReturnType<typeof countingTsa> | null, url: '' };

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    const { slotId } = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', PIN);
    sandbox = await start({});
    tsa.server = countingTsa(`${sandbox.apiUrl}/tsa`);
    tsa.url = await tsa.server.listen();
    // The file a person would pick: a real PKCS#12 identity (the sandbox's company seal).
    const p12 = path.join(sandbox.pki.dir, sandbox.pki.companySeal.p12File!);
    app = await openSignedInApp({ sandbox, slotId, pin: PIN, passphrase: 'correct horse battery staple', host: createTestHost({ pickFile: async () => p12 }), policy: { managed: { tsaUrl: tsa.url, pkcs12Allowed: false }, recommended: {}, source: 'test' } });
  }, 120_000);

  afterAll(async () => {
    await closeJourneyParts({ app, sandbox, hsm });
    await tsa.server?.close();
  });

  it('timestamps signatures at the TSA the policy names, not the authority\'s', { timeout: 120_000 }, async () => {
    expect((await saveMoveDraft(app, 'draft-policy-tsa', anneMoves())).ok).toBe(true);
    const prepared = await app.value<PreparedSubmission>('submissions.prepare', { draftId: 'draft-policy-tsa', language: 'en' });
    await app.value<SubmissionState>('submissions.sign', { preparedId: prepared.preparedId, identity: await app.identity('signature'), pin: PIN, approved: true });
    let state: SubmissionState | null = null;
    await until(async () => {
      state = (await app.value<{ state: SubmissionState | null }>('submissions.state', { draftId: 'draft-policy-tsa' })).state;
      return state?.status === 'sent';
    }, 'the submission sent', { timeoutMs: 30_000 });
    expect(state).toMatchObject({ signatureLevel: 'B-T' });
    expect(tsa.server!.asked()).toBe(1);
  });

  it('refuses certificate files where the policy forbids them, with its own error, and the setting is locked', async () => {
    const picked = await app.value<{ file: { fileHandle: string } }>('app.pickFile', { purpose: 'pkcs12', title: 'Open' });
    const answer = await app.call('tokens.addPkcs12', { fileHandle: picked.file.fileHandle, password: sandbox.pki.pkcs12Password });
    expect(answer).toMatchObject({ ok: false, error: { name: 'Pkcs12NotAllowedError' } });
    expect((await app.value<{ pkcs12: unknown[] }>('tokens.list')).pkcs12).toEqual([]);
    expect(app.main.settings.view().locked).toEqual(expect.arrayContaining(['tsaUrl', 'pkcs12Allowed']));
    // Not a setting the page may change at all.
    expect(await app.call('settings.set', { pkcs12Allowed: true })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
  });
});

describe('no authority address and no demo mode allowed', () => {
  it('says so when the app connects, instead of starting the demo sandbox', async () => {
    let demoStarted = 0;
    const main = await createTestMainContext({
      policy: { managed: { demoModeAllowed: false }, recommended: {}, source: 'test' },
      authority: {
        startDemo: async () => {
          demoStarted += 1;
          throw new Error('the demo must not start');
        },
      },
    });
    const call = (name: string, input?: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN });
    try {
      expect((await call('vault.create', { passphrase: 'correct horse battery staple' })).ok).toBe(true);
      const answer = await call('sync.now');
      expect(answer).toMatchObject({ ok: false, error: { name: 'DemoModeNotAllowedError' } });
      expect(demoStarted).toBe(0);
    } finally {
      await main.cleanup();
    }
  });
});
