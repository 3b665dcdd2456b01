import { computed, nextTick, ref, shallowRef, type Ref } from 'vue';
import { toContractError } from '../../src-shared/errors/toContractError';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { useErrorText } from './useErrorText';

/** The errors said under the PIN field rather than above the button. */
const PIN_ERRORS: ReadonlySet<string> = new Set(['WrongPinError', 'PinPolicyError', 'PinRequiredError']);

/**
 * One try at signing with the PIN typed: the PIN leaves this state as the call leaves (cleared before it is awaited),
 * a failure is kept for its place on the page (under the PIN, or above the button), and after a failure the
 * certificates are read again (a wrong PIN changes the card's counters) and the PIN field gets the focus back.
 */
export function useSignAttempt(options: { needsPin: Ref<boolean>; reloadSigners: () => Promise<void>; focusPin: () => void }) {
  const errorText = useErrorText();
  const pin = ref('');
  const busy = ref(false);
  const error = shallowRef<ContractError | null>(null);
  const pinError = computed(() => (error.value && PIN_ERRORS.has(error.value.name) ? errorText(error.value, ['submissions']) : null));

  async function attempt<T>(call: (typedPin: string | undefined) => Promise<T>): Promise<T | null> {
    error.value = null;
    busy.value = true;
    const typed = options.needsPin.value ? pin.value : undefined;
    pin.value = '';
    try {
      return await call(typed);
    } catch (raw) {
      error.value = toContractError(raw);
      await options.reloadSigners();
      await nextTick();
      options.focusPin();
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { pin, busy, error, pinError, attempt };
}
