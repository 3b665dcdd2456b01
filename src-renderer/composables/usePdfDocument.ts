import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { openPdf, PdfReadError, type OpenPdfTask, type PdfDocument, type PdfErrorKind } from '../pdf/renderPdfPages';

export type PdfDocumentStatus = 'empty' | 'loading' | 'ready' | 'error';

/**
 * Opens the PDF bytes of `source` with pdf.js whenever they change, and closes the previous document (and the
 * document itself when the calling scope ends). `progress` is the share read (0..1) or null while unknown;
 * `errorKind` says why bytes cannot be shown, for a translated message.
 */
export function usePdfDocument(source: MaybeRefOrGetter<Uint8Array | null>) {
  const status = ref<PdfDocumentStatus>('empty');
  const progress = ref<number | null>(null);
  const errorKind = ref<PdfErrorKind | null>(null);
  const document = shallowRef<PdfDocument | null>(null);
  let task: OpenPdfTask | null = null;
  let generation = 0;

  async function close(): Promise<void> {
    const previous = task;
    const open = document.value;
    task = null;
    document.value = null;
    await Promise.allSettled([previous?.cancel(), open?.destroy()]);
  }

  async function load(data: Uint8Array | null): Promise<void> {
    const mine = ++generation;
    void close();
    errorKind.value = null;
    progress.value = null;
    if (!data) {
      status.value = 'empty';
      return;
    }
    status.value = 'loading';
    const opening = openPdf(data, {
      onProgress: (share) => {
        if (mine === generation) progress.value = share;
      },
    });
    task = opening;
    try {
      const opened = await opening.promise;
      if (mine !== generation) {
        await opened.destroy();
        return;
      }
      task = null;
      document.value = opened;
      progress.value = 1;
      status.value = 'ready';
    } catch (error) {
      if (mine !== generation) return;
      task = null;
      errorKind.value = error instanceof PdfReadError ? error.kind : 'unreadable';
      status.value = 'error';
    }
  }

  watch(() => toValue(source), (data) => void load(data), { immediate: true });
  onScopeDispose(() => {
    generation++;
    void close();
  });

  return { status, progress, errorKind, document };
}
