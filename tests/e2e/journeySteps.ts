import { expect, type Locator, type Page } from '@playwright/test';
import { createVault } from './createVault';

/**
 * A first start of the app as a person sees it: 1280 px wide, on the settings, the vault created. Answers the page's
 * uncaught errors from then on (a journey ends by expecting none).
 */
export async function openNewApp(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${url}#/settings`);
  await createVault(page);
  return errors;
}

/** Signs in with the token of that label and its PIN, under Smart cards and tokens; ends online. */
export async function signInWithToken(page: Page, tokenLabel: string, pin: string): Promise<void> {
  await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
  const token = page.getByTestId('token').filter({ hasText: tokenLabel });
  await expect(token).toBeVisible({ timeout: 20_000 });
  await token.getByRole('button', { name: 'Sign in with this certificate' }).click();
  const dialog = page.getByTestId('sign-in');
  await dialog.getByLabel('PIN', { exact: true }).fill(pin);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
}

/**
 * The change of address, prefilled from the register; the person gives the move (house `number`). When drafts of it
 * are still open, another one is started. Ends on the review, the draft saved under its own id.
 */
export async function fillChangeOfAddress(page: Page, lastName: string, number = '3'): Promise<void> {
  await page.getByRole('link', { name: 'Procedures', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Procedures' })).toBeVisible();
  await page.locator('[data-procedure="change-of-address"] a').click();
  const startNew = page.getByTestId('start-new-draft');
  await expect(startNew.or(page.locator('#field-lastName'))).toBeVisible({ timeout: 20_000 });
  if (await startNew.isVisible()) await startNew.click();
  await expect(page.locator('#field-lastName')).toHaveValue(lastName, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Within Luxembourg').check();
  await page.locator('#field-moveDate').fill(new Date().toISOString().slice(0, 10));
  await page.locator('#field-newAddress-street').fill('Avenue de la Liberté');
  await page.locator('#field-newAddress-number').fill(number);
  await page.locator('#field-newAddress-postalCode').fill('1930');
  await page.locator('#field-newAddress-locality').fill('Luxembourg');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#field-truthful').check();
  await page.getByRole('button', { name: 'Check your answers' }).click();
  await expect(page.getByTestId('form-complete')).toBeVisible();
  await expect(page).toHaveURL(/#\/drafts\/[A-Za-z0-9-]+$/, { timeout: 20_000 });
}

/** Drops files on `target` as the desktop does: a drag with the files enters, moves over it and drops them. */
export async function dropFiles(target: Locator, files: { name: string; mimeType: string; content: Buffer }[]): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.mimeType }));
    return transfer;
  }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.content.toString('base64') })));
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}
