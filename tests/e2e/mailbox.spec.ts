import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { createKeySigner } from '../../src-main/signing/CmsSigner';
import { signPdf } from '../../src-main/signing/signPdf';
import { hostileMessages } from '../fixtures/hostileMessages';
import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './axe';
import { createVault } from './createVault';
import { shootInEveryLanguage } from './screenshots';
import { dropFiles, signInWithToken } from './journeySteps';
import { authorityWithTokens } from './authorityWithTokens';

/**
 * The mailbox as a person uses it, in Chromium through the dev host, on real parts: Anne's SoftHSM2 token, the sandbox
 * as its own process. The administration (the operator API) sends a message with each hostile body, a sealed PDF and
 * the same PDF with a byte changed, and asks for information on a dossier; Anne sees the toast and the unread count,
 * reads, finds the sealed PDF valid and the changed one invalid, answers with a document from the mailbox; the sandbox
 * has the answer once. No hostile body runs a script (a page binding counts calls, CSP reports count blocked code) or
 * loads anything (every request of the page is recorded).
 */
const PIN = '135790';
const ANNE_SPACE = 'PP-A7K3QZ';
const authority = authorityWithTokens('mailbox');

test.beforeAll(() => authority.start([{ personId: 'anne-schmit', label: 'Anne Schmit LuxTrust', pin: PIN }]));
test.afterAll(() => authority.stop());
test.use({ devhostArgs: [`--policy=${authority.policyFile}`, `--files=${authority.saveDir}`] });

async function sealedPdf(text: string): Promise<Buffer> {
  const pki = authority.pki;
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 14 });
  const signer = createKeySigner(
    readFileSync(path.join(pki.dir, pki.companySeal.keyFile), 'utf8'),
    readFileSync(path.join(pki.dir, pki.companySeal.certFile)),
    [readFileSync(path.join(pki.dir, pki.issuing.certFile))],
  );
  return (await signPdf(await doc.save({ useObjectStreams: false }), { signer, level: 'B-B' })).pdf;
}

/** What survived in a rendered body that is not on the allow-list (tags, attributes, links other than https). */
function offencesIn(page: Page): Promise<string[]> {
  return page.getByTestId('mailbox-message').evaluate((article) => {
    const allowed = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote'];
    const found: string[] = [];
    const body = article.querySelector('.safe-rich-text');
    if (!body) return ['no rich text body'];
    for (const element of body.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (!allowed.includes(tag)) found.push(`tag ${tag}`);
      for (const name of element.getAttributeNames()) {
        if (!(tag === 'a' && ['href', 'rel', 'data-external-href'].includes(name))) found.push(`${tag}[${name}]`);
      }
      if (tag === 'a' && element.hasAttribute('href') && !element.getAttribute('href')!.startsWith('https://')) found.push(`a[href=${element.getAttribute('href')}]`);
    }
    return found;
  });
}

test('the mailbox: toast and unread count, hostile bodies inert, the sealed PDF valid and a changed one invalid, the answer sent once', async ({ page, devhost }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Every script a hostile body could run calls this; every request the page makes is recorded.
  const ran: string[] = [];
  await page.exposeBinding('__hostileRan', (_source, name: string) => void ran.push(String(name)));
  await page.addInitScript(() => {
    (window as unknown as { __hostile: (name: string) => void }).__hostile = (name) => void (window as unknown as { __hostileRan: (n: string) => void }).__hostileRan(name);
    (window as unknown as { __cspViolations: string[] }).__cspViolations = [];
    // Reports of code blocked in the page itself (the live document), not in the inert document DOMPurify parses in.
    document.addEventListener('securitypolicyviolation', (event) => {
      const target = event.target as Node | null;
      const live = target instanceof Node && target.isConnected && target.ownerDocument === document;
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${live ? 'live' : 'inert'} ${event.violatedDirective} ${event.blockedURI} ${(target as Element | null)?.nodeName ?? ''}`);
    });
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${devhost.url}#/settings`);
  await createVault(page);
  await signInWithToken(page, 'Anne Schmit LuxTrust', PIN);
  await page.locator('[data-section="mailbox"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mailbox');
  await expect(page.getByTestId('mailbox-item').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mailbox-unread')).toBeVisible();
  const badge = page.getByTestId('nav-unread');
  const unreadBefore = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;

  // The administration writes: each hostile body, a sealed PDF, the same with a byte changed; and asks for information.
  const { items } = await authority.sandbox.operator<{ items: { reference: string; status: string }[] }>(`/dossiers?space=${ANNE_SPACE}`);
  const open = items.filter((d) => !['completed', 'rejected'].includes(d.status));
  const [asked, other] = [open[0]!.reference, open[1]!.reference];
  const hostileIds = new Map<string, string>();
  for (const { name, body } of hostileMessages) {
    const sent = await authority.sandbox.operator<{ id: string }>(`/dossiers/${other}/messages`, { subject: `Hostile ${name}`, body, bodyFormat: 'rich' });
    hostileIds.set(name, sent.id);
  }
  const sealed = await sealedPdf('Criminal record extract');
  const changed = Buffer.from(sealed);
  const at = changed.indexOf('\n%') + 2;
  changed[at] = changed[at]! ^ 0x01;
  const good = await authority.sandbox.operator<{ id: string }>(`/dossiers/${other}/messages`, {
    subject: 'Your criminal record extract',
    body: '<p>Your extract is attached, <strong>sealed</strong> by the administration.</p><p>More on <a href="https://guichet.public.lu/en.html">guichet.lu</a>.</p>',
    bodyFormat: 'rich',
    attachments: [{ filename: 'extract.pdf', mediaType: 'application/pdf', contentBase64: sealed.toString('base64') }],
  });
  const bad = await authority.sandbox.operator<{ id: string }>(`/dossiers/${other}/messages`, {
    subject: 'Extract (changed on the way)',
    body: 'The same extract, with one byte changed.',
    attachments: [{ filename: 'changed.pdf', mediaType: 'application/pdf', contentBase64: changed.toString('base64') }],
  });
  await authority.sandbox.operator(`/dossiers/${asked}/status`, { status: 'information_requested', repliesAllowed: true });
  const question = await authority.sandbox.operator<{ id: string }>(`/dossiers/${asked}/messages`, { subject: 'Information requested', body: 'Please send us your new lease.' });
  const posted = hostileMessages.length + 3;

  await page.getByTestId('sync-now').click();
  const toast = page.getByTestId('mailbox-toast');
  await expect(toast).toBeVisible({ timeout: 30_000 });
  await expect(toast).toContainText(/new messages? from the administration.*Information requested/);
  await expect(page.getByTestId('nav-unread')).toHaveText(String(unreadBefore + posted), { timeout: 20_000 });
  // Unread first, newest first: the question comes first.
  await expect(page.getByTestId('mailbox-item').first()).toHaveAttribute('data-message-id', question.id);

  // The toast opens the dossier it is about.
  await toast.getByTestId('toast-open').click();
  await expect(page).toHaveURL(new RegExp(`#/dossiers/${asked}$`));
  await page.locator('[data-section="mailbox"]').click();

  // By keyboard: an item is a button; Enter opens it and the message's heading takes the focus.
  await page.getByTestId('mailbox-item').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mailbox-message').getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page.getByTestId('mailbox-message')).toHaveAttribute('data-message-id', question.id);

  // Each hostile body, read: nothing of it runs or loads.
  const item = (id: string) => page.locator(`[data-testid="mailbox-item"][data-message-id="${id}"]`);
  for (const { name } of hostileMessages) {
    await item(hostileIds.get(name)!).click();
    await expect(page.getByTestId('mailbox-message')).toHaveAttribute('data-message-id', hostileIds.get(name)!);
    await expect(page.getByTestId('mailbox-message').getByRole('heading', { level: 2 })).toHaveText(`Hostile ${name}`);
    expect(await offencesIn(page), name).toEqual([]);
  }
  await expect(page.getByTestId('nav-unread')).toHaveText(String(unreadBefore + posted - hostileMessages.length - 1));

  // The sealed PDF: downloaded into the vault, valid; the changed one: invalid, and why.
  await item(good.id).click();
  const file = page.getByTestId('mailbox-file');
  await expect(file.getByTestId('signature-status')).toHaveAttribute('data-signature', 'valid', { timeout: 30_000 });
  await expect(file.getByTestId('signature-status')).toContainText('Signature valid');
  // Formatting kept, DOMPurify working in the browser: the strong text and the https link.
  await expect(page.locator('.safe-rich-text strong')).toHaveText('sealed');
  await file.getByTestId('open-file').click();
  await expect(file.getByTestId('file-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
  // A link asks first, showing the address; cancelled, nothing opens.
  await page.locator('.safe-rich-text a').click();
  await expect(page.getByTestId('link-dialog')).toBeVisible();
  await expect(page.getByTestId('link-address')).toHaveText('https://guichet.public.lu/en.html');
  // The dialog covers the language switcher: one picture, in English.
  await page.screenshot({ path: 'test-results/screens/mailbox-link-dialog-en-1280.png' });
  await expect(page.getByTestId('link-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('link-dialog')).toHaveCount(0);
  await shootInEveryLanguage(page, 'mailbox-sealed-valid', async () => {
    await expect(file.getByTestId('signature-status')).toHaveAttribute('data-signature', 'valid');
  });
  await expectNoSeriousAxeViolations(page, '.mailbox');

  await item(bad.id).click();
  await expect(page.getByTestId('mailbox-file').getByTestId('signature-status')).toHaveAttribute('data-signature', 'invalid', { timeout: 30_000 });
  await expect(page.getByTestId('mailbox-file').getByTestId('signature-reason')).toContainText(['The document was changed after it was signed.']);
  await shootInEveryLanguage(page, 'mailbox-changed-invalid', async () => {
    await expect(page.getByTestId('mailbox-file').getByTestId('signature-status')).toHaveAttribute('data-signature', 'invalid');
  });

  // Unread again, then the filters: unread only shows it; by dossier only that dossier's.
  await page.getByTestId('mark-unread').click();
  await expect(item(bad.id)).toHaveAttribute('data-read', 'false');
  await page.getByTestId('filter-unread').check();
  await expect(item(bad.id)).toBeVisible();
  await expect(item(good.id)).toHaveCount(0);
  await page.getByTestId('filter-unread').uncheck();
  await page.getByTestId('filter-dossier').selectOption(asked);
  await expect(item(good.id)).toHaveCount(0);
  await expect(item(question.id)).toBeVisible();
  await expect(page.getByTestId('mailbox-item').filter({ hasNotText: asked })).toHaveCount(0);

  // The answer, from the mailbox, with a document from main's picker: into the outbox, at the authority once.
  await item(question.id).click();
  const form = page.getByTestId('reply-form');
  await expect(form).toBeVisible({ timeout: 20_000 });
  const lease = await PDFDocument.create();
  lease.addPage([200, 200]).drawText('Lease', { x: 10, y: 100, size: 12 });
  writeFileSync(path.join(authority.saveDir, 'lease.pdf'), await lease.save());
  await form.getByTestId('reply-body').fill('Here is my new lease.');
  await form.getByRole('button', { name: 'Attach a file…' }).click();
  await page.getByTestId('host-dialog').locator('[data-file="lease.pdf"]').click();
  await expect(form.getByTestId('reply-file')).toContainText('lease.pdf');
  // Or dropped from the desktop, like the picker's: stored in the vault and listed.
  await dropFiles(form.getByTestId('reply-drop'), [{ name: 'lease-page-2.pdf', mimeType: 'application/pdf', content: Buffer.from(await lease.save()) }]);
  await expect(form.getByTestId('reply-file')).toHaveCount(2);
  await expect(form.getByTestId('reply-file').nth(1)).toContainText('lease-page-2.pdf');
  const before = await authority.sandbox.operator<{ acceptedByKey: Record<string, number> }>('/counters');
  await form.getByTestId('reply-send').click();
  await expect(form.getByTestId('reply-state')).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  await expect(form.getByTestId('reply-state')).toHaveText('Your reply was sent to the administration.');
  const newKeys = async () => {
    const after = await authority.sandbox.operator<{ acceptedByKey: Record<string, number> }>('/counters');
    return Object.keys(after.acceptedByKey)
      .filter((k) => !(k in before.acceptedByKey) && k.startsWith('rep-'))
      .map((k) => after.acceptedByKey[k]);
  };
  await expect.poll(newKeys, { timeout: 30_000 }).toEqual([1]);
  await page.getByTestId('sync-now').click();
  await expect(page.locator('[data-testid="mailbox-item"]').filter({ hasText: 'Your reply' })).toHaveCount(1, { timeout: 30_000 });
  // As the authority has it: both files, the picked and the dropped one.
  await expect(page.locator('[data-testid="mailbox-item"]').filter({ hasText: 'Your reply' })).toContainText('2 attachments');
  await shootInEveryLanguage(page, 'mailbox-answered', async () => {
    await expect(page.getByTestId('mailbox-list')).toBeVisible();
  });
  await expectNoSeriousAxeViolations(page, '.mailbox');

  // Nothing of the hostile bodies ran, was blocked by the CSP (it would have been there to block), or loaded.
  expect(ran).toEqual([]);
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  // Reports about the inert document DOMPurify parses a body in (inline handlers and styles it then drops, a <base>) and
  // pdf.js's eval probe are not code of the page; an element of the page that had kept a handler would be reported live.
  expect(violations.filter((v) => v.startsWith('live'))).toEqual([]);
  const origin = new URL(devhost.url).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  expect(requests.filter((url) => /evil\.example/.test(url))).toEqual([]);
  expect(errors).toEqual([]);
});

test('notifications switched off in Settings: a new message is counted but raises no notice; on again, the next one does', async ({ page, devhost }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${devhost.url}#/settings`);
  await createVault(page);
  await signInWithToken(page, 'Anne Schmit LuxTrust', PIN);
  await page.locator('[data-section="mailbox"]').click();
  await expect(page.getByTestId('mailbox-item').first()).toBeVisible({ timeout: 30_000 });
  const unread = async () => ((await page.getByTestId('nav-unread').count()) > 0 ? Number(await page.getByTestId('nav-unread').textContent()) : 0);
  const before = await unread();

  await page.locator('[data-section="settings"]').click();
  const setting = page.getByLabel('Tell me when the administration sends a new message');
  await expect(setting).toBeChecked();
  await expect(setting).toBeEnabled();
  await shootInEveryLanguage(page, 'settings-notifications', async () => {
    await expect(page.locator('#setting-notifications')).toBeVisible();
  });
  await setting.uncheck();
  await expect(setting).not.toBeChecked();

  const { items } = await authority.sandbox.operator<{ items: { reference: string }[] }>(`/dossiers?space=${ANNE_SPACE}`);
  const reference = items[0]!.reference;
  await authority.sandbox.operator(`/dossiers/${reference}/messages`, { subject: 'Quiet news', body: 'Nothing urgent.' });
  await page.getByTestId('sync-now').click();
  await expect.poll(unread, { timeout: 30_000 }).toBe(before + 1);
  // The count is in; give a notice the time it would take to show, then make sure none did.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('mailbox-toast')).toHaveCount(0);

  await setting.check();
  await authority.sandbox.operator(`/dossiers/${reference}/messages`, { subject: 'Loud news', body: 'Please read.' });
  await page.getByTestId('sync-now').click();
  // One new message, this one: the quiet one was never part of a notice.
  await expect(page.getByTestId('mailbox-toast')).toContainText('New message from the administration: Loud news', { timeout: 30_000 });
});
