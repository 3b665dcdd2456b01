/**
 * `npm run bench -- ui`: the app in Chromium through the dev host (its own process), on real parts: the sandbox (its
 * own process) seeded with 10 000 dossiers and 100 000 messages for Anne's private space, synced into her vault after
 * she signs in with a SoftHSM2 token. Measured in the page (performance.now around the action, ended at the next
 * animation frame after what it waits for is in the DOM), medians or p95 of repeated runs:
 * - dashboard: from the navigation click until its rows and filter counts are painted;
 * - dossier page: from a row's link until the page with its timeline is painted;
 * - mailbox: from the navigation click until its messages are painted;
 * - search as you type (Ctrl+K): input -> main -> FTS -> results rendered, p95 over 30 queries;
 * - scrolling the dashboard's 10 000 rows, from the first to the last at 400 px a frame: the frames' p95 (the frame clock
 *   requestAnimationFrame gives, checked first to show a missed frame as 33 ms).
 * Last line: `ui dashboard_ms <x> dossier_ms <y> mailbox_ms <z> search_p95_ms <w> frame_p95_ms <v>`.
 * Targets: dashboard < 150, dossier < 150, mailbox < 200, search p95 < 50, frame p95 < 17.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnDevHost, type SpawnedDevHost } from '../helpers/spawnDevHost';
import { chromium, type Page } from '@playwright/test';
import { loadOrCreatePki } from '../../src-sandbox/pki/createPki';
import { createSoftHsm, SOFTHSM_MODULE } from '../helpers/softhsm/softHsm';
import { startSandboxProcess } from '../e2e/sandboxProcess';

/** What the functions run in the page use of it (this file is typed for Node, without the DOM's types). */
interface PageElement {
  textContent: string | null;
  value: string;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  click(): void;
  dispatchEvent(event: unknown): void;
}
interface PageGlobals {
  document: { body: unknown; querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> };
  requestAnimationFrame(callback: (frameTime: number) => void): void;
  MutationObserver: new (callback: () => void) => { observe(node: unknown, options: object): void; disconnect(): void };
  Event: new (type: string) => unknown;
}

const PIN = '246810';
const PASSPHRASE = 'correct horse battery staple';
const SPACE = 'PP-A7K3QZ';
const DOSSIERS = 10_000;
const MESSAGES = 100_000;
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
const list = (xs: number[]) => `[${xs.map((x) => x.toFixed(0)).join(' ')}]`;


/**
 * In the page: runs `act` (a selector to click), then waits for `selector` to match with `text` in it, then for the
 * next frame; answers the milliseconds. Checks on every DOM mutation, so nothing waits on a polling interval.
 */
function timed(page: Page, click: string, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ({ click, selector, text }) =>
      new Promise<number>((resolve, reject) => {
        const w = globalThis as unknown as PageGlobals;
        const doc = w.document;
        const t0 = performance.now();
        const done = () => Array.from(doc.querySelectorAll(selector)).some((el) => (el.textContent ?? '').includes(text));
        const finish = () => w.requestAnimationFrame(() => resolve(performance.now() - t0));
        const observer = new w.MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            finish();
          }
        });
        observer.observe(doc.body, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`timed out waiting for ${selector} with ${text}`));
        }, 30_000);
        doc.querySelector(click)?.click();
      }),
    { click, selector, text },
  );
}

const work = mkdtempSync(path.join(os.tmpdir(), 'guichet-ui-bench-'));
if (!SOFTHSM_MODULE) throw new Error('SoftHSM2 is not installed (apt-get install -y softhsm2 opensc)');
const sandbox = await startSandboxProcess({ dataDir: path.join(work, 'sandbox'), operatorToken: 'ui-bench-operator-token-0123456789' });
const pki = await loadOrCreatePki(path.join(work, 'sandbox', 'pki'));
const hsm = createSoftHsm();
hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit LuxTrust', PIN);
const policyFile = path.join(work, 'policy.json');
writeFileSync(policyFile, JSON.stringify({ managed: { authorityUrl: sandbox.apiUrl, pkcs11Modules: [SOFTHSM_MODULE] }, recommended: {} }));
let host: SpawnedDevHost | null = null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const seeded = await sandbox.operator<{ dossiers: number; messages: number }>('/seed', { spaceId: SPACE, dossiers: DOSSIERS, messages: MESSAGES });
  const { items } = await sandbox.operator<{ items: { reference: string }[] }>(`/dossiers?space=${SPACE}`);
  for (const { reference } of items.slice(-20)) await sandbox.operator(`/dossiers/${reference}/status`, { status: 'information_requested', note: { en: 'Please send your lease.' } });
  mkdirSync(path.join(work, 'profile'), { recursive: true });
  host = await spawnDevHost(path.join(work, 'profile'), [`--policy=${policyFile}`]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx keeps function names with a __name() helper: the functions sent into the page need it there too.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(host.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
  const token = page.getByTestId('token').filter({ hasText: 'Anne Schmit LuxTrust' });
  await token.getByRole('button', { name: 'Sign in with this certificate' }).click({ timeout: 30_000 });
  await page.getByTestId('sign-in').getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByTestId('sign-in').getByRole('button', { name: 'Sign in' }).click();
  const t0 = performance.now();
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  // The whole first sync: every dossier in the vault (the counts say so).
  await page.waitForFunction((n) => Number(((globalThis as unknown as PageGlobals).document.querySelector('[data-filter="all"]')?.textContent ?? '').replace(/\D/g, '')) >= n, DOSSIERS, { timeout: 240_000, polling: 500 });
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="connection-status"]')?.textContent?.includes('Last synchronisation') ?? false, undefined, { timeout: 240_000, polling: 500 });
  const syncSeconds = (performance.now() - t0) / 1000;

  // --- dashboard, from another section ---
  const dashboard: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.getByRole('link', { name: 'Procedures', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Procedures' }).waitFor();
    dashboard.push(await timed(page, 'a[href="#/dashboard"]', '[data-testid="procedure-table"] tbody tr[aria-rowindex="2"] a', 'GU-'));
    await page.locator('[data-testid="procedure-table"] tbody tr[aria-rowindex="2"] a').waitFor();
  }

  // --- dossier page, from a row ---
  const dossier: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const row = page.locator(`[data-testid="procedure-table"] tbody tr[aria-rowindex="${2 + i}"]`);
    const reference = (await row.getAttribute('data-reference'))!;
    dossier.push(await timed(page, `[data-testid="procedure-table"] tbody tr[aria-rowindex="${2 + i}"] a`, '[data-testid="dossier-timeline"]', ''));
    await page.getByTestId('dossier-view').filter({ hasText: reference }).waitFor();
    await page.goBack();
    await page.locator('[data-testid="procedure-table"] tbody tr[aria-rowindex="2"] a').waitFor();
  }

  // --- mailbox ---
  const mailbox: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.getByRole('link', { name: 'Procedures', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Procedures' }).waitFor();
    mailbox.push(await timed(page, 'a[href="#/mailbox"]', '[data-testid="mailbox-item"]', ''));
  }

  // --- search as you type, through the Ctrl+K dialog ---
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page.locator('[data-testid="procedure-table"] tbody tr[aria-rowindex="2"] a').waitFor();
  await page.keyboard.press('Control+k');
  await page.getByTestId('global-search').waitFor();
  const terms = items.slice(0, 30).map((d, i) => (i % 3 === 0 ? d.reference : i % 3 === 1 ? d.reference.slice(0, -2) : ['infor', 'démar', 'procedure', 'Vorgang', 'vot'][i % 5]!));
  const search: number[] = [];
  for (const term of terms) {
    search.push(
      await page.evaluate(
        (term) =>
          new Promise<number>((resolve, reject) => {
            const w = globalThis as unknown as PageGlobals;
            const doc = w.document;
            const input = doc.querySelector('#global-search-input')!;
            const t0 = performance.now();
            const head = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u)[0]!;
            const shows = () => Array.from(doc.querySelectorAll('[data-testid="global-search"] mark')).some((m) => (m.textContent ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().startsWith(head));
            const observer = new w.MutationObserver(() => {
              if (shows()) {
                observer.disconnect();
                w.requestAnimationFrame(() => resolve(performance.now() - t0));
              }
            });
            observer.observe(doc.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error(`no results for ${term}`)), 10_000);
            input.value = term;
            input.dispatchEvent(new w.Event('input'));
          }),
        term,
      ),
    );
    // Cleared between queries, so that each one shows new marks.
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      const input = w.document.querySelector('#global-search-input')!;
      input.value = '';
      input.dispatchEvent(new w.Event('input'));
    });
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid="global-search"] mark').length === 0);
  }
  await page.keyboard.press('Escape');

  // --- scrolling 10 000 rows: 100 px a frame (6 000 px/s, a fast wheel or trackpad fling) for 3 s, then 400 px a frame
  // (24 000 px/s, a scrollbar dragged; the summary's number) from the first row to the last of all 10 000 ---
  // Two clocks per frame: the frame's own time (the timestamp requestAnimationFrame is given, the start of the frame
  // the compositor began; consecutive ones differ by a vsync interval, or by two or more when a frame was missed) and
  // performance.now() inside the callback (when the main thread got to it: adds its scheduling jitter to the former).
  // `busyMs` keeps the main thread busy in each frame's callback: the check below that this clock sees a missed frame.
  // `toEnd`: from the top until the last row is in view (at most 60 s), instead of for `durationMs`.
  const scroll = (pixels: number, busyMs = 0, durationMs = 3000, toEnd = false) =>
    page.evaluate(
      ({ pixels, busyMs, durationMs, toEnd }) =>
        new Promise<{ frames: number[]; callbacks: number[] }>((resolve) => {
          const w = globalThis as unknown as PageGlobals;
          const scroller = w.document.querySelector('[data-testid="procedure-table"]')!;
          const frames: number[] = [];
          const callbacks: number[] = [];
          let lastFrame = -1;
          let lastCallback = performance.now();
          if (toEnd) scroller.scrollTop = 0;
          const end = lastCallback + (toEnd ? 60_000 : durationMs);
          const atEnd = () => toEnd && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
          const step = (frameTime: number) => {
            const now = performance.now();
            if (lastFrame >= 0) frames.push(frameTime - lastFrame);
            callbacks.push(now - lastCallback);
            lastFrame = frameTime;
            lastCallback = now;
            scroller.scrollTop += pixels;
            while (performance.now() - now < busyMs);
            if (now < end && !atEnd()) w.requestAnimationFrame(step);
            else resolve({ frames: frames.slice(5), callbacks: callbacks.slice(5) });
          };
          w.requestAnimationFrame(step);
        }),
      { pixels, busyMs, durationMs, toEnd },
    );
  // First, that these frame times can fail: with 20 ms of work in every frame the main thread makes a frame every
  // ~20.5 ms, so about one vsync in five passes without a new frame and shows as a 33 ms frame time (p95 ~33).
  const overrun = await scroll(0, 20, 1000);
  if (p95(overrun.frames) < 30) throw new Error(`the frame clock does not see missed frames: p95 ${p95(overrun.frames).toFixed(1)} ms with 20 ms of work a frame`);
  const slow = await scroll(100);
  const fast = await scroll(400, 0, 0, true);
  // The same frame clock with nothing to do (no scrolling), in the same page: what this machine's frames are at rest.
  const idle = await scroll(0);
  const scrolledTo = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="procedure-table"]')!.scrollTop);

  const [d, o, m, s, f] = [median(dashboard), median(dossier), median(mailbox), p95(search), p95(fast.frames)];
  console.log(`sandbox seeded with ${seeded.dossiers} dossiers and ${seeded.messages} messages; first sync into the vault (sign-in to counts shown) ${syncSeconds.toFixed(1)} s`);
  console.log(`dashboard (click -> rows and counts painted): median ${d.toFixed(0)} ms ${list(dashboard)}`);
  console.log(`dossier page (row link -> timeline painted): median ${o.toFixed(0)} ms ${list(dossier)}`);
  console.log(`mailbox (click -> messages painted): median ${m.toFixed(0)} ms ${list(mailbox)}`);
  console.log(`search as you type (Ctrl+K, ${search.length} queries): median ${median(search).toFixed(0)} ms, p95 ${s.toFixed(0)} ms ${list(search)}`);
  // At 60 Hz a frame is 16.7 ms; a missed frame shows as ~33 ms in the frames' own times.
  const describe = (what: string, { frames, callbacks }: { frames: number[]; callbacks: number[] }) =>
    console.log(
      `${what}: ${frames.length} frames, frame time median ${median(frames).toFixed(1)} ms, p95 ${p95(frames).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, ` +
        `${frames.filter((x) => x > 25).length} missed (over 25 ms); callback to callback p95 ${p95(callbacks).toFixed(1)} ms, max ${Math.max(...callbacks).toFixed(1)} ms`,
    );
  describe('the same page with 20 ms of work in every frame (the clock sees missed frames)', overrun);
  describe('the same page at rest (no scrolling)', idle);
  describe('scrolling the dashboard 100 px a frame for 3 s', slow);
  describe(`scrolling the dashboard 400 px a frame from the first row to the last (0 to ${scrolledTo.toFixed(0)} px)`, fast);
  console.log(`load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
  const met = (x: number, target: number) => (x < target ? 'met' : 'MISSED');
  console.log(`targets: dashboard < 150 (${met(d, 150)}), dossier < 150 (${met(o, 150)}), mailbox < 200 (${met(m, 200)}), search p95 < 50 (${met(s, 50)}), frame p95 < 17 (${met(f, 17)})`);
  console.log(`ui dashboard_ms ${d.toFixed(0)} dossier_ms ${o.toFixed(0)} mailbox_ms ${m.toFixed(0)} search_p95_ms ${s.toFixed(0)} frame_p95_ms ${f.toFixed(1)}`);
} finally {
  await browser.close();
  host?.child.kill('SIGTERM');
  await sandbox.stop();
  hsm.cleanup();
  rmSync(work, { recursive: true, force: true });
}
