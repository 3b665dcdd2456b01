import { expect, type Page } from '@playwright/test';

export const E2E_PASSPHRASE = 'correct horse battery staple';

/** First run: creates the vault through the real screens (English UI), ending on the unlocked app. */
export async function createVault(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Create your vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat the passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 20_000 });
}
