import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createVault, E2E_PASSPHRASE } from './createVault';
import { shootInEveryLanguage } from './screenshots';
import { loadOrCreatePki } from '../../src-sandbox/pki/createPki';

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
    // Said at its field (since errors are placed where they belong), which gets focus.
    await expect(page.locator('#vault-unlock-passphrase-error')).toHaveText('The passphrase is not correct.');
    await expect(page.getByLabel('Passphrase')).toBeFocused();
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

/**
 * One vault per person. The demo's test PKI is given to the dev host (GUICHET_SANDBOX_PKI_DIR) so that the file dialog
 * (--files) can offer Luc's certificate file: Luc is another person of the sandbox, and Anne's vault refuses him.
 */
const pkiDir = path.join(os.tmpdir(), 'guichet-e2e-vault-pki');
const LUC_PASSPHRASE = 'Luc’s own passphrase, a long one';
test.describe('a vault per person', () => {
  let pkcs12Password = '';
  const saved = process.env.GUICHET_SANDBOX_PKI_DIR;
  test.beforeAll(async () => {
    pkcs12Password = (await loadOrCreatePki(pkiDir)).pkcs12Password;
    process.env.GUICHET_SANDBOX_PKI_DIR = pkiDir;
  });
  test.afterAll(() => {
    if (saved === undefined) delete process.env.GUICHET_SANDBOX_PKI_DIR;
    else process.env.GUICHET_SANDBOX_PKI_DIR = saved;
  });
  test.use({ devhostArgs: [`--files=${path.join(pkiDir, 'persons', 'luc-hoffmann')}`] });

  test('another person is refused by name; another authority is asked first; each vault is listed by its owner', async ({ page, devhost }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(devhost.url);
    await createVault(page);
    // Demo mode: the demo person signs in, and the vault becomes hers.
    await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
    await expect(page.getByTestId('session-person')).toHaveText('Signed in as Anne Schmit, in the demo', { timeout: 60_000 });

    // Luc's certificate file, opened in the tokens view: refused, naming the vault's owner, with a way out.
    await page.locator('#p12-choose').click();
    await page.getByTestId('host-dialog').locator('[data-file="auth.p12"]').click();
    await page.getByLabel('Password of the file').fill(pkcs12Password);
    await page.getByRole('button', { name: 'Open the file' }).click();
    const card = page.locator('article.certificate').filter({ has: page.getByRole('heading', { name: 'Luc Hoffmann' }) });
    await card.getByRole('button', { name: 'Sign in with this certificate' }).click();
    await page.getByTestId('sign-in').getByRole('button', { name: 'Sign in' }).click();
    const refusal = page.getByTestId('vault-refusal');
    await expect(refusal).toHaveAttribute('data-error-name', 'VaultOwnerMismatchError', { timeout: 20_000 });
    await expect(refusal).toContainText('This vault belongs to Anne Schmit. The certificate of Luc Hoffmann cannot sign in to it');
    await expect(refusal.getByRole('button', { name: 'Create a vault for Luc Hoffmann' })).toBeVisible();
    await expect(page.getByTestId('session-person')).toHaveText('Signed in as Anne Schmit, in the demo');
    await shootInEveryLanguage(page, 'vault-refusal', async () => {
      await refusal.scrollIntoViewIfNeeded();
    });

    // Luc's own vault, from the refusal: kept for him, so the demo's automatic sign-in (Anne) does not take it.
    await refusal.getByRole('button', { name: 'Create a vault for Luc Hoffmann' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a vault for Luc Hoffmann' })).toBeVisible();
    await shootInEveryLanguage(page, 'vault-create-for-person');
    await page.getByLabel('Passphrase', { exact: true }).fill(LUC_PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(LUC_PASSPHRASE);
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 20_000 });
    await page.locator('article.certificate').filter({ has: page.getByRole('heading', { name: 'Luc Hoffmann' }) }).getByRole('button', { name: 'Sign in with this certificate' }).click();
    await page.getByTestId('sign-in').getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('session-person')).toHaveText('Signed in as Luc Hoffmann, in the demo', { timeout: 20_000 });
    await page.getByTestId('lock-button').click();
    const profiles = page.getByTestId('vault-profile');
    await expect(profiles).toHaveCount(2);
    await expect(profiles.nth(0)).toContainText('Anne Schmit');
    await expect(profiles.nth(1)).toContainText('Luc Hoffmann');
    await expect(profiles.nth(1)).toHaveAttribute('aria-current', 'true');
    await shootInEveryLanguage(page, 'vault-profiles');

    // Anne's vault chosen: her passphrase opens it.
    await profiles.first().click();
    await expect(profiles.first()).toHaveAttribute('aria-current', 'true');
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 20_000 });

    // Another authority for this vault, which holds the demo's data: asked first.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Address of the administration’s service').fill('http://127.0.0.1:9/v1');
    await page.getByTestId('connection-form').getByRole('button', { name: 'Save' }).click();
    const question = page.getByTestId('authority-switch-question');
    await expect(question).toContainText('This vault holds the data of Anne Schmit from the demonstration service.');
    await expect(question).toContainText('Then open or create a vault for the service at 127.0.0.1:9.');
    await expect(page.getByTestId('authority-switch-cancel')).toBeFocused();
    await shootInEveryLanguage(page, 'vault-authority-switch', async () => {
      await question.scrollIntoViewIfNeeded();
    });
    await page.getByTestId('authority-switch-confirm').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock your vault' })).toBeVisible();
    await expect(page.getByTestId('lock-reason')).toContainText('the address of the administration’s service changed');
    await expect(profiles.first()).toContainText('Demonstration service');

    // A vault for the new service, with its own passphrase: "New vault" until somebody signs in to it.
    await page.getByRole('button', { name: 'Create another vault' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create another vault' })).toBeVisible();
    await shootInEveryLanguage(page, 'vault-create-another');
    await page.getByLabel('Passphrase', { exact: true }).fill('a passphrase for the new service');
    await page.getByLabel('Repeat the passphrase').fill('a passphrase for the new service');
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('lock-button').click();
    await expect(profiles).toHaveCount(3);
    await expect(profiles.nth(2)).toContainText('New vault');
    await shootInEveryLanguage(page, 'vault-profiles-three');
  });
});
