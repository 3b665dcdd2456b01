import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;

/** Why a document cannot be shown; the UI translates each (`pdf.error.<kind>`), never pdf.js's own text. */
export type PdfErrorKind = 'notPdf' | 'passwordProtected' | 'unreadable';

export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
  constructor(readonly kind: PdfErrorKind) {
    super(`The document cannot be shown (${kind}).`);
  }
}

export interface PdfPageSize {
  /** CSS pixels at 100% (1 PDF point = 96/72 px), rotation applied. */
  width: number;
  height: number;
}

export interface PdfRenderHandle {
  promise: Promise<void>;
  cancel(): void;
}

export interface PdfDocument {
  readonly pageCount: number;
  /** Size of page `pageNumber` (1-based) at 100%. */
  pageSize(pageNumber: number): Promise<PdfPageSize>;
  /**
   * Renders page `pageNumber` into `canvas`, `cssWidth` CSS pixels wide at `pixelRatio` device pixels per CSS pixel
   * (its backing store is capped so that a huge zoom cannot exhaust memory). Rejects with a PdfReadError, or with
   * a `PdfRenderCancelled` when cancelled.
   */
  renderPage(pageNumber: number, canvas: HTMLCanvasElement, options: { cssWidth: number; pixelRatio?: number }): PdfRenderHandle;
  /** Page `pageNumber` as a PNG at `dpi` (for printing). */
  pageImage(pageNumber: number, dpi: number): Promise<Blob>;
  destroy(): Promise<void>;
}

export class PdfRenderCancelled extends Error {
  override readonly name = 'PdfRenderCancelled';
}

export interface OpenPdfTask {
  promise: Promise<PdfDocument>;
  /** Stops loading (or closes the document if it has loaded). */
  cancel(): Promise<void>;
}

/** A canvas's backing store at most this many pixels (16 MP, below Chromium's limits and cheap enough to redo). */
const MAX_CANVAS_PIXELS = 16_777_216;
const CSS_PX_PER_PT = 96 / 72;

let worker: Worker | null = null;
let workerStarted = false;
let rejectWorker: (error: PdfReadError) => void = () => undefined;
/** Rejects if the worker cannot start (blocked, missing): pdf.js would otherwise wait for it for ever. */
const workerBroken: Promise<never> = new Promise<never>((_resolve, reject) => (rejectWorker = reject));
workerBroken.catch(() => undefined);

let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js (~400 kB) is a chunk of its own, loaded with the first document: a view that shows a PDF does not make
 * the whole renderer's start heavier.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    startWorker(module);
    return module;
  });
  return pdfjs;
}

/** One module worker from our own bundle for all documents; pdf.js reuses a given `workerPort`. */
function startWorker(module: PdfJs): void {
  if (worker) return;
  try {
    worker = new Worker(new URL('./pdfWorker.ts', import.meta.url), { type: 'module', name: 'pdf.js' });
  } catch {
    rejectWorker(new PdfReadError('unreadable'));
    return;
  }
  // Once a document has opened, an error event is a page's script error, not a worker that cannot run.
  worker.addEventListener('error', () => {
    if (!workerStarted) rejectWorker(new PdfReadError('unreadable'));
  });
  module.GlobalWorkerOptions.workerPort = worker;
}

function toReadError(error: unknown): PdfReadError | PdfRenderCancelled {
  if (error instanceof PdfReadError || error instanceof PdfRenderCancelled) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'RenderingCancelledException' || name === 'AbortException') return new PdfRenderCancelled('cancelled');
  if (name === 'InvalidPDFException') return new PdfReadError('notPdf');
  if (name === 'PasswordException') return new PdfReadError('passwordProtected');
  return new PdfReadError('unreadable');
}

/**
 * Opens PDF bytes with pdf.js, with nothing loaded from the network and no eval: no CMap, standard font or wasm
 * URLs (our PDFs embed their fonts; a missing one falls back to a system font), no fetch in the worker, no XFA.
 * `onProgress` gets the share read (0..1). The bytes are copied: pdf.js transfers what it is given to its worker.
 */
export function openPdf(data: Uint8Array, options: { onProgress?: (share: number) => void } = {}): OpenPdfTask {
  let task: PDFDocumentLoadingTask | null = null;
  let cancelled = false;
  const open = async (): Promise<PdfDocument> => {
    if (data.byteLength < 5) throw new PdfReadError('notPdf');
    const module = await loadPdfJs();
    if (cancelled) throw new PdfRenderCancelled('cancelled');
    const loading = module.getDocument({
      data: data.slice(),
      isEvalSupported: false,
      useWorkerFetch: false,
      useSystemFonts: true,
      useWasm: false,
      enableXfa: false,
      disableAutoFetch: true,
      disableStream: true,
      verbosity: module.VerbosityLevel.ERRORS,
    });
    task = loading;
    loading.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
      if (total > 0) options.onProgress?.(Math.min(1, loaded / total));
    };
    const doc = await Promise.race([loading.promise, workerBroken]);
    workerStarted = true;
    return wrap(doc);
  };
  return {
    promise: open().catch((error: unknown) => {
      throw toReadError(error);
    }),
    async cancel() {
      cancelled = true;
      await task?.destroy();
    },
  };
}

function wrap(doc: PDFDocumentProxy): PdfDocument {
  const pages = new Map<number, Promise<PDFPageProxy>>();
  const page = (pageNumber: number): Promise<PDFPageProxy> => {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) return Promise.reject(new RangeError(`No page ${pageNumber}.`));
    let found = pages.get(pageNumber);
    if (!found) {
      found = doc.getPage(pageNumber);
      pages.set(pageNumber, found);
    }
    return found;
  };

  async function renderInto(
    pageNumber: number,
    canvas: HTMLCanvasElement,
    intent: 'display' | 'print',
    scaleFor: (size: PdfPageSize) => number,
    onTask: (task: RenderTask) => void,
  ): Promise<void> {
    let proxy: PDFPageProxy;
    try {
      proxy = await page(pageNumber);
    } catch (error) {
      throw toReadError(error);
    }
    const base = proxy.getViewport({ scale: CSS_PX_PER_PT });
    let scale = scaleFor({ width: base.width, height: base.height }) * CSS_PX_PER_PT;
    const area = base.width * base.height * (scale / CSS_PX_PER_PT) ** 2;
    if (area > MAX_CANVAS_PIXELS) scale *= Math.sqrt(MAX_CANVAS_PIXELS / area);
    const viewport = proxy.getViewport({ scale });
    canvas.width = Math.max(1, Math.floor(viewport.width));
    canvas.height = Math.max(1, Math.floor(viewport.height));
    const task = proxy.render({ canvas, viewport, intent });
    onTask(task);
    try {
      await task.promise;
    } catch (error) {
      throw toReadError(error);
    }
  }

  return {
    pageCount: doc.numPages,
    async pageSize(pageNumber) {
      const viewport = (await page(pageNumber)).getViewport({ scale: CSS_PX_PER_PT });
      return { width: viewport.width, height: viewport.height };
    },
    renderPage(pageNumber, canvas, { cssWidth, pixelRatio = 1 }) {
      let task: RenderTask | null = null;
      let cancelled = false;
      const promise = renderInto(pageNumber, canvas, 'display', (size) => (Math.max(1, cssWidth) * pixelRatio) / size.width, (started) => {
        task = started;
        if (cancelled) started.cancel();
      }).then(() => {
        if (cancelled) throw new PdfRenderCancelled('cancelled');
      });
      return {
        promise,
        cancel() {
          cancelled = true;
          (task as RenderTask | null)?.cancel();
        },
      };
    },
    async pageImage(pageNumber, dpi) {
      const canvas = document.createElement('canvas');
      await renderInto(pageNumber, canvas, 'print', () => dpi / 96, () => undefined);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      canvas.width = 0;
      canvas.height = 0;
      if (!blob) throw new PdfReadError('unreadable');
      return blob;
    },
    async destroy() {
      pages.clear();
      await doc.destroy();
    },
  };
}
