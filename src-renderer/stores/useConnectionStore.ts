import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { ConnectionStatus, SyncProgress } from '../../src-shared/authority/viewSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** The authority connection and sync state as main reports it (connection.changed, sync.progress). */
export const useConnectionStore = defineStore('connection', () => {
  const guichet = useGuichet();
  const status = ref<ConnectionStatus | null>(null);
  const progress = ref<SyncProgress | null>(null);
  const syncError = ref<unknown>(null);
  let unsubscribe: Array<() => void> | null = null;

  const demo = computed(() => status.value?.demo ?? false);
  const syncing = computed(() => status.value?.syncing ?? false);

  async function load(): Promise<void> {
    unsubscribe ??= [
      guichet.events.on('connection.changed', (next) => {
        status.value = next;
      }),
      guichet.events.on('sync.progress', (next) => {
        progress.value = next;
      }),
    ];
    status.value = await guichet.connection.status();
  }

  async function syncNow(): Promise<void> {
    syncError.value = null;
    try {
      status.value = await guichet.sync.now();
    } catch (error) {
      // The status (lastError) says what went wrong; keep the raw error for details.
      syncError.value = error;
      status.value = await guichet.connection.status();
    }
  }

  function dispose(): void {
    for (const off of unsubscribe ?? []) off();
    unsubscribe = null;
  }

  return { status, progress, syncError, demo, syncing, load, syncNow, dispose };
});
