import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { SearchResult } from '../../src-shared/search/searchSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** The search over everything: what was typed and the newest answer to it (older answers are dropped). */
export const useSearchStore = defineStore('search', () => {
  const guichet = useGuichet();
  const open = ref(false);
  const text = ref('');
  const result = ref<SearchResult | null>(null);
  const error = ref<unknown>(null);
  let asked = 0;

  async function run(language: 'de' | 'fr' | 'en'): Promise<void> {
    const mine = ++asked;
    if (!text.value.trim()) {
      result.value = null;
      return;
    }
    try {
      const answer = await guichet.search.query({ text: text.value, language, limit: 8 });
      if (mine === asked) {
        result.value = answer;
        error.value = null;
      }
    } catch (raw) {
      if (mine === asked) error.value = raw;
    }
  }

  function close(): void {
    open.value = false;
  }

  return { open, text, result, error, run, close };
});
