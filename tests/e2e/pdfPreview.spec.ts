import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import vue from '@vitejs/plugin-vue';
import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { buildContentSecurityPolicy } from '../../src-main/app/contentSecurityPolicy';
import { en } from '../../src-renderer/i18n/messages/en';

/**
 * The PDF preview in real Chromium under the app's Content-Security-Policy: pdf.js, its worker and the component,
 * built by vite from the renderer's sources into a test page (tests/e2e/pdfPreview/), since no route of the app
 * shows a PDF yet. Documents are made with pdf-lib and an embedded font, as main makes them.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

let outDir = '';
let server: Server;
let origin = '';
let twoPages = '';
const garbage = Buffer.from('%PDF-1.7\nthis is not a PDF at all, only its first bytes\n'.repeat(20)).toString('base64');

async function makePdf(pageCount: number): Promise<string> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(path.resolve('resources/fonts/DejaVuSans.ttf')), { subset: true });
  for (let n = 1; n <= pageCount; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Demande d’allocation — page ${n}`, { x: 56, y: 770, size: 24, font, color: rgb(0.04, 0.24, 0.41) });
    for (let line = 0; line < 30; line++) page.drawText(`Ligne ${line + 1}: Société Générale, Luxembourg, Straße ${n}`, { x: 56, y: 720 - line * 20, size: 12, font });
  }
  return Buffer.from(await doc.save()).toString('base64');
}

test.beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'guichet-pdf-e2e-'));
  await build({
    configFile: false,
    root: path.join(here, 'pdfPreview'),
    base: './',
    logLevel: 'warn',
    plugins: [vue()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  twoPages = await makePdf(2);
  const csp = buildContentSecurityPolicy();
  server = createServer((request, response) => {
    void (async () => {
      const name = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'index.html';
      const file = path.resolve(outDir, name);
      if (!file.startsWith(outDir + path.sep)) return response.writeHead(404).end();
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp, 'x-content-type-options': 'nosniff' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Opens the test page; every request must stay on our origin (no CDN, no font or CMap fetch). */
async function openPage(page: Page): Promise<string[]> {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) foreign.push(request.url());
  });
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => 'pdfHarness' in window);
  return foreign;
}

async function show(page: Page, base64: string | null, title = 'Demande d’allocation'): Promise<void> {
  await page.evaluate(([data, name]) => window.pdfHarness.show(data, name as string), [base64, title] as const);
}

test('renderPdfPages draws every page of a pdf-lib document, and calls garbage a PdfReadError', async ({ page }) => {
  const foreign = await openPage(page);
  const result = await page.evaluate((data) => window.pdfHarness.renderAll(data, 600), twoPages);
  expect(result.pageCount).toBe(2);
  expect(result.pages).toHaveLength(2);
  for (const rendered of result.pages ?? []) {
    expect(rendered.width).toBe(1200);
    expect(rendered.height).toBe(Math.floor(1200 * (841.89 / 595.28)));
    // Text of 31 lines: some ink, on a page still mostly white.
    expect(rendered.ink).toBeGreaterThan(0.005);
    expect(rendered.ink).toBeLessThan(0.5);
  }
  expect(await page.evaluate((data) => window.pdfHarness.renderAll(data, 600), garbage)).toEqual({ error: 'PdfReadError:notPdf' });
  expect(await page.evaluate(() => window.pdfHarness.renderAll(btoa('hello'), 600))).toEqual({ error: 'PdfReadError:notPdf' });
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => window.pdfHarness.violations)).toEqual([]);
  // The worker is our bundle's module worker, not pdf.js's main-thread fallback.
  expect(page.workers().some((worker) => worker.url().startsWith(`${origin}/assets/pdfWorker-`))).toBe(true);
});

test('PdfPreview shows every page fitted to its width, with page navigation from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const foreign = await openPage(page);
  await expect(page.getByText(en.pdf.empty)).toBeVisible();
  await show(page, twoPages);
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await expect(page.getByText('(2 pages)')).toBeVisible();
  expect(await page.evaluate(() => window.pdfHarness.events)).toEqual(['loaded:2']);
  await expect(page.getByRole('img', { name: 'Page 2 of 2' })).toBeAttached();
  // Lazily: the first page is drawn, the second (more than a view below) only when scrolled near.
  await expect(page.locator('.pdf-preview__page[data-page="1"][data-rendered="true"]')).toBeAttached();
  await page.waitForTimeout(300);
  await expect(page.locator('.pdf-preview__page[data-page="2"][data-rendered="true"]')).toHaveCount(0);
  await page.locator('.pdf-preview__scroller').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));

  const canvases = page.locator('.pdf-preview__page canvas');
  await expect(canvases).toHaveCount(2);
  for (const index of [0, 1]) expect(await canvases.nth(index).evaluate((canvas: HTMLCanvasElement) => window.pdfHarness.inkShare(canvas))).toBeGreaterThan(0.005);
  const fit = await page.locator('.pdf-preview__scroller').evaluate((scroller) => {
    const canvas = scroller.querySelector('canvas') as HTMLCanvasElement;
    const style = getComputedStyle(scroller);
    return {
      content: scroller.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      css: canvas.getBoundingClientRect().width,
      pixels: canvas.width,
      overflow: scroller.scrollWidth - scroller.clientWidth,
    };
  });
  expect(Math.abs(fit.css - fit.content)).toBeLessThan(1);
  expect(Math.abs(fit.pixels - Math.round(fit.content))).toBeLessThanOrEqual(1);
  expect(fit.overflow).toBe(0);

  // Keyboard: the pages are one focusable region; the buttons and n/p move by page.
  const region = page.getByRole('region', { name: 'Preview of Demande d’allocation' });
  await page.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Next page' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Print' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(region).toBeFocused();
  await page.keyboard.press('p');
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => window.pdfHarness.violations)).toEqual([]);
  await expectNoSeriousAxeViolations(page, '.pdf-preview');
});

test('PdfPreview re-renders sharp and fitted at 200% zoom', async ({ browser }) => {
  // 200% browser zoom of a 1280 x 800 window: half the CSS pixels, two device pixels each.
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await openPage(page);
  await show(page, twoPages);
  await expect(page.locator('.pdf-preview__page[data-rendered="true"]').first()).toBeAttached();
  const fit = await page.locator('.pdf-preview__scroller').evaluate((scroller) => {
    const canvas = scroller.querySelector('canvas') as HTMLCanvasElement;
    return { css: canvas.getBoundingClientRect().width, pixels: canvas.width, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  expect(fit.css).toBeGreaterThan(400);
  expect(fit.css).toBeLessThan(640);
  expect(Math.abs(fit.pixels - Math.round(fit.css * 2))).toBeLessThanOrEqual(2);
  expect(fit.overflow).toBe(0);
  await expect(page.getByRole('button', { name: 'Print' })).toBeInViewport();
  await context.close();
});

test('PdfPreview says, translated, that garbage bytes are no readable PDF', async ({ page }) => {
  await openPage(page);
  await show(page, garbage);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(en.pdf.error.notPdf);
  await expect(page.locator('canvas')).toHaveCount(0);
  expect(await page.evaluate(() => window.pdfHarness.events)).toEqual(['error:notPdf']);
  // A good document after a bad one is shown.
  await show(page, twoPages);
  await expect(page.locator('.pdf-preview__page[data-rendered="true"]')).toHaveCount(1);
  await expect(alert).toHaveCount(0);
});

test('print() prints the document pages alone, one per sheet', async ({ page }) => {
  await openPage(page);
  await show(page, twoPages);
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  // window.print() would open a dialog: the stub records the page as the dialog gets it, which page.pdf() prints.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.evaluate(() => window.pdfHarness.print());
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const images = page.locator('body > .pdf-print > img.pdf-print__page');
  await expect(images).toHaveCount(2);
  for (const index of [0, 1]) expect(await images.nth(index).evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(1000);

  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('#app').evaluate((app) => getComputedStyle(app).display)).toBe('none');
  expect(await page.locator('.pdf-print').evaluate((root) => getComputedStyle(root).display)).toBe('block');
  const printed = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(printed.getPageCount()).toBe(2);
  const { width, height } = printed.getPage(0).getSize();
  expect(Math.abs(width - 595.28)).toBeLessThan(2);
  expect(Math.abs(height - 841.89)).toBeLessThan(2);
  await page.emulateMedia({ media: 'screen' });

  // After the dialog, the print container and the page size rule are gone.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.pdf-print')).toHaveCount(0);
  expect(await page.evaluate(() => [document.documentElement.classList.contains('pdf-printing'), document.adoptedStyleSheets.length])).toEqual([false, 0]);
  expect(await page.evaluate(() => window.pdfHarness.violations)).toEqual([]);
});

test('the build emits the worker as a same-origin .js asset', async () => {
  const assets = await readdir(path.join(outDir, 'assets'));
  expect(assets.some((name) => /^pdfWorker-[\w-]+\.js$/.test(name))).toBe(true);
});
