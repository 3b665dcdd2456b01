import { computed, markRaw, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { CatalogueItem } from '../../src-shared/contract/formsContract';
import { parseAndCompile, type CompiledForm } from '../../src-shared/forms';
import { toContractError } from '../../src-shared/errors';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { useGuichet } from '../bridge/useGuichet';

/** The procedures of the vault's cached catalogue, and their definitions compiled on first use. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const guichet = useGuichet();
  const items = shallowRef<CatalogueItem[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = shallowRef<ContractError | null>(null);
  const forms = new Map<string, CompiledForm>();

  const byId = computed(() => new Map(items.value.map((item) => [item.id, item])));
  const themes = computed(() => [...new Set(items.value.map((item) => item.theme))].sort());

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await guichet.catalogue.list()).items;
      loaded.value = true;
      error.value = null;
    } catch (raw) {
      error.value = toContractError(raw);
    } finally {
      loading.value = false;
    }
  }

  /**
   * The compiled form of a procedure, or null when the catalogue does not hold it. Throws FormDefinitionError
   * for a definition that does not pass the checks: it is refused as a whole, never half-rendered.
   */
  async function getForm(procedureId: string): Promise<CompiledForm | null> {
    const { definition } = await guichet.catalogue.get({ procedureId });
    if (!definition) return null;
    const key = `${definition.id}@${definition.version}`;
    const hit = forms.get(key);
    if (hit) return hit;
    const compiled = markRaw(parseAndCompile(definition));
    forms.set(key, compiled);
    return compiled;
  }

  return { items, loaded, loading, error, byId, themes, load, getForm };
});
