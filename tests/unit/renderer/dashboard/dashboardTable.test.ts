import { createApp, type App } from 'vue';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../../src-shared/contract/contract';
import DossierList from '../../../../src-renderer/components/DossierList.vue';
import { guichetKey } from '../../../../src-renderer/bridge/guichetKey';
import { createAppI18n } from '../../../../src-renderer/i18n/createAppI18n';
import { createAppRouter } from '../../../../src-renderer/router/createAppRouter';
import type { Dossier } from '../../../../src-main/vault/repositories/DossierRepository';
import { createDirectTransport } from '../../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';

const SPACE = 'PP-A7K3QZ';
const STATUSES = ['submitted', 'received', 'in_process', 'information_requested', 'completed', 'rejected'];
const TITLE = JSON.stringify({ de: 'Adressänderung melden', fr: 'Déclarer un changement d’adresse', en: 'Report a change of address' });

/**
 * The dashboard's table against a real main and a real SQLCipher vault holding 600 dossiers and two drafts: the
 * counts of every filter, a filter, the search, the keyboard, and that only a window of the rows is in the page.
 */
describe('My procedures on the dashboard (real main, real vault)', { timeout: 30_000 }, () => {
  let main: TestMain;
  let app: App | null = null;
  beforeEach(async () => {
    main = await createTestMainContext();
    await main.context.vault.create('a long enough passphrase');
    const dossiers: Dossier[] = Array.from({ length: 600 }, (_, i) => ({
      id: `d-${i}`,
      reference: `GU-2026-${String(i).padStart(7, '0')}`,
      procedureId: 'change-of-address',
      spaceId: SPACE,
      title: TITLE,
      status: STATUSES[i % 6]!,
      statusHistory: [],
      submittedAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i * 1000,
    }));
    main.context.vault.repos.dossiers.upsertMany(dossiers);
    main.context.vault.repos.messages.upsertMany([
      { id: 'm-1', dossierId: 'd-7', direction: 'in', subject: 'Pièce manquante', body: 'Merci de joindre le bail de location.', attachments: [], sentAt: 1, read: false },
    ]);
    main.context.vault.repos.drafts.upsert({ id: 'draft-1', spaceId: null, procedureId: 'parking-permit', formVersion: '1', title: 'Residential parking permit', values: {}, attachmentRefs: [] });
    document.body.innerHTML = '<div id="list"></div>';
  });
  afterEach(async () => {
    app?.unmount();
    app = null;
    await main.cleanup();
  });

  async function mount() {
    const router = createAppRouter({ memory: true });
    app = createApp(DossierList);
    app.provide(guichetKey, createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN)));
    app.use(createPinia()).use(createAppI18n('en')).use(router);
    await router.push('/dashboard');
    app.mount('#list');
    const root = document.getElementById('list')!;
    await untilRendered(() => root.querySelectorAll('tbody tr[aria-rowindex]').length > 0, 'the first rows').catch((e: unknown) => {
      throw new Error(`${String(e)}: ${root.innerHTML.slice(0, 2000)}`);
    });
    return { root, router };
  }
  const filterButton = (root: HTMLElement, filter: string) => root.querySelector<HTMLButtonElement>(`[data-filter="${filter}"]`)!;
  const shownRows = (root: HTMLElement) => [...root.querySelectorAll<HTMLTableRowElement>('tbody tr[aria-rowindex]')];

  it('counts every filter, lists a window of the rows as a table of all of them, and filters', async () => {
    const { root } = await mount();
    expect(filterButton(root, 'all').textContent).toContain('All (601)');
    expect(filterButton(root, 'drafts').textContent).toContain('In preparation (1)');
    expect(filterButton(root, 'sent').textContent).toContain('Sent (300)');
    expect(filterButton(root, 'action').textContent).toContain('Needs my action (100)');
    expect(filterButton(root, 'closed').textContent).toContain('Closed (200)');
    const table = root.querySelector('table')!;
    expect(table.getAttribute('aria-rowcount')).toBe('602');
    // A window, not 601 rows: the rest are spacer height.
    expect(shownRows(root).length).toBeGreaterThan(5);
    expect(shownRows(root).length).toBeLessThan(60);
    expect(shownRows(root)[0]!.textContent).toContain('Residential parking permit');
    expect(shownRows(root)[1]!.textContent).toContain('GU-2026-0000599');

    filterButton(root, 'action').click();
    await untilRendered(() => root.querySelector('table')?.getAttribute('aria-rowcount') === '101', 'the filtered table');
    await untilRendered(() => shownRows(root).every((row) => row.textContent?.includes('Information requested')), 'only dossiers waiting for the person');
    expect(filterButton(root, 'action').getAttribute('aria-pressed')).toBe('true');
  });

  it('searches as the person types (a word of a message, accents folded) and says when nothing matches', async () => {
    const { root } = await mount();
    const search = root.querySelector<HTMLInputElement>('#dashboard-search')!;
    search.value = 'BÄIL loc';
    search.dispatchEvent(new Event('input'));
    await untilRendered(() => root.querySelector('table')?.getAttribute('aria-rowcount') === '2', 'one match');
    expect(shownRows(root)[0]!.textContent).toContain('GU-2026-0000007');
    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await untilRendered(() => root.querySelector('[data-testid="dossier-list-empty"]') !== null, 'no match');
    expect(root.querySelector('[data-testid="dossier-list-empty"]')!.textContent).toContain('Nothing matches “nothing like this”.');
  });

  it('moves between rows with the keyboard and opens one with Enter', async () => {
    const { root, router } = await mount();
    const first = shownRows(root)[0]!;
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(shownRows(root).filter((row) => row.getAttribute('tabindex') === '0')).toHaveLength(1);
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await untilRendered(() => document.activeElement?.getAttribute('aria-rowindex') === '3', 'the second row focused');
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await untilRendered(() => router.currentRoute.value.name === 'dossier', 'the dossier page');
    expect(router.currentRoute.value.params.reference).toBe('GU-2026-0000599');
  });
});
