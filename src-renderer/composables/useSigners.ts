import { computed, onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue';
import { useGuichet } from '../bridge/useGuichet';
import { toContractError } from '../../src-shared/errors/toContractError';
import type { ContractError } from '../../src-shared/errors/ContractError';
import type { SignerOption } from '../../src-shared/submissions/submissionSchemas';

/**
 * The certificates that may sign a prepared submission or a co-signature (main chooses them), the chosen one, and whether a PIN is to
 * be typed; the list follows the cards put in or taken out, and keeps the choice across reloads.
 */
export function useSigners(
  preparedId: Ref<string | null>,
  /** Where the list comes from: a prepared submission's (default), or another source of the same shape (co-signature). */
  fetch?: (id: string) => Promise<{ items: SignerOption[]; reason: 'notSignedIn' | 'noToken' | 'noCertificate' | null }>,
) {
  const guichet = useGuichet();
  const fetchSigners = fetch ?? ((id: string) => guichet.submissions.signers({ preparedId: id }));
  const signers = shallowRef<SignerOption[]>([]);
  const reason = ref<'notSignedIn' | 'noToken' | 'noCertificate' | null>(null);
  const chosen = ref(0);
  const error = shallowRef<ContractError | null>(null);
  let off: (() => void) | null = null;

  const signer = computed(() => signers.value[chosen.value] ?? null);
  const needsPin = computed(() => signer.value?.identity.kind === 'token' && !(signer.value.pin?.pinPad ?? false));
  const locked = computed(() => signer.value?.pin?.locked ?? false);

  async function load(): Promise<void> {
    if (!preparedId.value) return;
    try {
      const result = await fetchSigners(preparedId.value);
      const previous = signer.value ? JSON.stringify(signer.value.identity) : null;
      signers.value = result.items;
      reason.value = result.reason;
      const again = result.items.findIndex((s) => JSON.stringify(s.identity) === previous);
      chosen.value = again >= 0 ? again : 0;
      error.value = null;
    } catch (raw) {
      error.value = toContractError(raw);
    }
  }

  onMounted(() => {
    off = guichet.events.on('tokens.changed', () => void load());
  });
  onBeforeUnmount(() => off?.());

  return { signers, reason, chosen, signer, needsPin, locked, error, load };
}
