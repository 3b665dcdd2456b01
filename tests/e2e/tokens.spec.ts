import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createVault } from './createVault';
import { createSoftHsm, SOFTHSM_MODULE, type SoftHsm } from '../helpers/softhsm/softHsm';
import { loadOrCreatePki } from '../../src-sandbox/pki/createPki';

// A SoftHSM2 token holding the demo person's keys from the same test PKI the demo sandbox trusts: the dev host gets
// the token folder (SOFTHSM2_CONF) and the PKI (GUICHET_SANDBOX_PKI_DIR) through its environment.
let softHsm: SoftHsm;
let pkiDir: string;
const saved = { conf: process.env.SOFTHSM2_CONF, pki: process.env.GUICHET_SANDBOX_PKI_DIR };

test.beforeAll(async () => {
  if (!SOFTHSM_MODULE) throw new Error('SoftHSM2 and OpenSC are needed (apt-get install -y softhsm2 opensc); npm test installs them.');
  pkiDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-pki-'));
  const pki = await loadOrCreatePki(pkiDir);
  softHsm = createSoftHsm();
  softHsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit LuxTrust', '246810');
  process.env.GUICHET_SANDBOX_PKI_DIR = pkiDir;
});

test.afterAll(() => {
  softHsm?.cleanup();
  if (saved.conf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = saved.conf;
  if (saved.pki === undefined) delete process.env.GUICHET_SANDBOX_PKI_DIR;
  else process.env.GUICHET_SANDBOX_PKI_DIR = saved.pki;
  rmSync(pkiDir, { recursive: true, force: true });
});

test('sign in with a SoftHSM2 token and its PIN, after seeing the token and its certificates', async ({ page, devhost }) => {
  await page.goto(`${devhost.url}#/settings`);
  await createVault(page);
  await page.getByLabel('Additional smart card middleware (PKCS#11)').fill(SOFTHSM_MODULE as string);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();

  await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
  const token = page.getByTestId('token').filter({ hasText: 'Anne Schmit LuxTrust' });
  await expect(token).toBeVisible({ timeout: 20_000 });
  await expect(token.locator('[data-role="authentication"]')).toContainText('Authentication');
  await expect(token.locator('[data-role="signature"]')).toContainText('Qualified');
  await expect(token.locator('[data-role="signature"]')).toContainText('10000000000000000001');
  await expect(token.getByText('PIN ready').first()).toBeVisible();
  // SoftHSM2's spare, uninitialised slot is not shown as a card.
  await expect(page.getByTestId('token')).toHaveCount(1);

  // A wrong PIN first: a translated error, and the token's counter shows up before the next try.
  await token.getByRole('button', { name: 'Sign in with this certificate' }).click();
  const dialog = page.getByTestId('sign-in');
  await dialog.getByLabel('PIN', { exact: true }).fill('000000');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('alert')).toHaveAttribute('data-error-name', 'WrongPinError');
  await expect(dialog.getByRole('alert')).toContainText('The PIN is not correct.');
  await expect(dialog.getByLabel('PIN', { exact: true })).toHaveValue('');

  await dialog.getByLabel('PIN', { exact: true }).fill('246810');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  // The confirmation comes only from the sign-in just made (demo mode may already have a session of its own).
  await expect(page.getByTestId('session').getByRole('status')).toHaveText('Signed in as Anne Schmit', { timeout: 20_000 });
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('session-person')).toHaveText('Signed in as Anne Schmit');

  // Change the PIN on the token (C_SetPIN), then sign in again with the new one.
  const change = token.getByTestId('change-pin');
  await change.getByText('Change the PIN').first().click();
  await change.getByLabel('Current PIN').fill('246810');
  await change.getByLabel('New PIN', { exact: true }).fill('135790');
  await change.getByLabel('Repeat the new PIN').fill('135790');
  await change.getByRole('button', { name: 'Change the PIN' }).click();
  await expect(change.getByRole('status')).toHaveText('The PIN was changed.');
  await token.getByRole('button', { name: 'Sign in with this certificate' }).click();
  await dialog.getByLabel('PIN', { exact: true }).fill('135790');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });

  // No PIN is anywhere in the page once used.
  const content = await page.content();
  for (const pin of ['246810', '135790']) expect(content).not.toContain(pin);
});
