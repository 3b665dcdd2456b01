import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { useGuichet } from '../bridge/useGuichet';
import { toContractError } from '../../src-shared/errors/toContractError';
import type { ContractError } from '../../src-shared/errors/ContractError';
import type { SubmissionState } from '../../src-shared/submissions/submissionSchemas';

/** The signed drafts of this vault and what became of them, kept current by submissions.changed. */
export const useSubmissionsStore = defineStore('submissions', () => {
  const guichet = useGuichet();
  const items = shallowRef<SubmissionState[]>([]);
  const error = shallowRef<ContractError | null>(null);
  const loaded = ref(false);
  let unsubscribe: (() => void) | null = null;

  /** Signed on this computer and not yet received by the administration. */
  const waiting = computed(() => items.value.filter((item) => item.status === 'queued' || item.status === 'awaitingCoSigner'));
  const refused = computed(() => items.value.filter((item) => item.status === 'refused'));

  async function load(): Promise<void> {
    try {
      items.value = (await guichet.submissions.list()).items;
      error.value = null;
    } catch (raw) {
      error.value = toContractError(raw);
    } finally {
      loaded.value = true;
    }
  }

  function follow(): void {
    unsubscribe ??= guichet.events.on('submissions.changed', (next) => {
      const others = items.value.filter((item) => item.draftId !== next.draftId);
      items.value = [next, ...others];
    });
  }

  function stop(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return { items, waiting, refused, error, loaded, load, follow, stop };
});
