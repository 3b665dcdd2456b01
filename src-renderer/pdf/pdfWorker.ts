/**
 * The pdf.js worker, bundled by vite from our own sources (`new Worker(new URL('./pdfWorker.ts', import.meta.url))`
 * in renderPdfPages.ts): same origin as the page, so CSP `worker-src 'self'` allows it, and a `.js` file, which both
 * the app:// protocol and the dev host serve as JavaScript. pdf.js's worker starts itself on `self` when loaded.
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs';
