import { ATTACHMENT_CHUNK_BYTES } from '../../src-shared/contract/formsContract';
import type { GuichetApi } from '../../src-shared/bridge/GuichetApi';
import type { FileRef } from '../../src-shared/forms';
import type { FormUploader } from './formContext';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

function randomId(): string {
  return crypto.randomUUID();
}

/** Stores picked files in the vault's documents through the contract, in chunks; removes them again. */
export function createVaultUploader(guichet: GuichetApi, options: { spaceId?: string | null; onStored?: (ref: string) => void; onRemoved?: (ref: string) => void } = {}): FormUploader {
  return {
    async upload(file: File): Promise<FileRef> {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const uploadId = randomId();
      const chunks = Math.max(1, Math.ceil(bytes.length / ATTACHMENT_CHUNK_BYTES));
      for (let index = 0; index < chunks; index += 1) {
        const chunk = bytes.subarray(index * ATTACHMENT_CHUNK_BYTES, (index + 1) * ATTACHMENT_CHUNK_BYTES);
        const { attachment } = await guichet.drafts.uploadAttachment({
          uploadId,
          index,
          last: index === chunks - 1,
          name: file.name,
          mediaType: (file.type || 'application/octet-stream').toLowerCase(),
          spaceId: options.spaceId ?? null,
          chunkBase64: toBase64(chunk),
        });
        if (attachment) {
          options.onStored?.(attachment.ref);
          return { name: attachment.name, mediaType: attachment.mediaType, size: attachment.size, ref: attachment.ref };
        }
      }
      throw new Error('The upload ended without a stored file.');
    },
    async remove(ref: string): Promise<void> {
      await guichet.drafts.removeAttachment({ ref });
      options.onRemoved?.(ref);
    },
  };
}
