import { ref, shallowRef } from 'vue';
import type { AttachedFile } from '../../src-shared/dossiers/dossierDocumentSchemas';
import type { PickedFile } from '../../src-shared/contract/fileHandle';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { toContractError } from '../../src-shared/errors/toContractError';
import { useGuichet } from '../bridge/useGuichet';
import { createVaultUploader } from '../forms/createVaultUploader';

/**
 * The files of an answer to the administration (the dossier page's and the mailbox's): each chosen in main's picker
 * is stored in the vault by main (dossiers.attachFile), each dropped on the form is sent to main in chunks and stored
 * there (main checks its content as for a form's attachment); listed here until the answer goes. `error` is the
 * form's: the last file refused, the others kept.
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

  /** While dropped files are being stored: how many are left. */
  const storing = ref(0);

  async function drop(dropped: readonly File[]): Promise<void> {
    error.value = null;
    // Counted at once: the form waits from the first moment (finding the space may itself ask main).
    let left = dropped.length;
    storing.value += left;
    try {
      const uploader = createVaultUploader(guichet, { spaceId: await spaceId() });
      for (const file of dropped) {
        try {
          const stored = await uploader.upload(file);
          if (stored.ref) files.value = [...files.value, { id: stored.ref, name: stored.name, mediaType: stored.mediaType, size: stored.size }];
        } catch (raw) {
          error.value = toContractError(raw);
        } finally {
          left -= 1;
          storing.value -= 1;
        }
      }
    } catch (raw) {
      error.value = toContractError(raw);
    } finally {
      storing.value -= left;
    }
  }

  function remove(id: string): void {
    files.value = files.value.filter((f) => f.id !== id);
  }

  return { files, error, storing, attach, drop, remove };
}
