import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../src-shared/contract/contract';
import { createRendererApp } from '../../../src-renderer/createRendererApp';
import { createDirectTransport } from '../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';
import { untilRendered } from '../../helpers/untilRendered';

describe('renderer shell against a real main', () => {
  let main: TestMain;
  let root: HTMLElement;
  beforeEach(async () => {
    main = await createTestMainContext({ systemLocales: ['de-LU'] });
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app') as HTMLElement;
  });
  afterEach(async () => main.cleanup());

  async function mount() {
    // The shell shows only with an unlocked vault (its create/unlock screens have their own tests).
    if (main.context.vault.status().state === 'absent') await main.context.vault.create('correct horse battery staple');
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN));
    const { app, router } = createRendererApp(bridge, { memoryHistory: true });
    await router.push('/dashboard');
    await router.isReady();
    app.mount(root);
    await untilRendered(() => root.querySelector('nav') !== null && document.documentElement.lang === 'de', 'the shell in German');
    return { app, router };
  }

  it('follows the system language and lists every section with a coming-soon state', async () => {
    const { app, router } = await mount();
    const links = [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual(['▦Übersicht', '☰Verfahren', '✉Postfach', '◉Meine Daten', '▤Meine Dokumente', '⌂Bereiche und Benutzer', '◎eTracking', '▣Chipkarten und Token', '⚙Einstellungen']);
    // The dashboard is built (forms); a section still to come shows the coming-soon state.
    await router.push('/my-documents');
    await untilRendered(() => root.querySelector('[data-testid="coming-soon"]') !== null, 'a coming-soon section');
    expect(root.querySelector('[data-testid="coming-soon"]')?.textContent).toContain('Noch nicht verfügbar');
    app.unmount();
  });

  it('changes the language through main and back, and shows a refused change readably', async () => {
    const { app, router } = await mount();
    await router.push('/settings');
    await untilRendered(() => root.querySelector('#setting-language') !== null, 'the settings view');
    const select = root.querySelector('#setting-language') as HTMLSelectElement;
    select.value = 'fr';
    select.dispatchEvent(new Event('change'));
    await untilRendered(() => document.documentElement.lang === 'fr', 'French');
    expect(main.context.settings.view().values.language).toBe('fr');
    expect(root.querySelector('h1')?.textContent).toBe('Paramètres');

    // A value main refuses: said next to its field, in the current language, never zod's text; the field gets focus.
    const input = root.querySelector('#setting-idle-lock') as HTMLInputElement;
    input.value = '-5';
    input.dispatchEvent(new Event('input'));
    root.querySelector('[data-testid="connection-form"]')?.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('#setting-idle-lock-error') !== null, 'the field error');
    expect(root.querySelector('#setting-idle-lock-error')?.textContent).toBe('Saisissez un nombre d’au moins 0.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(root.textContent).not.toMatch(/idleLockMinutes|Too small|expected/);
    expect(main.context.settings.view().values.idleLockMinutes).toBe(10);

    // An authority URL that is not a web address, and one in clear over the network: each said at the field.
    const url = root.querySelector('#setting-authority-url') as HTMLInputElement;
    input.value = '5';
    input.dispatchEvent(new Event('input'));
    for (const [typed, expected] of [
      ['ftp://x', 'Saisissez une adresse web complète, commençant par https://'],
      ['http://example.com/v1', 'L’adresse doit commencer par https:// (http:// seulement pour cet ordinateur, comme le bac à sable de test).'],
    ] as const) {
      url.value = typed;
      url.dispatchEvent(new Event('input'));
      root.querySelector('[data-testid="connection-form"]')?.dispatchEvent(new Event('submit'));
      await untilRendered(() => root.querySelector('#setting-authority-url-error')?.textContent === expected, `the error for ${typed}`);
      expect(document.activeElement).toBe(url);
    }
    expect(main.context.settings.view().values.authorityUrl).toBeNull();
    app.unmount();
  });

  it('says the health report in the interface language, not in main\'s English', async () => {
    await main.context.vault.create('a long enough passphrase');
    const { app, router } = await mount();
    await router.push('/settings');
    await untilRendered(() => root.querySelector('[data-testid="health-status"]') !== null, 'the health report');
    const report = root.querySelector('[data-testid="health-status"]')?.parentElement?.textContent ?? '';
    expect(report).toContain('Tresor: geöffnet, Datenformat');
    expect(report).toMatch(/Einstellungen: \d+ Einstellungen wirksam/);
    expect(report).not.toMatch(/settings:|unlocked|schema/);
    app.unmount();
  });

  it('says when a saved choice was refused by this version (an http:// address), in the interface language', async () => {
    await writeFile(path.join(main.dir, 'settings.json'), JSON.stringify({ format: 2, chosen: { authorityUrl: 'http://api.example.lu/v1' } }));
    await main.context.settings.load();
    await main.context.vault.create('a long enough passphrase');
    const { app, router } = await mount();
    await router.push('/settings');
    await untilRendered(() => root.querySelector('[data-testid="refused-authorityUrl"]') !== null, 'the notice');
    expect(root.querySelector('[data-testid="refused-authorityUrl"]')?.textContent).toContain('Ihre gespeicherte Wahl für „Adresse des Dienstes der Verwaltung“');
    app.unmount();
  });

  it('follows a change made elsewhere (settings.changed event)', async () => {
    const { app } = await mount();
    await main.context.router.dispatch('settings.set', { language: 'en' }, { url: TEST_ORIGIN });
    await untilRendered(() => document.documentElement.lang === 'en', 'English');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Main navigation');
    app.unmount();
  });
});
