import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault } from './createVault';
import { makeMatricule } from '../../src-shared/forms/validators/isValidMatricule';

/** Presses Tab until the focused element matches `selector` (keyboard only, like a person would). */
async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function typeIn(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** yyyy-mm-dd shifted by days from today, and its keys in an en-US date input (mmddyyyy). */
function day(offsetDays: number): { iso: string; keys: string } {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, keys: `${pad(d.getMonth() + 1)}${pad(d.getDate())}${d.getFullYear()}` };
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  // @axe-core/playwright is typed against its own playwright-core; the page is the same object at run time.
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('forms in Chromium through the dev host', () => {
  test('catalogue, then a long form filled with the keyboard only; the draft survives a reload and reopens where it was left', async ({ page, devhost }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${devhost.url}#/catalogue`);
    await createVault(page);
    // The first sync (demo sandbox) brings the person's data from the register into the vault: forms prefill from it.
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Procedures' })).toBeVisible();
    await expect(page.getByTestId('catalogue-count')).toHaveText('6 procedures');
    await expectNoSeriousViolations(page);

    // Search and filters.
    await typeIn(page, '#catalogue-query', 'parental');
    await expect(page.getByTestId('catalogue-count')).toHaveText('1 procedure');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await tabTo(page, '#catalogue-audience');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('catalogue-count')).toHaveText('1 procedure');
    await expect(page.locator('[data-procedure="vat-registration"]')).toBeVisible();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('catalogue-count')).toHaveText('6 procedures');

    // Open the parental leave form with the keyboard.
    await tabTo(page, '[data-procedure="parental-leave"] a');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Application for parental leave' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Parent' })).toBeVisible();

    // Step 1: prefilled from the national register (read-only, with its source shown); the phone stays editable.
    await expect(page.locator('#field-lastName')).toHaveValue('Schmit');
    await expect(page.locator('#field-firstName')).toHaveValue('Anne');
    await expect(page.locator('#field-matricule')).toHaveValue(/^\d{13}$/);
    await expect(page.locator('#field-matricule')).toHaveAttribute('readonly', '');
    await expect(page.locator('#field-matricule-source')).toContainText('national register');
    const matricule = await page.locator('#field-matricule').inputValue();
    await tabTo(page, '#field-phone');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('+352 621 123 456');
    await page.keyboard.press('Enter');

    // Step 2: errors on going on without the required answers.
    await expect(page.getByRole('heading', { level: 2, name: 'Child' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await expect(page.getByTestId('error-summary')).toContainText('This information is required.');
    await expect(page.locator('#field-childMatricule')).toHaveAttribute('aria-invalid', 'true');
    const birth = day(-400);
    await typeIn(page, '#field-childMatricule', makeMatricule(birth.iso, 12));
    await typeIn(page, '#field-childBirthDate', birth.keys);
    // The adoption box, ticked and unticked with Space: its date appears and disappears.
    await tabTo(page, '#field-adoption');
    await page.keyboard.press('Space');
    await expect(page.locator('#field-adoptionDate')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.locator('#field-adoptionDate')).toHaveCount(0);
    await page.keyboard.press('Enter');

    // Step 3.
    await expect(page.getByRole('heading', { level: 2, name: 'Leave' })).toBeFocused();
    await tabTo(page, '#field-leaveType');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#field-leaveType')).toHaveValue('full6');
    const start = day(30);
    const end = day(210);
    await typeIn(page, '#field-startDate', start.keys);
    await typeIn(page, '#field-endDate', end.keys);
    await expect(page.locator('#field-leaveDays')).toHaveValue('181');
    await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
    await expect(page).toHaveURL(/#\/drafts\/[\w-]+$/);

    // Reload half-way: the draft is back, open at the step it was left on, and the earlier steps kept their answers.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Leave' })).toBeVisible();
    await expect(page.locator('#field-endDate')).toHaveValue(end.iso);
    await expect(page.locator('#field-leaveDays')).toHaveValue('181');
    await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
    await page.getByTestId('form-back').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Child' })).toBeFocused();
    await expect(page.locator('#field-childBirthDate')).toHaveValue(birth.iso);
    await page.getByTestId('form-back').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Parent' })).toBeFocused();
    await expect(page.locator('#field-matricule')).toHaveValue(matricule);
    await expect(page.locator('#field-lastName')).toHaveValue('Schmit');
    await page.locator('#field-phone').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Child' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Leave' })).toBeFocused();
    await tabTo(page, '#field-endDate');
    await page.keyboard.press('Enter');

    // Step 4: employer, with an address, an attachment picked from the keyboard and an IBAN.
    await expect(page.getByRole('heading', { level: 2, name: 'Employer' })).toBeFocused();
    await typeIn(page, '#field-employerName', 'Acme SA');
    await typeIn(page, '#field-employerNumber', '12345678901');
    await tabTo(page, '#field-employerAddress-country');
    await typeIn(page, '#field-employerAddress-street', 'Rue de la Gare');
    await typeIn(page, '#field-employerAddress-number', '12');
    await typeIn(page, '#field-employerAddress-postalCode', 'L-1611');
    await typeIn(page, '#field-employerAddress-locality', 'Luxembourg');
    await tabTo(page, '#field-employerAgreement');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles({ name: 'agreement.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% test\n') });
    await expect(page.locator('.file-list')).toContainText('agreement.pdf');
    await typeIn(page, '#field-iban', 'LU280019400644750000');
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Enter');

    // Step 5 and the review.
    await expect(page.getByRole('heading', { level: 2, name: 'Confirmation' })).toBeFocused();
    await tabTo(page, '#field-truthful');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeFocused();
    const review = page.getByTestId('review');
    await expect(review.locator('[data-answer="leaveType"] dd')).toHaveText('Full time, 6 months');
    await expect(review.locator('[data-answer="employerAgreement"] dd')).toContainText('agreement.pdf');
    await expect(review.locator('[data-answer="iban"] dd')).toHaveText('LU28 0019 4006 4475 0000');
    await expect(review.locator('[data-answer="adoptionDate"]')).toHaveCount(0);
    await expect(page.getByTestId('form-complete')).toBeVisible();
    await expect(page.getByTestId('submit-note')).toContainText('not available in this version');
    await expectNoSeriousViolations(page);

    // The dashboard lists the draft to resume; it reopens on the review, where it was left.
    await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
    await page.goto(`${devhost.url}#/dashboard`);
    const listed = page.getByTestId('draft-list').locator('li', { hasText: 'Application for parental leave' });
    await expect(listed).toBeVisible();
    await listed.locator('.draft-list__actions a').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeVisible();
    await expect(page.getByTestId('review').locator('[data-answer="iban"] dd')).toHaveText('LU28 0019 4006 4475 0000');
    expect(errors).toEqual([]);
  });
});
