import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { E2E_PASSPHRASE } from './createVault';

// What an administrator deploys (the Linux format of /etc/guichet-desktop/policy.json), given to the dev host.
const POLICY_FILE = path.join(os.tmpdir(), `guichet-e2e-policy-${process.pid}.json`);

test.describe('a machine-wide policy in Chromium through the dev host', () => {
  test.beforeAll(async () => {
    await writeFile(POLICY_FILE, JSON.stringify({ managed: { idleLockMinutes: 5, allowedLanguages: ['fr', 'de'], pkcs12Allowed: false, mailboxNotifications: false }, recommended: { language: 'fr' } }));
  });
  test.use({ devhostArgs: [`--policy=${POLICY_FILE}`] });

  test('recommended values are defaults the user may change; enforced ones are shown locked and never sent', async ({ page, devhost }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect(devhost.output()).toContain(`"event":"policy.applied","source":"${POLICY_FILE}"`);
    await page.goto(`${devhost.url}#/settings`);
    // The recommended language applies from the very first screen.
    await expect(page.getByRole('heading', { level: 1, name: 'Créer votre coffre' })).toBeVisible();
    await page.locator('#vault-passphrase').fill(E2E_PASSPHRASE);
    await page.locator('#vault-confirm').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Créer le coffre' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paramètres', { timeout: 20_000 });

    // Enforced: shown, disabled, marked as the administrator's.
    await expect(page.locator('#setting-idle-lock')).toHaveValue('5');
    await expect(page.locator('#setting-idle-lock')).toBeDisabled();
    await expect(page.getByTestId('managed-idleLockMinutes')).toHaveText('Défini par votre administrateur');
    await expect(page.getByTestId('managed-language')).toHaveCount(0);
    await expect(page.getByLabel('Me prévenir quand l’administration envoie un nouveau message')).not.toBeChecked();
    await expect(page.getByLabel('Me prévenir quand l’administration envoie un nouveau message')).toBeDisabled();
    await expect(page.getByTestId('managed-mailboxNotifications')).toHaveText('Défini par votre administrateur');

    // Saving the connection form sends only what the user may change: no "managed by your administrator" refusal.
    await page.locator('#setting-proxy-mode').selectOption('system');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('connection-saved')).toHaveText('Paramètres enregistrés.');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Only the languages the administrator offers, in the header and here.
    await expect(page.locator('#setting-language option')).toHaveText([/^Comme le système/, 'Français', 'Deutsch']);
    await expect(page.locator('.language-switcher__option')).toHaveText(['FR', 'DE']);

    // Recommended: the user's own choice wins, and is the only thing written to the profile.
    await page.locator('#setting-language').selectOption('de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
    await expect(page.getByTestId('managed-idleLockMinutes')).toHaveText('Von Ihrer Administration festgelegt');
    const stored = JSON.parse(await readFile(path.join(devhost.userDataDir, 'settings.json'), 'utf8')) as { chosen: Record<string, unknown> };
    expect(stored).toEqual({ format: 2, chosen: { language: 'de' } });

    // Ctrl + a section's place in the navigation opens it (the desktop app's View menu shows the same keys). No
    // certificate files where the policy forbids them: only cards and tokens are offered.
    await page.keyboard.press('Control+8');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chipkarten und Token');
    await expect(page.getByTestId('pkcs12-not-allowed')).toBeVisible();
    await expect(page.getByTestId('pkcs12-form')).toHaveCount(0);
    await page.keyboard.press('Control+3');
    await expect(page).toHaveURL(/#\/mailbox$/);
    await page.keyboard.press('Control+1');
    await expect(page).toHaveURL(/#\/dashboard$/);
    expect(errors).toEqual([]);
  });
});
