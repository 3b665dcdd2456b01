import { mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { E2E_PASSPHRASE } from './createVault';
import { openNewApp } from './journeySteps';
import { expectNoSeriousAxeViolations } from './axe';
import { shootInEveryLanguage } from './screenshots';

// The dev host's save dialog writes into this folder (--files), as the system's would.
const saveDir = path.join(os.tmpdir(), `guichet-e2e-operations-${process.pid}`);
test.beforeAll(async () => {
  await mkdir(saveDir, { recursive: true });
});
test.afterAll(async () => rm(saveDir, { recursive: true, force: true }));
test.use({ devhostArgs: [`--files=${saveDir}`] });

test('support: the connection settings and a diagnostics report, shown before it is saved and saved as shown', async ({ page, devhost }) => {
  test.setTimeout(120_000);
  const errors = await openNewApp(page, devhost.url);

  // The connection: the system's proxy by default; the proxy's address only asked for a manual one.
  await expect(page.locator('#setting-proxy-mode')).toHaveValue('system');
  await expect(page.locator('#setting-proxy-url')).toHaveCount(0);
  await page.locator('#setting-proxy-mode').selectOption('manual');
  await expect(page.locator('#setting-proxy-url')).toBeVisible();
  await page.locator('#setting-proxy-mode').selectOption('system');
  await shootInEveryLanguage(page, 'settings-connection');

  // Ctrl+8: Smart cards and tokens, where the report is made.
  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smart cards and tokens');
  const panel = page.getByTestId('diagnostics-panel');
  await panel.getByTestId('diagnostics-create').click();
  const report = panel.getByTestId('diagnostics-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  const shown = (await report.textContent()) ?? '';
  expect(shown).toContain('Guichet Desktop');
  expect(shown).not.toContain(E2E_PASSPHRASE);
  await expectNoSeriousAxeViolations(page, '[data-testid="diagnostics-panel"]');
  await shootInEveryLanguage(page, 'diagnostics-report', async () => {
    await panel.scrollIntoViewIfNeeded();
  });

  await panel.getByTestId('diagnostics-save').click();
  const dialog = page.getByTestId('host-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('support-report.txt');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('diagnostics-saved')).toContainText('support-report.txt');
  expect(await readFile(path.join(saveDir, 'support-report.txt'), 'utf8')).toBe(shown);
  expect(errors).toEqual([]);
});
