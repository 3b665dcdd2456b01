import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../../src-shared/contract/contract';
import { createRendererApp } from '../../../../src-renderer/createRendererApp';
import { createDirectTransport } from '../../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';

describe('certificate file (PKCS#12) form: errors at their cause', () => {
  let main: TestMain;
  let dir: string;
  let root: HTMLElement;
  let chosen: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-p12-form-'));
    const [key, cert, p12] = ['k.pem', 'c.pem', 'seal.p12'].map((name) => path.join(dir, name)) as [string, string, string];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Test Seal', '-days', '30', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:right-password']);
    await writeFile(path.join(dir, 'notes.p12'), 'this is not a certificate file');
    chosen = p12;
    main = await createTestMainContext({ systemLocales: ['en-GB'], pickFile: async () => chosen });
    await main.context.vault.create('a long enough passphrase');
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(async () => {
    root.remove();
    await main.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  async function mountTokens() {
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN));
    const { app, router } = createRendererApp(bridge, { memoryHistory: true });
    await router.push('/tokens');
    await router.isReady();
    app.mount(root);
    await untilRendered(() => root.querySelector('#p12-choose') !== null, 'the choose button');
    return app;
  }

  async function openWith(password: string): Promise<void> {
    (root.querySelector('#p12-choose') as HTMLButtonElement).click();
    await untilRendered(() => root.querySelector('[data-testid="p12-picked"]') !== null, 'the chosen file');
    const input = root.querySelector('#p12-password') as HTMLInputElement;
    input.value = password;
    input.dispatchEvent(new Event('input'));
    root.querySelector('[data-testid="pkcs12-form"]')!.dispatchEvent(new Event('submit'));
  }

  it('a wrong password is said at the password field, which gets focus; nothing at the top of the page', async () => {
    const app = await mountTokens();
    await openWith('wrong');
    await untilRendered(() => root.querySelector('#p12-password-error') !== null, 'the error at the password');
    expect(root.querySelector('#p12-password-error')?.textContent).toBe('The password of the certificate file is not correct.');
    expect(document.activeElement?.id).toBe('p12-password');
    expect(root.querySelector('.error-notice')).toBeNull();
    await openWith('right-password');
    await untilRendered(() => root.textContent?.includes('Test Seal') === true, 'the opened identity');
    expect(root.querySelector('#p12-password-error')).toBeNull();
    app.unmount();
  });

  it('a file that is not a certificate file is said at the file', async () => {
    chosen = path.join(dir, 'notes.p12');
    const app = await mountTokens();
    await openWith('x');
    await untilRendered(() => root.querySelector('#p12-choose-error') !== null, 'the error at the file');
    expect(root.querySelector('#p12-choose-error')?.textContent).toBe('This file is not a usable certificate file (PKCS#12).');
    expect(document.activeElement?.id).toBe('p12-choose');
    app.unmount();
  });
});
