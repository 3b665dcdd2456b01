import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { DossierPage } from '../../src-shared/authority/viewSchemas';
import { useGuichet } from '../bridge/useGuichet';
import type { RemovedByServer } from '../../src-shared/authority/viewSchemas';

const PAGE_SIZE = 20;

/** One page of the current space's dossiers from the vault; reloaded when sync changes them (dossiers.changed). */
export const useDossiersStore = defineStore('dossiers', () => {
  const guichet = useGuichet();
  const page = ref<DossierPage | null>(null);
  const pageNumber = ref(1);
  const spaceId = ref<string | undefined>(undefined);
  const loading = ref(false);
  const error = ref<unknown>(null);
  /** The last report of dossiers the authority no longer had (removed from the vault, or kept for an unsent reply). */
  const removed = ref<RemovedByServer | null>(null);
  let unsubscribe: (() => void) | null = null;
  let pending: Promise<void> | null = null;
  let again = false;

  const pages = computed(() => (page.value ? Math.max(1, Math.ceil(page.value.total / page.value.pageSize)) : 1));

  async function fetchPage(): Promise<void> {
    loading.value = true;
    try {
      page.value = await guichet.dossiers.list({
        ...(spaceId.value ? { spaceId: spaceId.value } : {}),
        page: pageNumber.value,
        pageSize: PAGE_SIZE,
        sort: 'updatedAt',
        direction: 'desc',
      });
      error.value = null;
    } catch (raw) {
      error.value = raw;
    } finally {
      loading.value = false;
    }
  }

  /** Coalesces reloads: one running, at most one more after it. */
  function reload(): Promise<void> {
    if (pending) {
      again = true;
      return pending;
    }
    pending = (async () => {
      do {
        again = false;
        await fetchPage();
      } while (again);
    })().finally(() => {
      pending = null;
    });
    return pending;
  }

  async function load(space?: string): Promise<void> {
    spaceId.value = space;
    if (!unsubscribe) {
      const offChanged = guichet.events.on('dossiers.changed', () => void reload());
      // After a reset of the administration's service, what it no longer has was removed from this computer: say so.
      const offRemoved = guichet.events.on('dossiers.removedByServer', (report) => (removed.value = report));
      unsubscribe = () => {
        offChanged();
        offRemoved();
      };
    }
    await reload();
  }

  async function goTo(next: number): Promise<void> {
    pageNumber.value = Math.min(Math.max(1, next), pages.value);
    await reload();
  }

  function dispose(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return { page, pageNumber, pages, spaceId, loading, error, removed, load, reload, goTo, dispose };
});
