import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './axe';
import { shootInEveryLanguage } from './screenshots';
import { signInWithToken, openNewApp } from './journeySteps';
import { authorityWithTokens } from './authorityWithTokens';

/**
 * "My procedures" as a person with many procedures uses it, in Chromium through the dev host on real parts: 3 000
 * dossiers seeded at the sandbox (its own process) and synced into the vault after a sign-in with a SoftHSM2 token;
 * some moved to "information requested" and "completed" by the operator. Filters and counts, the search, the
 * keyboard, the search over everything (Ctrl+K), axe.
 */
const PIN = '246810';
const SPACE = 'PP-A7K3QZ';
const authority = authorityWithTokens('dashboard');
let asked: string[] = [];

test.beforeAll(async () => {
  await authority.start([{ personId: 'anne-schmit', label: 'Anne Schmit LuxTrust', pin: PIN }]);
  await authority.sandbox.operator('/seed', { spaceId: SPACE, dossiers: 3000, messages: 200 });
  const { items } = await authority.sandbox.operator<{ items: { reference: string }[] }>(`/dossiers?space=${SPACE}`);
  asked = items.slice(-3).map((d) => d.reference);
  for (const reference of asked) {
    await authority.sandbox.operator(`/dossiers/${reference}/status`, { status: 'information_requested', note: { en: 'Please send your lease contract.', fr: 'Merci d’envoyer votre bail.', de: 'Bitte senden Sie Ihren Mietvertrag.' } });
  }
  for (const { reference } of items.slice(0, 5)) await authority.sandbox.operator(`/dossiers/${reference}/status`, { status: 'completed' });
});
test.afterAll(() => authority.stop());
test.use({ devhostArgs: [`--policy=${authority.policyFile}`] });

test('the dashboard with 3 000 procedures: counts, a filter, the search, the keyboard, and the search over everything', async ({ page, devhost }) => {
  test.setTimeout(240_000);
  const errors = await openNewApp(page, devhost.url);
  await signInWithToken(page, 'Anne Schmit LuxTrust', PIN);
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  const list = page.getByTestId('dossier-list');
  const filters = list.getByTestId('dashboard-filters');
  // The first sync brings every dossier; the counts follow it (dossiers.changed).
  await expect(filters.locator('[data-filter="all"]')).toContainText(/All \(3[,.\u202f ]?0\d\d\)/, { timeout: 90_000 });
  await expect(filters.locator('[data-filter="action"]')).toHaveText('Needs my action (3)', { timeout: 60_000 });
  await expect(filters.locator('[data-filter="closed"]')).toHaveText('Closed (5)');
  // A table of all of them, of which only a window is in the page.
  const table = list.locator('table');
  const rowCount = Number(await table.getAttribute('aria-rowcount'));
  expect(rowCount).toBeGreaterThan(3000);
  expect(await list.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(60);
  await expectNoSeriousAxeViolations(page, '[data-testid="dossier-list"]');
  await shootInEveryLanguage(page, 'dashboard-all', async () => {
    await expect(page.getByTestId('procedure-table')).toBeVisible();
  });

  // What needs the person's action; keyboard only from the filter to the dossier page.
  await filters.locator('[data-filter="action"]').click();
  await expect(table).toHaveAttribute('aria-rowcount', '4');
  await expect(list.locator('tbody tr[aria-rowindex]')).toHaveCount(3);
  await expect(list.locator('tbody')).not.toContainText('Received');
  await page.keyboard.press('Tab'); // the search box
  const firstRow = list.locator('tbody tr[aria-rowindex="2"]');
  await firstRow.focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('tbody tr[aria-rowindex="3"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(list.locator('tbody tr[aria-rowindex="4"]')).toBeFocused();
  const opened = await list.locator('tbody tr[aria-rowindex="4"]').getAttribute('data-reference');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dossier-view')).toContainText(opened!, { timeout: 20_000 });
  await page.goBack();

  // The search: a reference (a prefix of it) among 3 000.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await list.getByTestId('dashboard-filters').locator('[data-filter="all"]').click();
  const target = asked[0]!;
  await page.locator('#dashboard-search').fill(target.slice(0, -1));
  await expect(list.locator('tbody tr[aria-rowindex]').first()).toContainText(target.slice(0, -1));
  await page.locator('#dashboard-search').fill(target);
  await expect(table).toHaveAttribute('aria-rowcount', '2');
  await expect(list.locator('tbody tr[aria-rowindex="2"]')).toContainText('Information requested');
  await page.locator('#dashboard-search').fill('zzzz nothing');
  await expect(list.getByTestId('dossier-list-empty')).toHaveText('Nothing matches “zzzz nothing”.');
  await page.locator('#dashboard-search').fill('');

  // Search everything: Ctrl+K, a word of the administration's messages, grouped results, Enter opens the dossier.
  await page.keyboard.press('Control+k');
  const dialog = page.getByTestId('global-search');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await dialog.getByRole('combobox').fill(target);
  await expect(dialog.locator('[data-group="dossiers"] [data-testid="search-hit"]')).toHaveCount(1);
  // Each word of the reference is marked in the hit's title (the hyphens are not words).
  await expect(dialog.locator('[data-group="dossiers"] [data-testid="search-hit"] mark')).toHaveText(target.split('-'));
  await expectNoSeriousAxeViolations(page, '[data-testid="global-search"]');
  // The dialog is modal (the language switcher is behind it): closed, the language changed, opened again, the text kept.
  for (const language of ['de', 'fr', 'en'] as const) {
    await page.keyboard.press('Escape');
    await page.locator(`.language-switcher__option[lang="${language}"]`).click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    await page.keyboard.press('Control+k');
    await expect(dialog.locator('[data-testid="search-hit"]').first()).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `test-results/screens/dashboard-search-${language}-1280.png` });
    await page.setViewportSize({ width: 640, height: 400 });
    await page.screenshot({ path: `test-results/screens/dashboard-search-${language}-200.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('combobox').fill('procedure info');
  await expect(dialog.locator('[data-group="messages"] [data-testid="search-hit"]').first()).toBeVisible();
  await dialog.getByRole('combobox').fill(target);
  await expect(dialog.locator('[data-group="dossiers"] [data-testid="search-hit"]')).toHaveCount(1);
  await dialog.getByRole('combobox').press('Enter');
  await expect(page.getByTestId('dossier-view')).toContainText(target, { timeout: 20_000 });
  await expect(dialog).toHaveCount(0);
  expect(errors).toEqual([]);
});
