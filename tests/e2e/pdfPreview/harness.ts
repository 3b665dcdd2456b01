/**
 * Test page of the PDF preview (built by vite in tests/e2e/pdfPreview.spec.ts, never part of the app): the real
 * component with the app's styles and messages, and the pdf.js module under it, driven from Playwright.
 */
import { createApp, h, ref, shallowRef } from 'vue';
import '../../../src-renderer/styles/main.css';
import PdfPreview from '../../../src-renderer/components/PdfPreview.vue';
import { createAppI18n } from '../../../src-renderer/i18n/createAppI18n';
import { openPdf, PdfReadError } from '../../../src-renderer/pdf/renderPdfPages';

const data = shallowRef<Uint8Array | null>(null);
const title = ref('');
const events: string[] = [];
const violations: string[] = [];
const preview = ref<{ print(): Promise<void> } | null>(null);

document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));

createApp({
  render: () =>
    h('main', { class: 'shell__main' }, [
      h(PdfPreview, {
        ref: preview,
        data: data.value,
        title: title.value,
        onLoaded: (count: number) => events.push(`loaded:${count}`),
        onError: (kind: string) => events.push(`error:${kind}`),
      }),
    ]),
})
  .use(createAppI18n('en'))
  .mount('#app');

function fromBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Share of a canvas's pixels that are not white. */
function inkShare(canvas: HTMLCanvasElement): number {
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) return 0;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] as number) < 200 || (pixels[i + 1] as number) < 200 || (pixels[i + 2] as number) < 200) ink++;
  return ink / (pixels.length / 4);
}

const harness = {
  events,
  violations,
  show(base64: string | null, documentTitle: string) {
    title.value = documentTitle;
    data.value = base64 === null ? null : fromBase64(base64);
  },
  print: () => preview.value?.print(),
  inkShare,
  /** renderPdfPages alone: every page onto a canvas of the page, with its pixel size and ink share. */
  async renderAll(base64: string, cssWidth: number) {
    try {
      const doc = await openPdf(fromBase64(base64)).promise;
      const pages = [];
      for (let n = 1; n <= doc.pageCount; n++) {
        const canvas = document.createElement('canvas');
        canvas.dataset.test = 'module';
        document.body.append(canvas);
        await doc.renderPage(n, canvas, { cssWidth, pixelRatio: 2 }).promise;
        pages.push({ width: canvas.width, height: canvas.height, ink: inkShare(canvas) });
      }
      await doc.destroy();
      return { pageCount: doc.pageCount, pages };
    } catch (error) {
      return { error: error instanceof PdfReadError ? `PdfReadError:${error.kind}` : String(error) };
    }
  },
};

declare global {
  interface Window {
    pdfHarness: typeof harness;
  }
}
window.pdfHarness = harness;
