import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { AuthorityTrustAnchors } from '../../../src-main/authority/AuthorityTrustAnchors';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { SOFTHSM_MODULE, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { closeJourneyParts, openAnneOnSandbox, type SignedInApp } from '../submissions/signedInApp';

const PIN = '123456';
const DAY = 24 * 60 * 60 * 1000;

/**
 * The authority's root and chain for the verifier, on real parts (the sandbox over HTTP, a SQLCipher vault): fetched
 * from /pki and kept; the copy serves for a day without a request; older, fetched again, or the copy when the
 * authority cannot be reached; an answer that is not certificates is never an anchor.
 */
describe.skipIf(!SOFTHSM_MODULE)('the authority trust anchors', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  let clock = Date.now();
  const anchors = () => new AuthorityTrustAnchors({ repos: app.main.vault.repos, api: () => app.main.connection.api(), log: createMemoryLogger(), now: () => clock });
  /** Counts the requests for /pki from now on (a delay of nothing: the request is handled as usual). */
  const countPki = () => sandbox.faults.add({ kind: 'delay', route: '/v1/pki/*', method: 'GET', delayMs: 0, times: 0 });

  beforeAll(async () => {
    ({ hsm, sandbox, app } = await openAnneOnSandbox(PIN));
  }, 180_000);

  afterAll(() => closeJourneyParts({ app, sandbox, hsm }));

  it('fetches the root and chain, keeps them a day, then asks again; the copy serves while the authority is away', { timeout: 60_000 }, async () => {
    const counter = countPki();
    const first = await anchors().get();
    expect(first.source).toBe('authority');
    expect(counter.hits).toBe(2);
    // What it holds is the sandbox's own root and issuing certificate, as certificates.
    const root = new X509Certificate(first.pems[0]!);
    expect(root.fingerprint256).toBe(new X509Certificate(readFileSync(path.join(sandbox.pki.dir, sandbox.pki.root.certFile))).fingerprint256);
    expect(first.pems[1]).toContain('-----BEGIN CERTIFICATE-----');

    // Within the day: the vault's copy, no request (also for another service's check: one copy).
    clock += DAY - 60_000;
    expect(await anchors().get()).toEqual({ pems: first.pems, source: 'vault' });
    expect(counter.hits).toBe(2);

    // A day later and the authority unreachable: the old copy, said to be the vault's.
    clock += 120_000;
    const down = sandbox.faults.add({ kind: 'error', route: '/v1/pki/*', method: 'GET', status: 503, times: 0 });
    expect(await anchors().get()).toEqual({ pems: first.pems, source: 'vault' });
    expect(down.hits).toBeGreaterThan(0);
    sandbox.faults.clear();

    // Reachable again: fetched anew (and the day starts over).
    const again = countPki();
    expect((await anchors().get()).source).toBe('authority');
    expect(again.hits).toBe(2);
    sandbox.faults.clear();
  });

  it('an answer that is not certificates is no anchor: the earlier copy, or none at all', { timeout: 60_000 }, async () => {
    clock += 2 * DAY;
    sandbox.faults.add({ kind: 'malformed', route: '/v1/pki/*', method: 'GET', times: 0 });
    const kept = await anchors().get();
    expect(kept.source).toBe('vault');
    expect(kept.pems.every((pem) => pem.trimStart().startsWith('-----BEGIN CERTIFICATE-----'))).toBe(true);
    // A vault that never had a copy: none (every chain is then doubtful, said so).
    app.main.vault.repos.settings.delete('authority.trustAnchors');
    expect(await anchors().get()).toEqual({ pems: [], source: 'none' });
    sandbox.faults.clear();
  });
});
