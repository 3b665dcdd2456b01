import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { CallOutput } from '../../src-shared/contract/types';
import { useGuichet } from '../bridge/useGuichet';

export const useAppInfoStore = defineStore('appInfo', () => {
  const guichet = useGuichet();
  const info = ref<CallOutput<'app.info'> | null>(null);
  const health = ref<CallOutput<'app.health'> | null>(null);

  async function load(): Promise<void> {
    [info.value, health.value] = await Promise.all([guichet.app.info(), guichet.app.health()]);
  }

  return { info, health, load };
});
