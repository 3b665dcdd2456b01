import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from './fixtures';
import { createVault } from './createVault';
import { shootInEveryLanguage } from './screenshots';
import { fillChangeOfAddress as fillAddressChange, signInWithToken, openNewApp } from './journeySteps';
import { verifyPdfSignatures } from '../../src-main/signing';
import { authorityWithTokens } from './authorityWithTokens';

/**
 * Sign and submit as a person does it, in Chromium through the dev host, on real parts: the sandbox over HTTP (in
 * this process, so that it can be stopped and started again), Anne's keys on a SoftHSM2 token (PIN 246810), the
 * authority and the token's library given by a machine policy, a save folder for the dev host's file dialogs.
 */
const PIN = '246810';
const authority = authorityWithTokens('submit');
const saveDir = authority.saveDir;
const counters = () => authority.counters();

test.beforeAll(() => authority.start([{ personId: 'anne-schmit', label: 'Anne Schmit LuxTrust', pin: PIN }]));
test.afterAll(() => authority.stop());

test.use({ devhostArgs: [`--policy=${authority.policyFile}`, `--files=${authority.saveDir}`] });

const signIn = (page: Page) => signInWithToken(page, 'Anne Schmit LuxTrust', PIN);
const fillChangeOfAddress = (page: Page) => fillAddressChange(page, 'Schmit');

async function pdfFile(name: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText(name, { x: 10, y: 100, size: 12 });
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(await doc.save()) };
}

/** Saves through main's save dialog (the dev host's page dialog over --files): answers the file written. */
async function saveThroughDialog(page: Page, button: string, name: string): Promise<string> {
  await page.getByTestId(button).click();
  const dialog = page.getByTestId('host-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('saved')).toContainText(name);
  return path.join(saveDir, name);
}

test.describe('sign and submit in Chromium through the dev host', () => {
  test('review, preview, approval, a wrong PIN then the right one, the receipt saved and shown; offline it waits and is sent once', async ({ page, devhost }) => {
    test.setTimeout(240_000);
    const errors = await openNewApp(page, devhost.url);
    await signIn(page);
    const before = (await counters()).dossiers;

    await fillChangeOfAddress(page);
    await page.getByTestId('to-submit').click();
    const view = page.getByTestId('submit-view');
    await expect(view.getByTestId('receiver')).toContainText('Received by:');
    await expect(view.getByTestId('submission-summary')).toContainText('No attachments.');
    // The PDF as the authority receives it, drawn by pdf.js on canvases.
    await expect(view.getByTestId('submission-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    // The certificate: Anne's signature certificate only, with its PIN state.
    const signer = view.getByTestId('signer-option');
    await expect(signer).toHaveCount(1);
    await expect(signer).toContainText('Anne Schmit');
    await expect(signer).toContainText('PIN ready');

    // Not approved yet: said next to the box, nothing signed.
    await view.getByLabel('Signature PIN').fill(PIN);
    await view.getByTestId('sign-submit').click();
    await expect(view.getByTestId('approve-error')).toHaveText('Tick the box to confirm that you have read and approve the document.');
    await expect(view.getByTestId('approve')).toBeFocused();
    await view.getByTestId('approve').check();
    await expect(view.getByTestId('approve-error')).toHaveCount(0);

    // A wrong PIN: said under the PIN field, the draft untouched, the PIN field empty.
    await view.getByLabel('Signature PIN').fill('000000');
    await view.getByTestId('sign-submit').click();
    await expect(view.getByTestId('pin-error')).toHaveText('The PIN is not correct.', { timeout: 20_000 });
    await expect(view.getByLabel('Signature PIN')).toHaveValue('');
    await expect(view.getByTestId('submission-outcome')).toHaveCount(0);
    await shootInEveryLanguage(page, 'submit-sign', async () => {
      await expect(view.getByTestId('certificate-signing')).toBeVisible();
    });

    await view.getByLabel('Signature PIN').fill(PIN);
    await view.getByTestId('sign-submit').click();
    const outcome = page.getByTestId('submission-outcome');
    await expect(outcome).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
    await expect(outcome.getByTestId('sent-reference')).toContainText(/GU-\d{4}-\d+/);
    const reference = /GU-\d{4}-\d+/.exec((await outcome.getByTestId('sent-reference').textContent()) ?? '')![0];
    await expect(outcome.getByTestId('signature-level')).toContainText('PAdES B-T');
    await expect(outcome.getByTestId('receipt-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    expect((await counters()).dossiers).toBe(before + 1);
    expect(await page.content()).not.toContain(PIN);

    // The receipt and the signed document, saved with the save dialog; the signed PDF passes pdfsig and our verifier.
    const receiptFile = await saveThroughDialog(page, 'save-receipt', `${reference}-receipt.pdf`);
    expect(execFileSync('pdftotext', [receiptFile, '-'], { encoding: 'utf8' })).toContain(reference);
    const signedFile = await saveThroughDialog(page, 'save-signed', `${reference}-signed.pdf`);
    expect(execFileSync('pdfsig', [signedFile], { encoding: 'utf8' })).toMatch(/Signature Validation: Signature is Valid/);
    const rootPem = readFileSync(path.join(authority.pki.dir, authority.pki.root.certFile), 'utf8');
    const verification = await verifyPdfSignatures(readFileSync(signedFile), { trustAnchors: [rootPem] });
    expect(verification.signatures.map((s) => [s.valid, s.level])).toEqual([[true, 'B-T']]);
    await shootInEveryLanguage(page, 'submit-receipt', async () => {
      await expect(page.getByTestId('submission-outcome')).toBeVisible();
    });

    // The dossier on the dashboard.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect(page.getByTestId('dossier-list')).toContainText(reference, { timeout: 20_000 });

    // Offline: the authority stopped. Signed and kept, "waiting to be sent" with the reason; sent once it is back.
    await authority.stopSandbox();
    await fillChangeOfAddress(page);
    await page.getByTestId('to-submit').click();
    await page.getByTestId('approve').check();
    await page.getByLabel('Signature PIN').fill(PIN);
    await page.getByTestId('sign-submit').click();
    await expect(outcome).toHaveAttribute('data-status', 'queued', { timeout: 30_000 });
    await expect(outcome).toContainText('Waiting to be sent');
    await expect(outcome.getByTestId('queued-reason')).toBeVisible({ timeout: 30_000 });
    const waitingPage = page.url();
    await shootInEveryLanguage(page, 'submit-waiting', async () => {
      await expect(page.getByTestId('submission-outcome')).toBeVisible();
    });
    // The dashboard says it waits, and opens it.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect(page.getByTestId('submissions-waiting').locator('[data-status="queued"]')).toContainText('Report a change of address');
    await shootInEveryLanguage(page, 'dashboard-waiting', async () => {
      await expect(page.getByTestId('submissions-waiting')).toBeVisible();
    });
    await page.getByTestId('submissions-waiting').getByRole('link', { name: 'Report a change of address' }).click();
    await expect(page.getByTestId('submission-outcome')).toHaveAttribute('data-status', 'queued');
    // Started again, the authority has forgotten the sessions: the reason says to sign in again; once signed in, it goes.
    await authority.restartSandbox();
    await expect(outcome.getByTestId('queued-reason')).toContainText('sign in again with your card', { timeout: 90_000 });
    await signIn(page);
    await page.goto(waitingPage);
    await expect(page.getByTestId('submission-outcome')).toHaveAttribute('data-status', 'sent', { timeout: 90_000 });
    expect((await counters()).dossiers).toBe(before + 2);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect(page.getByTestId('dossier-list')).toBeVisible();
    await expect(page.getByTestId('submissions-waiting')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('without authentication: contact, terms, the security question (a wrong answer first), the typed name; the receipt', async ({ page, devhost }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${devhost.url}#/catalogue`);
    await createVault(page);
    await page.locator('[data-procedure="criminal-record-extract"] a').click();
    await page.locator('#field-firstName').fill('Marc');
    await page.locator('#field-lastName').fill('Weber');
    await page.locator('#field-birthDate').fill('1990-04-12');
    await page.locator('#field-birthPlace').fill('Luxembourg');
    await page.locator('#field-nationalId').fill('1990041212345');
    await page.locator('#field-email').fill('marc.weber@example.lu');
    await page.getByLabel('Bulletin No. 3').check();
    await page.locator('#field-reason').selectOption('employment');
    await page.getByLabel('Electronically').check();
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#field-idCopy').click();
    await (await chooser).setFiles(await pdfFile('identity-card.pdf'));
    await expect(page.locator('.file-list')).toContainText('identity-card.pdf');
    await page.locator('#field-truthful').check();
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await page.getByTestId('to-submit').click();

    const view = page.getByTestId('submit-view');
    await expect(view.getByTestId('summary-attachments')).toContainText('identity-card.pdf');
    await expect(view.getByTestId('anonymous-signing'), errors.join('\n')).toBeVisible();
    await expect(view.getByTestId('local-only')).toContainText('stay on this computer only');
    await view.getByTestId('approve').check();
    // Submitting empty: every problem next to its field, the first one focused.
    await view.getByTestId('anonymous-submit').click();
    await expect(view.locator('#anon-email'), errors.join('\n')).toBeFocused();
    await expect(view.getByTestId('anonymous-signing')).toContainText('Enter a valid e-mail address');
    await view.locator('#anon-email').fill('marc.weber@example.lu');
    await view.locator('#anon-terms').check();
    await view.locator('#anon-name').fill('Marc Weber');
    await view.locator('#anon-consent').check();
    const challenge = await view.getByTestId('antibot-question').getAttribute('data-challenge');
    await view.locator('#anon-answer').fill('not the answer');
    await view.getByTestId('anonymous-submit').click();
    await expect(view.getByTestId('antibot-error')).toContainText(/Wrong answer\. \d attempts? left\./);
    const { answer } = await authority.sandbox.operator<{ answer: string }>(`/antibot/${challenge}`);
    await view.locator('#anon-answer').fill(answer);
    await shootInEveryLanguage(page, 'submit-anonymous', async () => {
      await expect(view.getByTestId('anonymous-signing')).toBeVisible();
    });
    await view.getByTestId('anonymous-submit').click();
    const outcome = page.getByTestId('submission-outcome');
    await expect(outcome).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
    await expect(outcome.getByTestId('signature-level')).toContainText('simple electronic signature');
    const reference = /GU-\d{4}-\d+/.exec((await outcome.getByTestId('sent-reference').textContent()) ?? '')![0];
    await expect(outcome.getByTestId('receipt-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    // The sandbox recorded the e-mail it would send, with the reference.
    const mail = await authority.sandbox.operator<{ items: Array<{ to: string }> }>(`/outgoing-mail?reference=${reference}`);
    expect(mail.items.map((m) => m.to)).toEqual(['marc.weber@example.lu']);
  });
});
