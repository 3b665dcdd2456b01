import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from 'vue';
import type { Router } from 'vue-router';
import { createBridge } from '../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../src-shared/contract/contract';
import { createRendererApp } from '../../../src-renderer/createRendererApp';
import { createMainContext, type MainContext } from '../../../src-main/createMainContext';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { pemChallengeSigner } from '../../../src-main/authority/pemChallengeSigner';
import { createDirectTransport } from '../../helpers/createDirectTransport';
import { TEST_ORIGIN } from '../../helpers/createTestMainContext';
import { until } from '../../helpers/until';
import { untilRendered } from '../../helpers/untilRendered';
import { startChildSandbox } from './authority/childSandbox';
import { createTestHost } from '../../helpers/createTestHost';

const ANNE_PASSPHRASE = 'correct horse battery staple';
const LUC_PASSPHRASE = 'Luc’s own passphrase, a long one';

function type(root: HTMLElement, selector: string, value: string): void {
  const input = root.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function click(root: HTMLElement, selector: string): void {
  const element = root.querySelector(selector) as HTMLElement | null;
  if (!element) throw new Error(`no ${selector}`);
  element.click();
}

function buttonNamed(root: HTMLElement, text: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`no button “${text}” in: ${root.textContent}`);
  return button;
}

/** Each vault of the list as its parts read: name | details | badge. */
const profileItems = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-testid="vault-profile"]')].map((item) => [...item.children].map((part) => part.textContent?.trim()).join(' | '));

interface Pki {
  dir: string;
  pkcs12Password: string;
  persons: Record<string, { auth: { keyFile: string; certFile: string; p12File: string; subject: string } }>;
}

/** The standalone sandbox (`npm run sandbox`) as a child process, on the tests' shared PKI when it is there. */
async function startStandalone(): Promise<{ apiUrl: string; pki: Pki; child: ChildProcess }> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'guichet-sandbox-'));
  const shared = path.join(os.tmpdir(), 'guichet-sandbox-test-pki-v1');
  if (existsSync(path.join(shared, 'pki.json'))) {
    mkdirSync(data, { recursive: true });
    symlinkSync(shared, path.join(data, 'pki'));
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src-sandbox/cli.ts'), '--port', '0', '--data', data], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, VITEST: '' },
  });
  const [apiUrl, pkiDir] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const api = /^api\s+(\S+)$/m.exec(out);
      const pki = /^pki\s+(\S+)/m.exec(out);
      if (api?.[1] && pki?.[1]) resolve([api[1], pki[1]]);
    });
    child.on('exit', () => reject(new Error(`sandbox exited: ${out}`)));
  });
  const pki = JSON.parse(readFileSync(path.join(pkiDir, 'pki.json'), 'utf8')) as Pki;
  return { apiUrl, pki: { ...pki, dir: pkiDir }, child };
}

const NAMES: Record<string, string> = { 'anne-schmit': 'Anne Schmit', 'luc-hoffmann': 'Luc Hoffmann' };

describe('vault screens with several vaults, against a real main', () => {
  let sandbox: { apiUrl: string; pki: Pki; child: ChildProcess };
  let main: MainContext;
  let root: HTMLElement;
  let app: App | null;
  let router: Router;
  /** The file main's (test) open dialog answers with. */
  let chosenFile = '';

  let dir: string;

  beforeAll(async () => {
    sandbox = await startStandalone();
  }, 120_000);
  afterAll(() => {
    sandbox?.child.kill('SIGTERM');
  });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-profiles-ui-'));
    main = await createMainContext({
      // Not the machine's middleware (the reader tests' virtual cards may be in its readers meanwhile).
      knownModules: [],
      userDataDir: dir,
      log: createMemoryLogger(),
      trustedOrigins: [TEST_ORIGIN],
      formsDir: path.resolve('resources/forms'),
      // The demo sandbox in a child process (happy-dom has no file URLs for the sandbox's own files).
      authority: { startDemo: startChildSandbox, syncIntervalMs: 3_600_000 },
      host: createTestHost({ pickFile: async () => chosenFile }),
    });
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app') as HTMLElement;
    app = null;
  });
  afterEach(async () => {
    app?.unmount();
    await main.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  async function mount(at: string): Promise<void> {
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main, TEST_ORIGIN));
    const created = createRendererApp(bridge, { memoryHistory: true });
    app = created.app;
    router = created.router;
    await router.push(at);
    await router.isReady();
    app.mount(root);
  }

  /** A vault signed in as Anne at the standalone sandbox (her certificate file, read with its key). */
  async function anneVaultAtStandalone(): Promise<void> {
    await main.settings.set({ authorityUrl: sandbox.apiUrl });
    main.events.emit('settings.changed', main.settings.view());
    await main.vault.create(ANNE_PASSPHRASE);
    const id = sandbox.pki.persons['anne-schmit']!.auth;
    const signer = pemChallengeSigner(readFileSync(path.join(sandbox.pki.dir, id.keyFile), 'utf8'), [
      readFileSync(path.join(sandbox.pki.dir, id.certFile), 'utf8'),
      readFileSync(path.join(sandbox.pki.dir, 'issuing-ca.pem'), 'utf8'),
    ]);
    await main.connection.signIn(signer);
    await until(async () => (await main.profiles.view()).profiles[0]?.ownerName === 'Anne Schmit', 'Anne’s vault named');
  }

  /** Opens a person's certificate file in the tokens view and signs in with it. */
  async function signInWithFile(personId: string): Promise<void> {
    await router.push('/tokens');
    await untilRendered(() => root.querySelector('#p12-choose') !== null, 'the tokens view');
    chosenFile = path.join(sandbox.pki.dir, sandbox.pki.persons[personId]!.auth.p12File!);
    const name = NAMES[personId]!;
    const card = () => [...root.querySelectorAll<HTMLElement>('article.certificate')].find((element) => element.querySelector('h4')?.textContent === name);
    if (!card()) {
      click(root, '#p12-choose');
      await untilRendered(() => root.querySelector('[data-testid="p12-picked"]') !== null, 'the chosen file');
      type(root, '#p12-password', sandbox.pki.pkcs12Password);
      root.querySelector('[data-testid="pkcs12-form"]')!.dispatchEvent(new Event('submit'));
      await untilRendered(() => card() !== undefined, 'the opened file');
    }
    buttonNamed(card()!, 'Sign in with this certificate').click();
    await untilRendered(() => root.querySelector('[data-testid="sign-in"]') !== null, 'the sign-in panel');
    root.querySelector('[data-testid="sign-in"]')!.dispatchEvent(new Event('submit'));
  }

  it('the unlock screen lists the vaults by owner, creates another with its own passphrase, and opens the chosen one', { timeout: 60_000 }, async () => {
    await anneVaultAtStandalone();
    main.vault.lock('user');
    await mount('/dashboard');
    await untilRendered(() => root.querySelector('[data-testid="vault-profiles"]') !== null, 'the list of vaults');
    expect(root.querySelector('h1')?.textContent).toBe('Unlock your vault');
    expect(profileItems(root)).toEqual([expect.stringMatching(/^Anne Schmit \| 127\.0\.0\.1:\d+ · created on .+ \| open now$/)]);

    // Another vault: its own form, which can be left; then created with its own passphrase.
    click(root, '[data-testid="create-another-vault"]');
    await untilRendered(() => root.querySelector('h1')?.textContent === 'Create another vault', 'the form for another vault');
    click(root, '[data-testid="cancel-create-vault"]');
    await untilRendered(() => root.querySelector('h1')?.textContent === 'Unlock your vault', 'back at the unlock screen');
    click(root, '[data-testid="create-another-vault"]');
    await untilRendered(() => root.querySelector('#vault-passphrase') !== null, 'the form for another vault');
    type(root, '#vault-passphrase', LUC_PASSPHRASE);
    type(root, '#vault-confirm', LUC_PASSPHRASE);
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('nav') !== null, 'the new vault open');
    await until(async () => (await main.profiles.view()).profiles.every((p) => p.createdAt !== null), 'the new vault recorded');
    const view = await main.profiles.view();
    expect(view.profiles).toHaveLength(2);
    expect(view.currentId).toBe(view.profiles[1]!.id);

    // Locked: both are listed, the new one as "New vault" (nobody signed in to it yet), and it is the current one.
    click(root, '[data-testid="lock-button"]');
    await untilRendered(() => profileItems(root).length === 2, 'both vaults listed');
    expect(profileItems(root)).toEqual([expect.stringMatching(/^Anne Schmit \| 127\.0\.0\.1:\d+ · created on [^|]+$/), expect.stringMatching(/^New vault \| created on .+ \| open now$/)]);
    // Anne's vault chosen: her passphrase opens it, the new vault's does not.
    (root.querySelectorAll('[data-testid="vault-profile"]')[0] as HTMLButtonElement).click();
    await untilRendered(() => main.profiles.currentId === view.profiles[0]!.id && /open now$/.test(profileItems(root)[0] ?? ''), 'Anne’s vault chosen');
    type(root, '#vault-unlock-passphrase', LUC_PASSPHRASE);
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('#vault-unlock-passphrase-error') !== null, 'the wrong passphrase said');
    await until(() => main.vault.status().retryAfterMs === 0, 'the short delay');
    type(root, '#vault-unlock-passphrase', ANNE_PASSPHRASE);
    await untilRendered(() => !(root.querySelector('form button[type="submit"]') as HTMLButtonElement).disabled, 'the unlock button enabled');
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('nav') !== null, 'Anne’s vault open');
    expect(main.owner.current()).toMatchObject({ name: 'Anne Schmit' });
  });

  it('refuses another person’s certificate naming the owner, and offers that person’s own vault', { timeout: 90_000 }, async () => {
    await anneVaultAtStandalone();
    await mount('/tokens');
    await signInWithFile('luc-hoffmann');
    await untilRendered(() => root.querySelector('[data-testid="vault-refusal"]') !== null || root.querySelector('.error-notice') !== null, 'the refusal');
    expect(root.querySelector('[data-testid="vault-refusal"]')?.getAttribute('data-error-name')).toBe('VaultOwnerMismatchError');
    expect(root.querySelector('[data-testid="vault-refusal-text"]')?.textContent).toBe(
      'This vault belongs to Anne Schmit. The certificate of Luc Hoffmann cannot sign in to it: each person’s data stay in their own vault.',
    );
    expect(root.querySelector('[data-testid="open-own-vault"]')).toBeNull(); // Luc has no vault here yet
    expect(main.vault.repos.persons.listPersons().map((p) => p.displayName)).toEqual(['Anne Schmit']);

    // "Create a vault for Luc Hoffmann": Anne's vault locks, the form for his vault opens.
    buttonNamed(root, 'Create a vault for Luc Hoffmann').click();
    await untilRendered(() => root.querySelector('h1')?.textContent === 'Create a vault for Luc Hoffmann', 'the form for Luc’s vault');
    expect(main.vault.status()).toMatchObject({ state: 'locked' });
    type(root, '#vault-passphrase', LUC_PASSPHRASE);
    type(root, '#vault-confirm', LUC_PASSPHRASE);
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('nav') !== null, 'Luc’s vault open');

    // It is kept for him: Anne's certificate is refused there, naming Luc, and her own vault is offered.
    await signInWithFile('anne-schmit');
    await untilRendered(() => root.querySelector('[data-testid="open-own-vault"]') !== null, 'Anne’s own vault offered');
    expect(root.querySelector('[data-testid="vault-refusal-text"]')?.textContent).toBe(
      'This vault belongs to Luc Hoffmann. The certificate of Anne Schmit cannot sign in to it: each person’s data stay in their own vault.',
    );
    expect(main.owner.current()).toBeNull();
    await signInWithFile('luc-hoffmann');
    await untilRendered(() => root.querySelector('[data-testid="session-person"]')?.textContent === 'Signed in as Luc Hoffmann', 'Luc signed in');
    await until(() => main.owner.current()?.name === 'Luc Hoffmann', 'Luc’s vault bound');

    // Anne's certificate again: "Open the vault of Anne Schmit" opens hers, locked, ready for her passphrase.
    await signInWithFile('anne-schmit');
    await untilRendered(() => root.querySelector('[data-testid="open-own-vault"]') !== null, 'Anne’s own vault offered');
    expect(root.querySelector('[data-testid="open-own-vault"]')?.textContent?.trim()).toBe('Open the vault of Anne Schmit');
    click(root, '[data-testid="open-own-vault"]');
    await untilRendered(() => root.querySelector('h1')?.textContent === 'Unlock your vault', 'the unlock screen');
    await untilRendered(() => /^Anne Schmit \|.*\| open now$/.test(profileItems(root)[0] ?? ''), 'Anne’s vault chosen');
    expect(profileItems(root)[1]).toMatch(/^Luc Hoffmann \| 127\.0\.0\.1:\d+/);
  });

  it('asks before pointing a vault with the demo’s data at another authority, and locks it when confirmed', { timeout: 90_000 }, async () => {
    await main.vault.create(ANNE_PASSPHRASE);
    await until(() => main.owner.current()?.authority === 'demo', 'the demo sign-in', { timeoutMs: 60_000 });
    await mount('/settings');
    await untilRendered(() => root.querySelector('#setting-authority-url') !== null, 'the settings');
    type(root, '#setting-authority-url', sandbox.apiUrl);
    root.querySelector('[data-testid="connection-form"]')!.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('[data-testid="authority-switch-question"]') !== null, 'the question');
    const host = new URL(sandbox.apiUrl).host;
    expect(root.querySelector('#authority-switch-body')?.textContent).toBe(
      `This vault holds the data of Anne Schmit from the demonstration service. Data of two services are never mixed: this vault stays with the demonstration service and is locked now. Then open or create a vault for the service at ${host}.`,
    );
    expect(document.activeElement?.getAttribute('data-testid')).toBe('authority-switch-cancel');
    // No: nothing changes.
    click(root, '[data-testid="authority-switch-cancel"]');
    await untilRendered(() => root.querySelector('[data-testid="authority-switch-question"]') === null, 'the question closed');
    expect(main.settings.get('authorityUrl')).toBeNull();
    expect(main.vault.status().state).toBe('unlocked');

    // Yes: the address changes, the vault locks and says why; it is still listed as Anne's, at the demo.
    root.querySelector('[data-testid="connection-form"]')!.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('[data-testid="authority-switch-confirm"]') !== null, 'the question again');
    click(root, '[data-testid="authority-switch-confirm"]');
    await untilRendered(() => root.querySelector('[data-testid="lock-reason"]') !== null, 'the unlock screen');
    expect(main.settings.get('authorityUrl')).toBe(sandbox.apiUrl);
    expect(root.querySelector('[data-testid="lock-reason"]')?.textContent).toContain('the address of the administration’s service changed');
    await untilRendered(() => /^Anne Schmit \| Demonstration service · created on .+ \| open now$/.test(profileItems(root)[0] ?? ''), 'Anne’s demo vault listed');
    expect(profileItems(root)).toHaveLength(1);
  });
});
