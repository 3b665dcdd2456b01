/**
 * `npm run bench -- reader`: the real reader stack (OpenSC's PKCS#11 module -> pcscd -> vpcd -> the virtual PIV card
 * of tools/virtual-card, in a child process), each measured 20 times, p95:
 * - hot-plug: the card inserted -> the token shown in the renderer (the dev host as its own process, the cards screen
 *   open in Chromium; from the card's connection to vpcd until the token's panel is in the page);
 * - signing: a PAdES B-B signature of a submission-sized PDF with the card's qualified key (TokenService: login,
 *   context-specific login, GENERAL AUTHENTICATE, logout) against hashing the same PDF, side by side.
 * Last line: `reader insert_to_view_p95_ms <x> sign_p95_ms <y>`. Target: insert_to_view < 1000.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnDevHost, type SpawnedDevHost } from '../helpers/spawnDevHost';
import { chromium } from '@playwright/test';
import { loadOrCreatePki } from '../../src-sandbox/pki/createPki';
import { createSubmissionPdf } from '../../src-main/documents/createSubmissionPdf';
import { createMemoryLogger } from '../../src-main/log/createMemoryLogger';
import { signPdf } from '../../src-main/signing/signPdf';
import { verifyPdfSignatures } from '../../src-main/signing/verifyPdfSignatures';
import { defaultOpenscConfig } from '../../src-main/tokens/applyOpenscConfig';
import { moduleIdFor } from '../../src-main/tokens/moduleIdFor';
import { TokenService } from '../../src-main/tokens/TokenService';
import { spawnVirtualCard } from '../../tools/virtual-card/spawnVirtualCard';
import { startReaderStack } from '../helpers/readerStack/startReaderStack';
import { sharedPkiDir } from '../helpers/softhsm/softHsm';

const RUNS = 20;
const PIN = '123456';
const PASSPHRASE = 'correct horse battery staple';
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]) => `[${xs.map((n) => n.toFixed(0)).join(' ')}]`;


const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-reader-bench-'));
const stack = await startReaderStack({ dir: path.join(dir, 'stack') });
const pki = await loadOrCreatePki(sharedPkiDir);
const card = await spawnVirtualCard({ port: stack.readers[0], host: stack.cardHost, pki, personId: 'anne-schmit', stateFile: path.join(dir, 'card.json'), pin: PIN, inserted: false });
let host: SpawnedDevHost | null = null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  // --- hot-plug, seen in the renderer ---
  host = await spawnDevHost(path.join(dir, 'profile'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(host.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Smart cards and tokens' }).click();
  await page.getByTestId('module-diagnostics').waitFor();
  // Checked in the page every 10 ms (Playwright's own waits back off to 500 ms and more between checks).
  const cardShown = (shown: boolean) =>
    page.waitForFunction(
      (wanted) => {
        // Runs in the page (this file is typed for Node, without the DOM's types).
        const page = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } };
        return Array.from(page.document.querySelectorAll('[data-testid="token"]')).some((e) => e.textContent?.includes('Anne Schmit') === true) === wanted;
      },
      shown,
      { polling: 10, timeout: 10_000 },
    );
  const insertToView: number[] = [];
  const removeToView: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    await card.insert();
    await cardShown(true);
    const shown = performance.now() - t0;
    const t1 = performance.now();
    await card.remove();
    await cardShown(false);
    const gone = performance.now() - t1;
    // The first two warm up the page, the dev host and OpenSC's reader state.
    if (i >= 2) {
      insertToView.push(shown);
      removeToView.push(gone);
    }
  }

  if (process.env.BENCH_VERBOSE) console.log(host.output().split('\n').filter((l) => l.includes('tokens.')).join('\n'));
  // --- signing with the card ---
  process.env.OPENSC_CONF = defaultOpenscConfig()!;
  const moduleId = moduleIdFor(stack.openscModule);
  const tokens = new TokenService({ entries: [{ id: moduleId, name: 'OpenSC', path: stack.openscModule, source: 'known' }], log: createMemoryLogger(), pollIntervalMs: 60_000 });
  await card.insert();
  let view = await tokens.list();
  for (let i = 0; i < 50 && !view.slots.some((s) => s.moduleId === moduleId && s.token); i++) {
    await new Promise((settle) => setTimeout(settle, 100));
    view = await tokens.refresh();
  }
  const slot = view.slots.find((s) => s.moduleId === moduleId && s.token)!;
  const certificateId = slot.token!.certificates.find((c) => c.role === 'signature')!.id;
  const pdf = await createSubmissionPdf({
    locale: 'en',
    procedure: { id: 'change-of-address', version: '3', title: 'Change of address' },
    space: { id: 'PP-A7K3QZ', label: 'Private space' },
    submittedBy: 'Anne Schmit',
    date: new Date(),
    sections: [{ title: 'New address', fields: [{ label: 'Street', value: '12, rue de la Gare' }, { label: 'City', value: 'Luxembourg' }] }],
    attachments: [],
  });
  const sign: number[] = [];
  const hash: number[] = [];
  let signed: Uint8Array = pdf;
  for (let i = 0; i < RUNS + 2; i++) {
    const h0 = performance.now();
    createHash('sha256').update(pdf).digest();
    const h = performance.now() - h0;
    const t0 = performance.now();
    const signer = await tokens.signing.openSigner({ kind: 'token', moduleId, slotId: slot.slotId, certificateId }, Buffer.from(PIN));
    try {
      signed = (await signPdf(pdf, { signer, reason: 'Submission' })).pdf;
    } finally {
      await signer.close();
    }
    if (i >= 2) {
      sign.push(performance.now() - t0);
      hash.push(h);
    }
  }
  await tokens.dispose();
  const chain = readFileSync(path.join(pki.dir, pki.chainFile), 'utf8');
  const check = await verifyPdfSignatures(signed, { trustAnchors: [chain] });
  if (!check.signatures[0]?.valid) throw new Error(`the card's signature does not verify: ${JSON.stringify(check.signatures[0]?.errors)}`);

  const insertP95 = p95(insertToView);
  const signP95 = p95(sign);
  console.log(`reader stack: pcscd ${stack.pcscdPid} started in ${stack.startedInMs.toFixed(0)} ms; card at ${stack.cardHost}; ${RUNS} runs each after 2 warm-ups`);
  console.log(`insert -> token in the renderer: median ${median(insertToView).toFixed(0)} ms, p95 ${insertP95.toFixed(0)} ms ${list(insertToView)}`);
  console.log(`remove -> token gone from the renderer: median ${median(removeToView).toFixed(0)} ms, p95 ${p95(removeToView).toFixed(0)} ms ${list(removeToView)}`);
  console.log(`PAdES B-B with the card (${(pdf.length / 1024).toFixed(0)} KB PDF; login, signature, logout): median ${median(sign).toFixed(0)} ms, p95 ${signP95.toFixed(0)} ms ${list(sign)}`);
  console.log(`sha256 of the same PDF: median ${median(hash).toFixed(2)} ms; the signature verifies (level ${check.signatures[0].level})`);
  console.log(`target: insert_to_view < 1000 ms (${insertP95 < 1000 ? 'met' : 'MISSED'})`);
  console.log(`reader insert_to_view_p95_ms ${insertP95.toFixed(0)} sign_p95_ms ${signP95.toFixed(0)}`);
} finally {
  await browser.close();
  host?.child.kill('SIGTERM');
  await card.close();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
