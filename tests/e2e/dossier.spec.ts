import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './axe';
import { shootInEveryLanguage } from './screenshots';
import { dropFiles, fillChangeOfAddress, signInWithToken, openNewApp } from './journeySteps';
import { authorityWithTokens } from './authorityWithTokens';

/**
 * The dossier page as a person uses it, in Chromium through the dev host, on real parts: Anne's SoftHSM2 token, the
 * sandbox as its own process, a folder for the dev host's file dialogs. She submits a change of address; the
 * administration (the operator API) asks for information with a note; she opens the dossier, reads the timeline and
 * the note, opens and saves the signed PDF (its signature valid), answers with a document; the sandbox has it once.
 */
const PIN = '246810';
const authority = authorityWithTokens('dossier');

test.beforeAll(() => authority.start([{ personId: 'anne-schmit', label: 'Anne Schmit LuxTrust', pin: PIN }]));
test.afterAll(() => authority.stop());
test.use({ devhostArgs: [`--policy=${authority.policyFile}`, `--files=${authority.saveDir}`] });

test('a dossier with information requested: timeline and note, the signed PDF opened, saved and valid, the answer with a document sent once', async ({ page, devhost }) => {
  test.setTimeout(240_000);
  const errors = await openNewApp(page, devhost.url);
  await signInWithToken(page, 'Anne Schmit LuxTrust', PIN);
  await fillChangeOfAddress(page, 'Schmit');
  await page.getByTestId('to-submit').click();
  await page.getByTestId('approve').check();
  await page.getByLabel('Signature PIN').fill(PIN);
  await page.getByTestId('sign-submit').click();
  const outcome = page.getByTestId('submission-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'sent', { timeout: 60_000 });
  const reference = /GU-\d{4}-\d+/.exec((await outcome.getByTestId('sent-reference').textContent()) ?? '')![0];

  // The administration asks for information, with a note in its three languages.
  await authority.sandbox.operator(`/dossiers/${reference}/status`, {
    status: 'information_requested',
    note: { en: 'Please send your new lease.', fr: 'Veuillez envoyer votre nouveau bail.', de: 'Bitte senden Sie Ihren neuen Mietvertrag.' },
    repliesAllowed: true,
  });
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page.getByTestId('sync-now').click();
  const row = page.getByTestId('dossier-list').locator(`[data-reference="${reference}"]`);
  await expect(row).toContainText('Information requested', { timeout: 30_000 });
  // The dashboard's rows link to the page once the dashboard has it; until then the page is opened by its address.
  const link = row.getByRole('link');
  if ((await link.count()) > 0) await link.first().click();
  else await page.goto(`${devhost.url}#/dossiers/${reference}`);

  const view = page.getByTestId('dossier-view');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText(`Procedure ${reference}`);
  await expect(view.getByTestId('dossier-status')).toHaveText('Information requested');
  await expect(view.getByTestId('dossier-space')).toHaveText(/^Private space of Anne Schmit\s*PP-A7K3QZ$/);
  const timeline = view.getByTestId('dossier-timeline');
  await expect(timeline.locator('ol > li')).toHaveCount(2);
  await expect(timeline.locator('li').last()).toContainText('Information requested');
  await expect(timeline.getByTestId('status-note')).toHaveText('Note from the administration: Please send your new lease.');
  await expect(view.getByTestId('action-note')).toHaveText('Please send your new lease.');

  // What was submitted: the signed PDF (valid, in words), the receipt.
  const documents = view.getByTestId('dossier-document');
  await expect(documents).toHaveCount(2);
  const signed = documents.filter({ hasText: 'Signed submission' });
  await expect(signed.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid', { timeout: 30_000 });
  await expect(signed.getByTestId('signature-status')).toContainText('Signature valid');
  await expect(signed.getByTestId('signature-status')).toContainText('Signed by Anne Schmit');
  await signed.getByTestId('open-document').click();
  await expect(view.getByTestId('dossier-pdf-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
  // Saved through main's save dialog into the dev host's folder; poppler finds the signature valid.
  await signed.getByTestId('save-document').click();
  const dialog = page.getByTestId('host-dialog');
  await dialog.getByRole('textbox').fill(`${reference}-signed.pdf`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(signed.getByTestId('document-saved')).toContainText(`${reference}-signed.pdf`);
  expect(execFileSync('pdfsig', [path.join(authority.saveDir, `${reference}-signed.pdf`)], { encoding: 'utf8' })).toMatch(/Signature Validation: Signature is Valid/);
  // Printed: the browser's print dialog (stubbed here: it would block the page) gets the document's pages alone.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await signed.getByTestId('print-document').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed), { timeout: 20_000 }).toBe(1);
  await expect(page.locator('body > .pdf-print > img.pdf-print__page')).not.toHaveCount(0);
  // The dialog closed: the printed pages are gone from the window.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('body > .pdf-print > img.pdf-print__page')).toHaveCount(0);

  await shootInEveryLanguage(page, 'dossier-information-requested', async () => {
    await expect(view.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  });
  await expectNoSeriousAxeViolations(page, '[data-testid="dossier-view"]');

  // The answer: empty is refused at the field; then text and a document from main's picker.
  const form = view.getByTestId('dossier-answer');
  await form.getByTestId('send-answer').click();
  await expect(form.locator('#answer-body-error')).toHaveText('Write your answer before sending it.');
  await expect(form.getByLabel('Your answer', { exact: true })).toBeFocused();
  const lease = await PDFDocument.create();
  lease.addPage([200, 200]).drawText('Lease', { x: 10, y: 100, size: 12 });
  writeFileSync(path.join(authority.saveDir, 'lease.pdf'), await lease.save());
  await form.getByLabel('Your answer', { exact: true }).fill('Here is my new lease.');
  await form.getByRole('button', { name: 'Add a document…' }).click();
  await dialog.locator('[data-file="lease.pdf"]').click();
  await expect(form.getByTestId('answer-attachments')).toContainText('lease.pdf');
  // Dropped from the desktop: a text file named .pdf is refused next to the form, in words; a real PDF is added.
  await dropFiles(form.getByTestId('answer-drop'), [{ name: 'renamed.pdf', mimeType: 'application/pdf', content: Buffer.from('not a PDF at all') }]);
  await expect(form.getByRole('alert')).toContainText('The content of this file is not of the kind its name says.');
  const payslip = await PDFDocument.create();
  payslip.addPage([200, 200]).drawText('Payslip', { x: 10, y: 100, size: 12 });
  await dropFiles(form.getByTestId('answer-drop'), [{ name: 'payslip.pdf', mimeType: 'application/pdf', content: Buffer.from(await payslip.save()) }]);
  await expect(form.getByTestId('answer-attachments').locator('li')).toHaveCount(2);
  await expect(form.getByTestId('answer-attachments')).toContainText('payslip.pdf');
  await expect(form.getByTestId('answer-attachments')).not.toContainText('renamed.pdf');
  const before = await authority.sandbox.operator<{ acceptedByKey: Record<string, number> }>('/counters');
  await form.getByTestId('send-answer').click();
  await expect(form.getByTestId('answer-state')).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  await expect(form.getByTestId('answer-state')).toHaveText('Your answer was sent to the administration.');
  const after = await authority.sandbox.operator<{ acceptedByKey: Record<string, number> }>('/counters');
  const newKeys = Object.keys(after.acceptedByKey).filter((k) => !(k in before.acceptedByKey));
  expect(newKeys.map((k) => after.acceptedByKey[k])).toEqual([1]);
  await expect(view.getByTestId('dossier-message').filter({ hasText: 'Here is my new lease.' })).toHaveCount(1, { timeout: 20_000 });
  await shootInEveryLanguage(page, 'dossier-answered', async () => {
    await expect(view.getByTestId('dossier-messages')).toBeVisible();
  });
  expect(errors).toEqual([]);
});
