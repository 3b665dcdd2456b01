import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createMainContext, type MainContext } from '../../../src-main/createMainContext';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import type { ChallengeSigner } from '../../../src-main/authority/ChallengeSigner';
import { startDemoAuthority, type DemoAuthority } from '../../../src-main/authority/startDemoAuthority';
import { ANNE_SPACE, counters, p12Signer, start } from '../authority/authorityKit';
import { createTestHost } from '../../helpers/createTestHost';

const ORIGIN = 'http://127.0.0.1:5999';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A loopback proxy in front of a sandbox that holds the changes feed's requests until released (then lets every
 * request through): a sync can be caught half-way. It notes when a client hung up on a held request.
 */
async function gateProxy(target: SandboxHandle) {
  const origin = new URL(target.apiUrl).origin;
  const held: Array<() => void> = [];
  const seen = deferred();
  const hungUp = deferred();
  let open = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = () => {
        const upstream = http.request(`${origin}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        upstream.end(Buffer.concat(chunks));
      };
      if (open || !/\/changes/.test(req.url ?? '')) return forward();
      res.on('close', () => {
        if (!res.writableFinished) hungUp.resolve();
      });
      held.push(forward);
      seen.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    /** Resolves when a changes request is held. */
    held: seen.promise,
    /** Resolves when a client hung up on a held request. */
    hungUp: hungUp.promise,
    /** Sends the held requests on, and every later one straight away. */
    release: () => {
      open = true;
      held.splice(0).forEach((forward) => forward());
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The first run of a person with a real authority: the vault is created (the demo sandbox starts, because no URL is
 * set yet), the URL is set at once and the person signs in with their certificate. The demo's start is held until
 * then, so the connection attempt made for it finishes after it was superseded.
 */
describe('an authority URL set while the demo sandbox is starting', () => {
  let real: SandboxHandle;
  let dir: string;
  let main: MainContext;
  let demo: DemoAuthority | null;
  let entered: ReturnType<typeof deferred>;
  let release: ReturnType<typeof deferred>;
  const call = (name: string, input?: unknown) => main.router.dispatch(name, input, { url: ORIGIN });

  beforeEach(async () => {
    real = await start();
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-endpoint-race-'));
    demo = null;
    entered = deferred();
    release = deferred();
    main = await createMainContext({
      // Not the machine's middleware (the reader tests' virtual cards may be in its readers meanwhile).
      knownModules: [],
      userDataDir: dir,
      log: createMemoryLogger(),
      trustedOrigins: [ORIGIN],
      formsDir: path.resolve('resources/forms'),
      host: createTestHost(),
      authority: {
        syncIntervalMs: 3_600_000,
        client: { timeoutMs: 5_000, baseDelayMs: 20, maxDelayMs: 100 },
        outbox: { baseDelayMs: 50, maxDelayMs: 200 },
        // A slow demo start: held until the test lets it go on.
        startDemo: async (userDataDir) => {
          entered.resolve();
          await release.promise;
          demo = await startDemoAuthority(userDataDir);
          return demo;
        },
      },
    });
  });

  afterEach(async () => {
    await main.dispose();
    await demo?.close();
    await real.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the configured authority: the superseded demo connection never installs itself nor uses the signer', async () => {
    expect(await call('vault.create', { passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true });
    await entered.promise; // the first sync is waiting for the demo sandbox
    expect(await call('settings.set', { authorityUrl: real.apiUrl })).toMatchObject({ ok: true });

    const signedNonces: string[] = [];
    const certificate = p12Signer(real);
    const signer: ChallengeSigner = async (nonce) => {
      signedNonces.push(nonce);
      return certificate(nonce);
    };
    expect(await main.connection.signIn(signer)).toMatchObject({ signedIn: true, privateSpaceId: ANNE_SPACE });
    expect(main.connectionStatus.status()).toMatchObject({ demo: false, apiUrl: real.apiUrl });

    // The demo sandbox is up now; the sync that was waiting for it ends (syncNow shares that run).
    release.resolve();
    await main.sync.syncNow();
    expect(demo).not.toBeNull();

    const status = main.connectionStatus.status();
    expect(status).toMatchObject({ demo: false, apiUrl: real.apiUrl, signedIn: true, state: 'online', lastError: null });
    // The person's certificate signed the configured authority's challenge, once, and nothing else.
    expect(signedNonces).toHaveLength(1);

    // The outbox goes to the configured authority too.
    const api = await main.connection.api();
    expect(api.client.baseUrl).toBe(real.apiUrl);
    const definition = await api.getFormDefinition('residence-certificate');
    const before = (await counters(real)).dossiers;
    main.outbox.enqueueSubmission({
      spaceId: ANNE_SPACE,
      procedureId: 'residence-certificate',
      procedureVersion: String(definition!.definition.version),
      language: 'en',
      data: {},
      attachmentIds: [],
    });
    await main.outbox.flushOutbox();
    expect(main.outbox.listOutbox({ status: 'sent' })).toHaveLength(1);
    expect((await counters(real)).dossiers).toBe(before + 1);
    expect(main.connectionStatus.status()).toMatchObject({ demo: false, apiUrl: real.apiUrl });
  });

  it('stops a sync under way with the old authority when the URL changes: nothing more of it reaches the vault', async () => {
    const proxy = await gateProxy(real);
    const next = await start({ seed: 'empty' });
    try {
      expect(await call('settings.set', { authorityUrl: proxy.apiUrl })).toMatchObject({ ok: true });
      expect(await call('vault.create', { passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true });
      await main.sync.syncNow().catch(() => undefined); // the first run: nobody signed in yet
      await main.connection.signIn(p12Signer(real));
      await proxy.held; // the sync after the sign-in waits for the old authority's changes feed

      // The vault now holds the old authority's data: the change is asked first, then confirmed (the vault locks).
      expect(await call('settings.set', { authorityUrl: next.apiUrl })).toMatchObject({ ok: false, error: { name: 'AuthoritySwitchNeedsConfirmationError' } });
      expect(await call('vault.confirmAuthoritySwitch', { authorityUrl: next.apiUrl })).toMatchObject({ ok: true, value: { state: 'locked' } });
      proxy.release(); // the old authority answers now, with its dossiers
      // The request under way was ended by the client, not left to finish.
      await proxy.hungUp;

      // Opened again, the vault stays with its own authority: no sync with the new one, and none of the old one's
      // dossiers arrived after the change.
      expect(await call('vault.unlock', { passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true });
      await expect(main.connection.signIn(p12Signer(next))).rejects.toMatchObject({ name: 'VaultAuthorityMismatchError' });
      await main.sync.syncNow().catch(() => undefined);
      expect(main.connectionStatus.status()).toMatchObject({ demo: false, apiUrl: next.apiUrl, signedIn: false });
      expect(main.dossiers.listDossiers({ spaceId: ANNE_SPACE }).total).toBe(0);

      // A vault of its own for the new authority syncs with it (an empty sandbox: no dossiers).
      expect(await call('vault.createProfile', { passphrase: 'another passphrase, for the new one' })).toMatchObject({ ok: true });
      await main.connection.signIn(p12Signer(next));
      await main.sync.syncNow();
      expect(main.connectionStatus.status()).toMatchObject({ demo: false, apiUrl: next.apiUrl, state: 'online', lastError: null });
      expect(main.dossiers.listDossiers({ spaceId: ANNE_SPACE }).total).toBe(0);
      expect(demo).toBeNull();
    } finally {
      await next.close();
      await proxy.close();
    }
  });
});
