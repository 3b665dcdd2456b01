import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createVault } from './createVault';
import { shootInEveryLanguage } from './screenshots';
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

// The dev host's file dialogs offer the files of the folder given with --files: here SoftHSM2's own folder.
test.use({ devhostArgs: [`--files=${path.dirname(SOFTHSM_MODULE ?? '/usr/lib/softhsm/libsofthsm2.so')}`] });

test('sign in with a SoftHSM2 token and its PIN, after seeing the token and its certificates', async ({ page, devhost }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${devhost.url}#/settings`);
  await createVault(page);
  // The library is chosen in main's file dialog (shown by the page in the dev host), never typed as a path.
  await page.getByRole('button', { name: 'Add a library…' }).click();
  const picker = page.getByTestId('host-dialog');
  await expect(picker.getByRole('heading', { name: 'Choose a PKCS#11 library' })).toBeVisible();
  await picker.locator(`[data-file="${path.basename(SOFTHSM_MODULE as string)}"]`).click();
  await expect(page.getByTestId('module-list').getByRole('status')).toHaveText('The library was added.', { timeout: 20_000 });
  await expect(page.getByTestId('module-list')).toContainText('libsofthsm2.so');

  await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
  const token = page.getByTestId('token').filter({ hasText: 'Anne Schmit LuxTrust' });
  await expect(token).toBeVisible({ timeout: 20_000 });
  await expect(token.locator('[data-role="authentication"]')).toContainText('Authentication');
  await expect(token.locator('[data-role="signature"]')).toContainText('Qualified');
  await expect(token.locator('[data-role="signature"]')).toContainText('10000000000000000001');
  await expect(token.getByText('PIN ready')).toHaveCount(1);
  // Sign-in certificate first, then the signature certificate: the same order at every visit.
  expect(await token.locator('.certificate').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.role))).toEqual(['authentication', 'signature']);
  // Each value reads on one line at 1280 px: the 20-digit number is not broken up.
  const ssn = token.locator('[data-role="signature"] dd').first();
  expect(await ssn.evaluate((dd) => dd.getBoundingClientRect().height)).toBeLessThan(30);
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
  await expect(page.getByTestId('session').getByRole('status')).toHaveText('Signed in successfully.', { timeout: 20_000 });
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('session-person')).toHaveText('Signed in as Anne Schmit, in the demo');

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

  await shootInEveryLanguage(page, 'tokens');
});
