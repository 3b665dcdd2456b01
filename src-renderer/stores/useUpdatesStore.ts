import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { UpdateState } from '../../src-shared/contract/updatesContract';
import { useGuichet } from '../bridge/useGuichet';

/** The update state as main reports it (updates.changed), and the person's consents: check, download, install. */
export const useUpdatesStore = defineStore('updates', () => {
  const guichet = useGuichet();
  const state = ref<UpdateState | null>(null);
  let unsubscribe: (() => void) | null = null;

  async function load(): Promise<void> {
    unsubscribe ??= guichet.events.on('updates.changed', (next) => {
      state.value = next;
    });
    state.value = await guichet.updates.state();
  }

  async function check(): Promise<void> {
    state.value = await guichet.updates.check();
  }

  async function download(): Promise<void> {
    state.value = await guichet.updates.download();
  }

  async function install(when: 'now' | 'onQuit'): Promise<void> {
    state.value = await guichet.updates.install({ when });
  }

  function dispose(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return { state, load, check, download, install, dispose };
});
