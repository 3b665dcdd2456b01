import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { toContractError } from '../../src-shared/errors/toContractError';

/** The app-wide error shown at the top of the page: any failed call the current view does not handle itself. */
export const useNoticeStore = defineStore('notice', () => {
  const error = ref<ContractError | null>(null);

  function showError(raw: unknown): void {
    error.value = toContractError(raw);
  }

  function clear(): void {
    error.value = null;
  }

  return { error, showError, clear };
});
