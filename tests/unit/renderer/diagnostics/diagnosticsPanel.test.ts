import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';
import { mountRenderer } from '../mountRenderer';

/**
 * The Diagnostics panel over the real bridge to a real main: "Create report" shows the report main made before any
 * "Save…", and the file main's save dialog chose then holds exactly that text.
 */
describe('the diagnostics panel against a real main', () => {
  let main: TestMain;
  let outDir: string;
  beforeEach(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'guichet-diagnostics-panel-'));
    main = await createTestMainContext({ pickSaveFile: async () => path.join(outDir, 'report.txt') });
    // An authority on a loopback port nothing listens on: the checks fail fast, and the report says how.
    expect((await main.context.router.dispatch('settings.set', { language: 'en', authorityUrl: 'http://127.0.0.1:9/' }, { url: TEST_ORIGIN })).ok).toBe(true);
    await main.context.vault.create('a long enough passphrase');
    document.body.innerHTML = '<div id="app"></div>';
  });
  afterEach(async () => {
    await main.cleanup();
    await rm(outDir, { recursive: true, force: true });
  });

  it('shows the report after "Create report", then saves that same text', { timeout: 30_000 }, async () => {
    await mountRenderer(main.context, document.getElementById('app')!, '/tokens');
    const root = document.getElementById('app')!;
    await untilRendered(() => root.querySelector('[data-testid="diagnostics-create"]') !== null, 'the diagnostics panel');
    expect(root.querySelector('[data-testid="diagnostics-panel"] h2')?.textContent).toBe('Diagnostics');
    expect(root.querySelector('[data-testid="diagnostics-save"]')).toBeNull();

    (root.querySelector('[data-testid="diagnostics-create"]') as HTMLButtonElement).click();
    await untilRendered(() => root.querySelector('[data-testid="diagnostics-report"]') !== null, 'the report');
    const shown = root.querySelector('[data-testid="diagnostics-report"]')!.textContent!;
    expect(shown).toContain('== Network ==');
    expect(shown).toContain('== PKCS#11 modules ==');
    expect(root.querySelector('[data-testid="diagnostics-progress"]')).toBeNull();

    (root.querySelector('[data-testid="diagnostics-save"]') as HTMLButtonElement).click();
    await untilRendered(() => root.querySelector('[data-testid="diagnostics-saved"]') !== null, 'the saved notice');
    expect(root.querySelector('[data-testid="diagnostics-saved"]')?.textContent).toBe('Saved as report.txt.');
    expect(await readFile(path.join(outDir, 'report.txt'), 'utf8')).toBe(shown);
  });
});
