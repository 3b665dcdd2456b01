import { ref } from 'vue';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { toContractError } from '../../src-shared/errors/toContractError';

/**
 * A button's action that asks main for something: `busy` while it runs (the button waits), and the error it may
 * bring, kept for the panel's ErrorNotice (a cancelled dialog is no error). What changed follows from main's events.
 */
export function useBusyAction() {
  const busy = ref(false);
  const error = ref<ContractError | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    error.value = null;
    busy.value = true;
    try {
      await action();
    } catch (raw) {
      const failure = toContractError(raw);
      if (failure.kind !== 'cancelled') error.value = failure;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
