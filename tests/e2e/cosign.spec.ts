import { expect, startSecondDevHost, test } from './fixtures';
import { createVault } from './createVault';
import { shootInEveryLanguage } from './screenshots';
import { fillChangeOfAddress, signInWithToken } from './journeySteps';
import { authorityWithTokens } from './authorityWithTokens';

/**
 * The double signature with transfer to another eSpace, as two people do it, each in their own app (two dev hosts,
 * two profiles) on real parts: the sandbox as its own process, Anne's and Luc's keys on SoftHSM2 tokens.
 */
const ANNE_PIN = '246810';
const LUC_PIN = '135791';
const authority = authorityWithTokens('cosign');

test.beforeAll(() =>
  authority.start([
    { personId: 'anne-schmit', label: 'Anne Schmit LuxTrust', pin: ANNE_PIN },
    { personId: 'luc-hoffmann', label: 'Luc Hoffmann LuxTrust', pin: LUC_PIN },
  ]),
);
test.afterAll(() => authority.stop());

test.use({ devhostArgs: [`--policy=${authority.policyFile}`] });

test('Anne signs and sends to Luc’s space; Luc reviews the same PDF, adds his signature and submits; Anne sees it sent', async ({ page, devhost, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${devhost.url}#/settings`);
  await createVault(page);
  await signInWithToken(page, 'Anne Schmit LuxTrust', ANNE_PIN);
  await fillChangeOfAddress(page, 'Schmit');
  await page.getByTestId('to-submit').click();
  await page.getByTestId('approve').check();
  await expect(page.getByTestId('signer-option').filter({ hasText: 'Anne Schmit' })).toHaveCount(1);
  await page.getByTestId('with-cosigner').check();
  await page.locator('#cosigner-space').fill('luc');
  await page.getByLabel('Signature PIN').fill(ANNE_PIN);
  await page.getByTestId('sign-submit').click();
  await expect(page.getByTestId('cosigner-error')).toContainText('PP- or PM- followed by six letters or digits');
  await expect(page.locator('#cosigner-space')).toBeFocused();
  await page.locator('#cosigner-space').fill('PP-B2M8XR');
  await page.getByLabel('Signature PIN').fill(ANNE_PIN);
  await page.getByTestId('sign-submit').click();
  const outcome = page.getByTestId('submission-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'awaitingCoSigner', { timeout: 30_000 });
  await expect(outcome.getByTestId('awaiting-cosigner')).toContainText('PP-B2M8XR');
  const annePage = page.url();
  await shootInEveryLanguage(page, 'cosign-awaiting', async () => {
    await expect(page.getByTestId('submission-outcome')).toBeVisible();
  });

  // Luc, on his own computer (another app, another profile).
  const lucHost = await startSecondDevHost([`--policy=${authority.policyFile}`]);
  const lucContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const luc = await lucContext.newPage();
  try {
    await luc.goto(`${lucHost.url}#/settings`);
    await createVault(luc, 'Luc Hoffmann’s own passphrase');
    await signInWithToken(luc, 'Luc Hoffmann LuxTrust', LUC_PIN);
    await luc.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const request = luc.getByTestId('cosignature-request');
    await expect(request).toContainText('Report a change of address', { timeout: 20_000 });
    await expect(request).toContainText('from Anne Schmit');
    // "Needs my action" counts the signature asked of him, as the first row, opening the same page.
    const list = luc.getByTestId('dossier-list');
    await expect(list.locator('[data-filter="action"]')).toHaveText('Needs my action (1)', { timeout: 20_000 });
    await list.locator('[data-filter="action"]').click();
    const asked = list.locator('tbody tr[aria-rowindex="2"]');
    await expect(asked).toHaveAttribute('data-kind', 'signature');
    await expect(asked).toContainText('Anne Schmit');
    await expect(asked).toContainText('Signature asked of you');
    await asked.getByRole('link').click();
    await expect(luc.getByTestId('cosign-view')).toBeVisible({ timeout: 20_000 });
    await luc.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await request.getByRole('link', { name: 'Review and sign' }).click();
    const view = luc.getByTestId('cosign-view');
    await expect(view.getByTestId('cosign-summary')).toContainText('Anne Schmit signed this document and asks you to sign it too.');
    await expect(view.getByTestId('cosign-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    await expect(view.getByTestId('signer-option')).toHaveCount(1);
    await expect(view.getByTestId('signer-option')).toContainText('Luc Hoffmann');
    await view.getByTestId('approve').check();
    await view.getByLabel('Signature PIN').fill('000000');
    await view.getByTestId('cosign-submit').click();
    await expect(view.getByTestId('pin-error')).toHaveText('The PIN is not correct.', { timeout: 20_000 });
    await shootInEveryLanguage(luc, 'cosign-second', async () => {
      await expect(luc.getByTestId('cosign-view')).toBeVisible();
    });
    await view.getByLabel('Signature PIN').fill(LUC_PIN);
    await view.getByTestId('cosign-submit').click();
    await expect(view.getByTestId('cosign-done')).toContainText(/GU-\d{4}-\d+/, { timeout: 30_000 });
  } finally {
    await lucContext.close();
    await lucHost.stop();
  }

  // Anne's app learns it at its next sync: sent, with the reference and the receipt.
  await page.goto(annePage);
  await page.getByRole('button', { name: 'Synchronise now' }).click();
  await expect(page.getByTestId('submission-outcome')).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
  await expect(page.getByTestId('sent-reference')).toContainText(/GU-\d{4}-\d+/);
  await expect(page.getByTestId('receipt-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
});
