import { expect, test } from './fixtures';
import { createVault, E2E_PASSPHRASE } from './createVault';

test.describe('the vault in Chromium through the dev host', () => {
  test('create a vault, lock it, fail once, unlock it', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    // A mismatch is caught before anything is sent.
    await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(`${E2E_PASSPHRASE}!`);
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();
    // The repetition is cleared to be typed again; nothing was sent, so there is still no vault.
    await expect(page.getByLabel('Repeat the passphrase')).toHaveValue('');
    await expect(page.getByRole('heading', { level: 1, name: 'Create your vault' })).toBeVisible();

    await createVault(page);
    await page.getByTestId('lock-button').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock your vault' })).toBeVisible();
    await expect(page.getByTestId('lock-reason')).toHaveText('You locked the vault.');

    await page.getByLabel('Passphrase').fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-name', 'WrongPassphraseError');
    await expect(alert).toContainText('The passphrase is not correct.');
    await expect(page.getByTestId('failed-attempts')).toContainText('1');

    // The delay after a failure passes; then the right passphrase opens the vault.
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 20_000 });
  });

  test('the vault stays locked across a reload and a restart', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await createVault(page);
    const restarted = await devhost.restart();
    await page.goto(restarted.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock your vault' })).toBeVisible();
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 20_000 });
  });
});
