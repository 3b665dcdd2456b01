import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_PASSPHRASE } from './createVault';
import { shootInEveryLanguage } from './screenshots';
import { fillChangeOfAddress, openNewApp } from './journeySteps';
import { authorityWithTokens } from './authorityWithTokens';
import { verifyPdfSignatures } from '../../src-main/signing';
import { startReaderStack, type ReaderStack } from '../helpers/readerStack/startReaderStack';
import { spawnVirtualCard, type SpawnedVirtualCard } from '../../tools/virtual-card/spawnVirtualCard';

/**
 * A person with a card reader, in Chromium through the dev host, on the real reader stack: the app's OpenSC module
 * (found at its known path) -> pcscd -> vpcd -> a virtual PIV card with Anne's keys from the sandbox's PKI (a child
 * process, driven from here: inserted, removed, killed mid-command). The sandbox over HTTP as its own process.
 */
const PIN = '123456';
const PUK = '12345678';
const NEW_PIN = '246810';
const authority = authorityWithTokens('reader');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-reader-'));
let stack: ReaderStack;
let card: SpawnedVirtualCard;

test.beforeAll(async () => {
  await authority.start([]);
  stack = await startReaderStack({ dir: path.join(workDir, 'stack') });
  card = await spawnVirtualCard({ port: stack.readers[0], host: stack.cardHost, pki: authority.pki, personId: 'anne-schmit', stateFile: path.join(workDir, 'card.json'), pin: PIN, puk: PUK, inserted: false });
});
test.afterAll(async () => {
  await card?.close();
  await stack?.stop();
  await authority.stop();
  rmSync(workDir, { recursive: true, force: true });
});

test.use({ devhostArgs: [`--policy=${authority.policyFile}`, `--files=${authority.saveDir}`] });

const cardPanel = (page: Page) => page.getByTestId('token').filter({ hasText: 'Anne Schmit' });

async function saveSigned(page: Page, name: string): Promise<string> {
  await page.getByTestId('save-signed').click();
  const dialog = page.getByTestId('host-dialog');
  await dialog.getByRole('textbox').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('saved')).toContainText(name);
  return path.join(authority.saveDir, name);
}

test('a card in a reader: shown when inserted, the last PIN try warned, signing with a card pulled out and put back, a blocked PIN unblocked with the PUK, a card changed while locked', async ({ page, devhost }) => {
  test.setTimeout(300_000);
  const errors = await openNewApp(page, devhost.url);

  // Inserted while the cards screen is open: it shows within a second (slot events, not a poll).
  await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('module-diagnostics')).toContainText('OpenSC');
  await expect(cardPanel(page)).toHaveCount(0);
  await card.insert();
  await expect(cardPanel(page)).toBeVisible({ timeout: 1000 });
  await expect(cardPanel(page)).toContainText('PIN ready');
  await shootInEveryLanguage(page, 'reader-card', async () => {
    await expect(cardPanel(page)).toBeVisible();
  });

  // Sign-in: two wrong PINs; before the third entry the last try is said; the right PIN signs in.
  await cardPanel(page).getByRole('button', { name: 'Sign in with this certificate' }).click();
  const signIn = page.getByTestId('sign-in');
  for (const wrong of ['000000', '000001']) {
    await signIn.getByLabel('PIN', { exact: true }).fill(wrong);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(signIn).toContainText('The PIN is not correct.', { timeout: 20_000 });
  }
  await expect(signIn).toContainText('Last try: one more wrong PIN blocks the card');
  await shootInEveryLanguage(page, 'reader-final-try', async () => {
    await expect(page.getByTestId('sign-in')).toBeVisible();
  });
  await signIn.getByLabel('PIN', { exact: true }).fill(PIN);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  expect(card.state().pinTriesLeft).toBe(3);

  // Sign and submit with the card; pulled out in the middle of the signature: said so, nothing sent, the draft intact.
  const before = (await authority.counters()).dossiers;
  await fillChangeOfAddress(page, 'Schmit', '5');
  const draftUrl = page.url();
  await page.getByTestId('to-submit').click();
  const view = page.getByTestId('submit-view');
  await expect(view.getByTestId('signer-option')).toContainText('Anne Schmit', { timeout: 20_000 });
  await view.getByTestId('approve').check();
  await card.failOnNext('generalAuthenticate');
  await view.getByLabel('Signature PIN').fill(PIN);
  await view.getByTestId('sign-submit').click();
  await expect(view).toContainText('The card or token was removed. Insert it again and retry.', { timeout: 30_000 });
  await expect(page.getByTestId('submission-outcome')).toHaveCount(0);
  // The card is out, so no certificate can sign now: said so, with no PIN field to type into.
  await expect(view.getByTestId('no-signer')).toContainText('No card or token is connected');
  await expect(view.getByLabel('Signature PIN')).toHaveCount(0);
  await shootInEveryLanguage(page, 'reader-removed', async () => {
    await expect(page.getByTestId('submit-view')).toBeVisible();
  });
  expect((await authority.counters()).dossiers).toBe(before);
  expect(card.state().pinTriesLeft).toBe(3);

  // Put back: the signer comes back, and the signature goes through; the signed PDF passes pdfsig and our verifier.
  await card.insert();
  await expect(view.getByTestId('signer-option')).toContainText('Anne Schmit', { timeout: 20_000 });
  await view.getByLabel('Signature PIN').fill(PIN);
  await view.getByTestId('sign-submit').click();
  const outcome = page.getByTestId('submission-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
  const reference = /GU-\d{4}-\d+/.exec((await outcome.getByTestId('sent-reference').textContent()) ?? '')![0];
  const signedFile = await saveSigned(page, `${reference}-signed.pdf`);
  expect(execFileSync('pdfsig', [signedFile], { encoding: 'utf8' })).toMatch(/Signature Validation: Signature is Valid/);
  // A PIV card holds no CA certificates (SoftHSM2 tokens and LuxTrust cards do), so the signature carries the
  // signer's certificate only: the issuing CA is given here, as the authority's /pki/chain.pem publishes it.
  const chainPem = readFileSync(path.join(authority.pki.dir, authority.pki.chainFile), 'utf8');
  const verification = await verifyPdfSignatures(readFileSync(signedFile), { trustAnchors: [chainPem] });
  expect(verification.signatures.map((s) => [s.valid, s.level, s.signer?.commonName]), JSON.stringify(verification.signatures[0])).toEqual([[true, 'B-T', 'Anne Schmit']]);
  expect((await authority.counters()).dossiers).toBe(before + 1);
  // The draft kept for the record, sent.
  await page.goto(draftUrl);
  await expect(page.locator('body')).toContainText(reference, { timeout: 20_000 });

  // Three wrong PINs while signing the next one: blocked, and the way out is offered there.
  await fillChangeOfAddress(page, 'Schmit', '7');
  await page.getByTestId('to-submit').click();
  await view.getByTestId('approve').check();
  for (const wrong of ['111111', '111112', '111113']) {
    await expect(view.getByLabel('Signature PIN')).toBeVisible({ timeout: 20_000 });
    await view.getByLabel('Signature PIN').fill(wrong);
    await view.getByTestId('sign-submit').click();
    await expect(view.getByTestId('pin-error').or(view.getByTestId('pin-locked'))).toBeVisible({ timeout: 20_000 });
  }
  const locked = view.getByTestId('pin-locked');
  await expect(locked).toContainText('The PIN of this card is blocked', { timeout: 20_000 });
  expect(card.state().pinTriesLeft).toBe(0);

  // Unblocked with the PUK in the app: a wrong PUK said at its field, then the right one and a new PIN twice.
  await locked.getByTestId('unblock-link').click();
  const unblock = page.getByTestId('unblock-pin');
  await expect(unblock).toContainText('PIN blocked');
  await unblock.getByLabel('PUK').fill('87654321');
  await unblock.getByLabel('New PIN', { exact: true }).fill(NEW_PIN);
  await unblock.getByLabel('Repeat the new PIN').fill(NEW_PIN);
  await unblock.getByTestId('unblock-submit').click();
  await expect(unblock.getByTestId('field-error')).toHaveText('The PUK is not correct.', { timeout: 20_000 });
  await expect(unblock.getByLabel('PUK')).toBeFocused();
  await shootInEveryLanguage(page, 'reader-unblock', async () => {
    await expect(page.getByTestId('unblock-pin')).toBeVisible();
  });
  await unblock.getByLabel('PUK').fill(PUK);
  await unblock.getByLabel('New PIN', { exact: true }).fill(NEW_PIN);
  await unblock.getByLabel('Repeat the new PIN').fill(NEW_PIN);
  await unblock.getByTestId('unblock-submit').click();
  await expect(unblock.getByTestId('unblock-done')).toContainText('The PIN is unblocked.', { timeout: 20_000 });
  await expect(unblock).toContainText('PIN ready');
  expect(card.state()).toMatchObject({ pinTriesLeft: 3, pin: NEW_PIN });

  // Back where it was blocked: the new PIN signs and it is sent.
  await unblock.getByRole('button', { name: 'Back' }).click();
  await expect(view.getByTestId('approve')).toBeVisible({ timeout: 20_000 });
  await view.getByTestId('approve').check();
  await view.getByLabel('Signature PIN').fill(NEW_PIN);
  await view.getByTestId('sign-submit').click();
  await expect(page.getByTestId('submission-outcome')).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
  expect((await authority.counters()).dossiers).toBe(before + 2);
  expect(await page.content()).not.toContain(NEW_PIN);

  // The card taken out and put back while the vault is locked: the cards screen shows it after the unlock.
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your vault' })).toBeVisible();
  await card.remove();
  await card.insert();
  await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
  await expect(cardPanel(page)).toBeVisible({ timeout: 5000 });
  await expect(cardPanel(page)).toContainText('PIN ready');
  expect(errors).toEqual([]);
});
