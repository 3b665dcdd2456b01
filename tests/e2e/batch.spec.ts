import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault } from './createVault';
import { authorityWithTokens } from './authorityWithTokens';
import { fillChangeOfAddress, signInWithToken } from './journeySteps';

/**
 * Batch signing as a person does it, in Chromium through the dev host: three drafts of the change of address chosen
 * on the drafts list, previewed, approved once, signed with one PIN on Anne's SoftHSM2 token, each sent with its
 * own reference; a wrong PIN first fails the batch with nothing signed.
 */
const PIN = '246810';
const authority = authorityWithTokens('batch');

test.beforeAll(() => authority.start([{ personId: 'anne-schmit', label: 'Anne Schmit LuxTrust', pin: PIN }]));
test.afterAll(() => authority.stop());

test.use({ devhostArgs: [`--policy=${authority.policyFile}`] });

const signIn = (page: Page) => signInWithToken(page, 'Anne Schmit LuxTrust', PIN);


test('three drafts signed in one PIN session from the drafts list, each with its own reference', async ({ page, devhost }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${devhost.url}#/settings`);
  await createVault(page);
  await signIn(page);
  const before = (await authority.counters()).dossiers;
  for (const number of ['3', '5', '7']) await fillChangeOfAddress(page, 'Schmit', number);

  await page.goto(`${devhost.url}#/dashboard`);
  const list = page.getByTestId('draft-list');
  await list.getByTestId('batch-start').click();
  const boxes = list.getByTestId('batch-checkbox');
  await expect(boxes).toHaveCount(3);
  for (const box of await boxes.all()) await box.check();
  await list.getByTestId('batch-go').click();

  const view = page.getByTestId('batch-sign-view');
  const items = view.getByTestId('batch-item');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('Submission document,', { timeout: 30_000 });
  await expect(view.getByTestId('batch-signing')).toBeVisible({ timeout: 30_000 });
  // One preview, drawn by pdf.js.
  await items.nth(1).getByTestId('batch-preview').click();
  await expect(items.nth(1).locator('canvas').first()).toBeVisible({ timeout: 20_000 });
  await expect(view.getByTestId('signer-option')).toContainText('Anne Schmit');

  // Not approved: said next to the box.
  await view.getByTestId('batch-pin').fill(PIN);
  await view.getByTestId('batch-submit').click();
  await expect(view.getByTestId('batch-approve-error')).toBeVisible();
  await view.getByTestId('batch-approve').check();

  // A wrong PIN fails the batch: nothing signed.
  await view.getByTestId('batch-pin').fill('000000');
  await view.getByTestId('batch-submit').click();
  await expect(view.getByTestId('pin-error')).toHaveText('The PIN is not correct.', { timeout: 20_000 });
  await expect(view.getByTestId('batch-outcome-item')).toHaveCount(0);

  await view.getByTestId('batch-pin').fill(PIN);
  await expect(view.getByTestId('batch-submit')).toHaveText('Sign and submit the 3 documents');
  await view.getByTestId('batch-submit').click();
  await expect(view.getByTestId('batch-summary')).toHaveText('3 of 3 signed and submitted.', { timeout: 60_000 });
  const outcomes = view.getByTestId('batch-outcome-item');
  await expect(outcomes).toHaveCount(3);
  for (const outcome of await outcomes.all()) {
    await expect(outcome).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
    await expect(outcome).toContainText(/Sent, reference GU-/);
  }
  await expect.poll(async () => (await authority.counters()).dossiers).toBe(before + 3);
  expect(errors).toEqual([]);
});
