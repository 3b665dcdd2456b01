import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { DraftSummaryView, DraftView } from '../../src-shared/contract/formsContract';
import type { CallInput } from '../../src-shared/contract/types';
import { toContractError } from '../../src-shared/errors';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { useGuichet } from '../bridge/useGuichet';

/** The drafts in the vault (summaries for the lists), with autosave and delete. */
export const useDraftsStore = defineStore('drafts', () => {
  const guichet = useGuichet();
  const items = shallowRef<DraftSummaryView[]>([]);
  const loaded = ref(false);
  const error = shallowRef<ContractError | null>(null);

  async function load(): Promise<void> {
    try {
      items.value = (await guichet.drafts.list({})).items;
      loaded.value = true;
      error.value = null;
    } catch (raw) {
      error.value = toContractError(raw);
    }
  }

  async function get(id: string): Promise<DraftView | null> {
    return (await guichet.drafts.get({ id })).draft;
  }

  async function save(input: CallInput<'drafts.save'>): Promise<number> {
    const saved = await guichet.drafts.save(input);
    const summary: DraftSummaryView = {
      id: input.id,
      spaceId: input.spaceId ?? null,
      procedureId: input.procedureId,
      formVersion: input.formVersion,
      title: input.title,
      attachmentRefs: input.attachmentRefs,
      resumeAt: input.resumeAt ?? null,
      // Only a draft never signed (or refused) can be saved.
      submission: items.value.find((d) => d.id === input.id)?.submission ?? null,
      createdAt: items.value.find((d) => d.id === input.id)?.createdAt ?? saved.updatedAt,
      updatedAt: saved.updatedAt,
    };
    items.value = [summary, ...items.value.filter((d) => d.id !== input.id)];
    return saved.updatedAt;
  }

  async function remove(id: string): Promise<void> {
    await guichet.drafts.delete({ id });
    items.value = items.value.filter((d) => d.id !== id);
  }

  return { items, loaded, error, load, get, save, remove };
});
