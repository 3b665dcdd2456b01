import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openNewApp } from './journeySteps';
import { expectNoSeriousAxeViolations } from './axe';
import { channelFile, channelYaml, packageName, startUpdateFeed, type UpdateFeedServer } from '../helpers/startUpdateFeed';

// The dev host checks and downloads with electron-updater over Node's HTTP, from the address the policy gives.
const policyFile = (name: string) => path.join(os.tmpdir(), `guichet-e2e-updates-${name}-${process.pid}.json`);

test.describe('updates in Chromium through the dev host, from a real feed', () => {
  let feed: UpdateFeedServer;
  const file = policyFile('on');
  test.beforeAll(async () => {
    feed = await startUpdateFeed();
    const bytes = randomBytes(32 * 1024);
    feed.routes.set(`/updates/${channelFile('latest')}`, { status: 200, body: channelYaml('99.0.0', packageName('99.0.0'), bytes) });
    feed.routes.set(`/updates/${packageName('99.0.0')}`, { status: 200, body: bytes });
    await writeFile(file, JSON.stringify({ managed: { updateUrl: feed.url } }));
  });
  test.afterAll(async () => {
    await feed.close();
    await rm(file, { force: true });
  });
  test.use({ devhostArgs: [`--policy=${file}`] });

  test('the update found is downloaded on consent, ready to install, and updates can be turned off', async ({ page, devhost }) => {
    const errors = await openNewApp(page, devhost.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const panel = page.getByTestId('update-panel');
    await expect(panel.getByTestId('update-state')).toHaveText('Version 99.0.0 is available.');
    await expect(panel.getByTestId('update-version')).toHaveText(/^Version \d+\.\d+\.\d+/);
    await expectNoSeriousAxeViolations(page, '[data-testid="update-panel"]');

    await panel.getByRole('button', { name: 'Download' }).click();
    await expect(panel.getByTestId('update-state')).toHaveText('Version 99.0.0 is downloaded. It is installed when Guichet Desktop restarts.');
    await panel.getByRole('button', { name: 'Restart to install' }).click();
    await expect(panel.getByRole('alert')).toContainText('Installing an update needs the desktop app.');

    const asked = feed.requests.length;
    await panel.getByLabel('Look for updates automatically').uncheck();
    await expect(panel.getByTestId('update-state')).toHaveText('Updates are turned off.');
    await expect(panel.getByRole('button', { name: 'Check now' })).toHaveCount(0);
    expect(feed.requests).toHaveLength(asked);
    expect(errors).toEqual([]);
  });
});

test.describe('updates turned off by policy', () => {
  let feed: UpdateFeedServer;
  const file = policyFile('off');
  test.beforeAll(async () => {
    feed = await startUpdateFeed();
    await writeFile(file, JSON.stringify({ managed: { updatesEnabled: false, updateUrl: feed.url } }));
  });
  test.afterAll(async () => {
    await feed.close();
    await rm(file, { force: true });
  });
  test.use({ devhostArgs: [`--policy=${file}`] });

  test('says so, shows the setting locked as the administrator\'s, and asks the feed nothing', async ({ page, devhost }) => {
    const errors = await openNewApp(page, devhost.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const panel = page.getByTestId('update-panel');
    await expect(panel.getByTestId('update-state')).toHaveText('Updates are turned off by your administrator.');
    await expect(panel.getByLabel('Look for updates automatically')).toBeDisabled();
    await expect(panel.getByTestId('managed-updatesEnabled')).toHaveText('Set by your administrator');
    await expect(panel.getByRole('button', { name: 'Check now' })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, '[data-testid="update-panel"]');
    expect(feed.requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
