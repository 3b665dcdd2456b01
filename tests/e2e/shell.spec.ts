import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createVault } from './createVault';
import { shootInEveryLanguage } from './screenshots';

test.describe('the app shell in Chromium through the dev host', () => {
  test('opens, navigates, and follows the browser language', async ({ page, devhost }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(devhost.url);
    await createVault(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Built: the mailbox opens its own view.
    await page.getByRole('link', { name: /^Mailbox/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mailbox');
    await expect(page.getByTestId('coming-soon')).toHaveCount(0);
    for (const [label, heading] of [
      ['My documents', 'My documents'],
      ['eTracking', 'eTracking'],
      ['Spaces and users', 'Spaces and users'],
    ] as const) {
      await page.getByRole('link', { name: label }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByTestId('coming-soon')).toContainText('Not available yet');
    }
    expect(errors).toEqual([]);
  });

  test('switches language through main, and the choice survives a reload and a restart', async ({ page, devhost }) => {
    await page.goto(`${devhost.url}#/settings`);
    await createVault(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    // Main wrote it to the profile folder.
    const stored = JSON.parse(await readFile(path.join(devhost.userDataDir, 'settings.json'), 'utf8')) as { chosen: { language: string } };
    expect(stored.chosen.language).toBe('de');

    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');

    // After a restart the vault is locked: the unlock screen is already in German, before any personal data.
    const restarted = await devhost.restart();
    await page.goto(`${restarted.url}#/settings`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihren Tresor entsperren');
    await page.getByLabel('Passphrase').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Entsperren' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen', { timeout: 20_000 });

    // The header's language switch goes through main too.
    await page.getByRole('button', { name: 'FR' }).click();
    await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
  });

  test('a setting round-trips through main, and a refused value shows a readable error', async ({ page, devhost }) => {
    await page.goto(`${devhost.url}#/settings`);
    await createVault(page);
    const idle = page.getByLabel('Lock after inactivity');
    await idle.fill('25');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('connection-saved')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Lock after inactivity')).toHaveValue('25', { timeout: 20_000 });

    // A refused value is said at its field, translated, and the field gets focus (never zod's text at the top).
    const url = page.getByLabel('Address of the administration’s service');
    await url.fill('ftp://example.lu/');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('#setting-authority-url-error')).toHaveText('Enter a full web address, beginning with https://');
    await expect(url).toBeFocused();
    await url.fill('http://example.com/v1');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('#setting-authority-url-error')).toContainText('must begin with https://');
    await expect(page.locator('main')).not.toContainText('authorityUrl');
    await shootInEveryLanguage(page, 'settings-errors', async () => {
      await page.locator('[data-testid="connection-form"] button[type="submit"]').click();
      await expect(page.locator('#setting-authority-url-error')).toBeVisible();
    });
  });

  test('the WebSocket refuses a wrong token and a foreign origin', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    const wsUrl = devhost.url.replace('http://', 'ws://').replace('/?devhost-token=', '/__devhost/ws?token=');
    const outcome = await page.evaluate(async (url) => {
      const tryOpen = (target: string) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(target);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('refused');
        });
      return { good: await tryOpen(url), bad: await tryOpen(url.replace(/token=.*/, 'token=wrong')) };
    }, wsUrl);
    expect(outcome).toEqual({ good: 'open', bad: 'refused' });
  });

  test('is readable at 200% zoom, and takes the README screenshot', async ({ page, devhost }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${devhost.url}#/dashboard`);
    await createVault(page);
    // Demo mode: the built-in sandbox says so, and its dossiers arrive by sync into the fresh vault.
    await expect(page.getByText('Demo mode: example data only')).toBeVisible();
    await expect(page.getByTestId('dossier-list').locator('tr[data-reference]').first()).toBeVisible({ timeout: 30_000 });
    // Into test-results (not tracked): a test run changes no tracked file. `npm run screenshot` refreshes the README's.
    await page.screenshot({ path: process.env.README_SCREENSHOT ?? 'test-results/screens/readme.png' });

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('health-status')).toHaveText('All checks passed', { timeout: 20_000 });

    // 200% zoom: the same window shows half as many CSS pixels. Nothing may need horizontal scrolling.
    await page.setViewportSize({ width: 640, height: 400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('link', { name: 'Settings' })).toBeInViewport();
  });
});
