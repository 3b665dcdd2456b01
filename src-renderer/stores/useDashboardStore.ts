import { ref, shallowRef, triggerRef } from 'vue';
import { defineStore } from 'pinia';
import type { DashboardFilterName, DashboardRowView } from '../../src-shared/dashboard/dashboardSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** Rows are read from main in aligned windows of this many, as the table scrolls to them. */
export const WINDOW = 100;
type Counts = Record<DashboardFilterName, number>;

/**
 * "My procedures": the filter, sort and search the person chose, the counts of every filter, and the rows main has
 * sent so far (by index; the table asks for the windows it shows). A change of the query starts a new generation:
 * answers of an older one are dropped, so typing fast never shows stale rows.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const guichet = useGuichet();
  const filter = ref<DashboardFilterName>('all');
  const sort = ref<'updated' | 'name' | 'reference'>('updated');
  const direction = ref<'asc' | 'desc'>('desc');
  const text = ref('');
  const language = ref<'de' | 'fr' | 'en'>('en');
  const total = ref<number | null>(null);
  const counts = ref<Counts>({ all: 0, drafts: 0, sent: 0, action: 0, closed: 0 });
  const error = ref<unknown>(null);
  const rows = shallowRef(new Map<number, DashboardRowView>());
  const asked = new Set<number>();
  let generation = 0;
  let unsubscribe: (() => void) | null = null;

  async function fetchWindow(start: number, forGeneration: number): Promise<void> {
    try {
      const page = await guichet.dashboard.query({
        filter: filter.value,
        sort: sort.value,
        direction: direction.value,
        ...(text.value.trim() ? { text: text.value } : {}),
        language: language.value,
        offset: start,
        limit: WINDOW,
      });
      if (forGeneration !== generation) return;
      page.rows.forEach((row, i) => rows.value.set(page.offset + i, row));
      total.value = page.total;
      counts.value = page.counts as Counts;
      error.value = null;
      triggerRef(rows);
    } catch (raw) {
      if (forGeneration === generation) error.value = raw;
      asked.delete(start);
    }
  }

  /** Makes sure the rows from `from` to `to` (indexes) are asked for. */
  function ensure(from: number, to: number): void {
    for (let start = Math.floor(Math.max(from, 0) / WINDOW) * WINDOW; start <= to; start += WINDOW) {
      if (asked.has(start) || (total.value !== null && start >= total.value && start > 0)) continue;
      asked.add(start);
      void fetchWindow(start, generation);
    }
  }

  /** Everything again (the query or the data changed); the first window at once. */
  async function reload(): Promise<void> {
    generation++;
    asked.clear();
    const keep = rows.value;
    rows.value = new Map();
    asked.add(0);
    await fetchWindow(0, generation);
    // Rows further down are asked again by the table when it shows them.
    keep.clear();
  }

  async function load(lang: 'de' | 'fr' | 'en'): Promise<void> {
    language.value = lang;
    unsubscribe ??= (() => {
      const offDossiers = guichet.events.on('dossiers.changed', () => void reload());
      const offSubmissions = guichet.events.on('submissions.changed', () => void reload());
      return () => {
        offDossiers();
        offSubmissions();
      };
    })();
    await reload();
  }

  function dispose(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return { filter, sort, direction, text, language, total, counts, error, rows, ensure, reload, load, dispose };
});
