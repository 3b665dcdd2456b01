import { computed, ref, shallowRef, triggerRef } from 'vue';
import { defineStore } from 'pinia';
import type { DashboardFilterName, DashboardRowView } from '../../src-shared/dashboard/dashboardSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** Rows are read from main in aligned windows of this many, as the table scrolls to them. */
export const WINDOW = 100;
type Counts = Record<DashboardFilterName, number>;

/** A signature another person asked of this one (a co-signature): it needs the person's action, first in the list. */
export interface SignatureRequestRow {
  kind: 'signature';
  id: string;
  procedureId: string;
  title: string;
  status: 'signature_requested';
  updatedAt: number;
  requesterName: string;
}
export type TableRow = DashboardRowView | SignatureRequestRow;

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
  /** The signature requests shown in the chosen filter and search (they come before the vault's rows). */
  const shownRequests = computed(() => {
    if (filter.value !== 'all' && filter.value !== 'action') return [];
    const needle = text.value.trim().toLowerCase();
    return needle ? requests.value.filter((r) => `${r.title} ${r.requesterName}`.toLowerCase().includes(needle)) : requests.value;
  });
  const total = computed(() => (sqlTotal.value === null ? null : sqlTotal.value + shownRequests.value.length));
  const counts = computed<Counts>(() => {
    const needle = text.value.trim().toLowerCase();
    const n = needle ? requests.value.filter((r) => `${r.title} ${r.requesterName}`.toLowerCase().includes(needle)).length : requests.value.length;
    return { ...sqlCounts.value, all: sqlCounts.value.all + n, action: sqlCounts.value.action + n };
  });
  const error = ref<unknown>(null);
  const rows = shallowRef(new Map<number, DashboardRowView>());
  /** From the authority (cosignatures.list), not the vault: none while offline or signed out. */
  const requests = shallowRef<SignatureRequestRow[]>([]);
  const sqlTotal = ref<number | null>(null);
  const sqlCounts = ref<Counts>({ all: 0, drafts: 0, sent: 0, action: 0, closed: 0 });
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
      sqlTotal.value = page.total;
      sqlCounts.value = page.counts as Counts;
      error.value = null;
      triggerRef(rows);
    } catch (raw) {
      if (forGeneration === generation) error.value = raw;
      asked.delete(start);
    }
  }

  /** The row at a table index: the signature requests first, then the vault's rows (undefined until they arrive). */
  function rowAt(index: number): TableRow | undefined {
    const before = shownRequests.value.length;
    return index < before ? shownRequests.value[index] : rows.value.get(index - before);
  }

  /** Makes sure the rows from `from` to `to` (table indexes) are asked for. */
  function ensure(fromIndex: number, toIndex: number): void {
    const from = fromIndex - shownRequests.value.length;
    const to = toIndex - shownRequests.value.length;
    if (to < 0) return;
    for (let start = Math.floor(Math.max(from, 0) / WINDOW) * WINDOW; start <= to; start += WINDOW) {
      if (asked.has(start) || (sqlTotal.value !== null && start >= sqlTotal.value && start > 0)) continue;
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

  async function loadRequests(): Promise<void> {
    try {
      const { items } = await guichet.cosignatures.list();
      requests.value = items
        .filter((item) => item.incoming && item.status === 'pending')
        .map((item) => ({
          kind: 'signature' as const,
          id: item.id,
          procedureId: item.procedureId,
          title: item.procedureTitle[language.value] ?? item.procedureTitle.en ?? item.procedureId,
          status: 'signature_requested' as const,
          updatedAt: item.createdAt,
          requesterName: item.requesterName,
        }));
    } catch {
      requests.value = [];
    }
  }

  async function load(lang: 'de' | 'fr' | 'en'): Promise<void> {
    language.value = lang;
    void loadRequests();
    unsubscribe ??= (() => {
      const offDossiers = guichet.events.on('dossiers.changed', () => {
        void reload();
        void loadRequests();
      });
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

  return { filter, sort, direction, text, language, total, counts, error, rows, requests, rowAt, ensure, reload, load, loadRequests, dispose };
});
