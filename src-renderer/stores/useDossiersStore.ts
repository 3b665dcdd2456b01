import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { DossierPage } from '../../src-shared/authority/viewSchemas';
import { useGuichet } from '../bridge/useGuichet';

const PAGE_SIZE = 20;

/** One page of the current space's dossiers from the vault; reloaded when sync changes them (dossiers.changed). */
export const useDossiersStore = defineStore('dossiers', () => {
  const guichet = useGuichet();
  const page = ref<DossierPage | null>(null);
  const pageNumber = ref(1);
  const spaceId = ref<string | undefined>(undefined);
  const loading = ref(false);
  const error = ref<unknown>(null);
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
    unsubscribe ??= guichet.events.on('dossiers.changed', () => void reload());
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

  return { page, pageNumber, pages, spaceId, loading, error, load, reload, goTo, dispose };
});
