import { ref, shallowRef } from 'vue';
import type { AttachedFile } from '../../src-shared/dossiers/dossierDocumentSchemas';
import type { PickedFile } from '../../src-shared/contract/fileHandle';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { toContractError } from '../../src-shared/errors/toContractError';
import { useGuichet } from '../bridge/useGuichet';

/**
 * The files of an answer to the administration (the dossier page's and the mailbox's): each chosen in main's picker
 * is stored in the vault by main (dossiers.attachFile) and listed here until the answer goes; `error` is the form's.
 */
export function useAnswerFiles(spaceId: () => string | Promise<string>) {
  const guichet = useGuichet();
  const files = ref<AttachedFile[]>([]);
  const error = shallowRef<ContractError | null>(null);

  async function attach(file: PickedFile): Promise<void> {
    error.value = null;
    try {
      files.value = [...files.value, await guichet.dossiers.attachFile({ fileHandle: file.fileHandle, spaceId: await spaceId() })];
    } catch (raw) {
      error.value = toContractError(raw);
    }
  }

  function add(file: AttachedFile): void {
    files.value = [...files.value, file];
  }

  function remove(id: string): void {
    files.value = files.value.filter((f) => f.id !== id);
  }

  return { files, error, attach, add, remove };
}
