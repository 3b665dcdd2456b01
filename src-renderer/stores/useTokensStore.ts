import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { TokensView, TokenRef, PinState } from '../../src-shared/tokens/tokenSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** Readers, tokens, certificates and PKCS#12 identities as main sees them, kept live by tokens.changed. */
export const useTokensStore = defineStore('tokens', () => {
  const guichet = useGuichet();
  const view = ref<TokensView | null>(null);
  const loading = ref(false);
  let unsubscribe: (() => void) | null = null;

  async function load(): Promise<void> {
    unsubscribe ??= guichet.events.on('tokens.changed', (next) => {
      // Events can overtake a slower answer: keep the newest view.
      if (!view.value || next.revision >= view.value.revision) view.value = next;
    });
    loading.value = true;
    try {
      view.value = await guichet.tokens.list();
    } finally {
      loading.value = false;
    }
  }

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      view.value = await guichet.tokens.refresh();
    } finally {
      loading.value = false;
    }
  }

  async function pinInfo(ref: TokenRef): Promise<PinState> {
    return guichet.tokens.pinInfo(ref);
  }

  async function changePin(ref: TokenRef, oldPin: string, newPin: string): Promise<PinState> {
    return guichet.tokens.changePin({ ...ref, oldPin, newPin });
  }

  /** A locked PIN set anew with the PUK; main refuses it while the PIN is not locked. */
  async function unblockPin(ref: TokenRef, puk: string, newPin: string): Promise<PinState> {
    return guichet.tokens.unblockPin({ ...ref, puk, newPin });
  }

  async function addPkcs12(fileHandle: string, password: string): Promise<void> {
    await guichet.tokens.addPkcs12({ fileHandle, password });
    view.value = await guichet.tokens.list();
  }

  /** A PKCS#11 library the person chose in main's dialog; main asks them itself before loading one from elsewhere. */
  async function addModule(fileHandle: string): Promise<void> {
    view.value = await guichet.tokens.addModule({ fileHandle });
  }

  async function removeModule(moduleId: string): Promise<void> {
    view.value = await guichet.tokens.removeModule({ moduleId });
  }

  async function removePkcs12(id: string): Promise<void> {
    view.value = await guichet.tokens.removePkcs12({ id });
  }

  return { view, loading, load, refresh, pinInfo, changePin, unblockPin, addPkcs12, removePkcs12, addModule, removeModule };
});
