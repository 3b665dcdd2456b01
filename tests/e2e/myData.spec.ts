import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './axe';
import { shootInEveryLanguage } from './screenshots';
import { signInWithToken, openNewApp } from './journeySteps';
import { authorityWithTokens } from './authorityWithTokens';

/**
 * "My data" as a person uses it, in Chromium through the dev host on real parts (Anne's SoftHSM2 token, the sandbox as
 * its own process): after a sign-in, what the national register and the companies register hold, per space, in her
 * language; asked of the administration again; offline, still shown, and the refusal said in words.
 */
const PIN = '864213';
const authority = authorityWithTokens('my-data');

test.beforeAll(() => authority.start([{ personId: 'anne-schmit', label: 'Anne Schmit LuxTrust', pin: PIN }]));
test.afterAll(() => authority.stop());
test.use({ devhostArgs: [`--policy=${authority.policyFile}`] });

test('my data: the registers’ data per space in every language, asked again, and read offline', async ({ page, devhost }) => {
  test.setTimeout(180_000);
  const errors = await openNewApp(page, devhost.url);
  // Before anyone signed in: nothing yet, and how to get it.
  await page.getByRole('link', { name: 'My data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My data');
  await expect(page.getByTestId('coming-soon')).toHaveCount(0);
  await expect(page.getByTestId('my-data-empty')).toContainText('sign in');

  await signInWithToken(page, 'Anne Schmit LuxTrust', PIN);
  await page.getByRole('link', { name: 'My data' }).click();
  const spaces = page.getByTestId('my-data-space');
  await expect(spaces).toHaveCount(2, { timeout: 30_000 });
  const mine = spaces.first();
  await expect(mine.getByRole('heading', { level: 2 })).toHaveText('Private space of Anne Schmit');
  await expect(mine.getByTestId('my-data-civil')).toContainText('1984031512389');
  await expect(mine.getByTestId('my-data-civil')).toContainText('March 15, 1984 in Luxembourg');
  await expect(mine.getByTestId('my-data-address')).toContainText('12 Rue de la Gare');
  await expect(mine.getByRole('table', { name: 'Vehicles (2)' }).getByRole('row')).toHaveCount(3);
  await expect(mine.getByTestId('my-data-source')).toContainText('National register of natural persons (SANDBOX)');
  const company = spaces.nth(1);
  await expect(company).toHaveAttribute('data-kind', 'professional');
  await expect(company.getByTestId('my-data-vat')).toHaveText(/^Credit in your favour: €1,250\.40 \(as of September 30, 2026\)\.$/);
  await expectNoSeriousAxeViolations(page, '[data-testid="my-data"]');

  // In German and French too, with the register's own words in them.
  await page.locator('.language-switcher__option[lang="de"]').click();
  await expect(mine.getByRole('heading', { level: 2 })).toHaveText('Privater Bereich von Anne Schmit');
  await expect(mine.getByTestId('my-data-civil')).toContainText('am 15. März 1984 in Luxembourg');
  await expect(company.getByTestId('my-data-vat')).toContainText('1.250,40');
  await page.locator('.language-switcher__option[lang="fr"]').click();
  await expect(mine.getByTestId('my-data-civil')).toContainText('luxembourgeoise');
  await page.locator('.language-switcher__option[lang="en"]').click();

  // Asked again, by keyboard: said when done.
  await page.getByTestId('my-data-refresh').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('my-data-refreshed')).toHaveText('Your data are up to date.', { timeout: 30_000 });
  await shootInEveryLanguage(page, 'my-data', async () => {
    await expect(spaces).toHaveCount(2);
  });

  // The administration out of reach: the data stay, and asking again says why it cannot, next to the button.
  await authority.sandbox.operator('/faults', { kind: 'error', route: '/v1/**', status: 503, times: 0 });
  try {
    await page.getByTestId('my-data-refresh').click();
    const notice = page.getByTestId('my-data').getByRole('alert');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    // In words; the technical detail only behind its disclosure, closed.
    await expect(notice).toContainText('The administration refused the request.');
    await expect(notice.locator('details')).not.toHaveAttribute('open', /.*/);
    await expect(spaces).toHaveCount(2);
    await expect(mine.getByTestId('my-data-civil')).toContainText('1984031512389');
    await shootInEveryLanguage(page, 'my-data-offline', async () => {
      await expect(notice).toBeVisible();
    });
  } finally {
    await fetch(`${authority.sandbox.url}/operator/faults`, { method: 'DELETE', headers: { authorization: `Bearer ${authority.sandbox.operatorToken}` } });
  }
  expect(errors).toEqual([]);
});
