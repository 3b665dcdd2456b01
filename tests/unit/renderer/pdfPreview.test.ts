import { createApp, h, nextTick } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SupportedLocale } from '../../../src-shared/i18n/locales';
import type * as RenderPdfPages from '../../../src-renderer/pdf/renderPdfPages';

// pdf.js cannot run in happy-dom (its rendering is tested in Chromium, tests/e2e/pdfPreview.spec.ts): the states
// around it are tested here with the module under the component replaced.
const openPdf = vi.fn();
vi.mock('../../../src-renderer/pdf/renderPdfPages', async (importOriginal) => ({
  ...(await importOriginal<typeof RenderPdfPages>()),
  openPdf: (...args: unknown[]) => openPdf(...args),
}));

const { default: PdfPreview } = await import('../../../src-renderer/components/PdfPreview.vue');
const { PdfReadError } = await import('../../../src-renderer/pdf/renderPdfPages');
const { createAppI18n } = await import('../../../src-renderer/i18n/createAppI18n');
const { de } = await import('../../../src-renderer/i18n/messages/de');
const { en } = await import('../../../src-renderer/i18n/messages/en');
const { fr } = await import('../../../src-renderer/i18n/messages/fr');

function mount(data: Uint8Array | null, locale: SupportedLocale = 'en') {
  const root = document.createElement('div');
  document.body.append(root);
  const events: unknown[][] = [];
  const app = createApp({ render: () => h(PdfPreview, { data, title: 'Reçu', onError: (kind: string) => events.push(['error', kind]) }) });
  app.use(createAppI18n(locale)).mount(root);
  return { root, events, app };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
    await nextTick();
  }
}

/** The keys of a messages object, nested ones as a.b.c. */
function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) => (typeof inner === 'object' && inner !== null ? keys(inner as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe('PdfPreview around pdf.js', () => {
  afterEach(() => {
    document.body.replaceChildren();
    openPdf.mockReset();
  });

  it('without bytes says there is nothing to show, and opens nothing', () => {
    const { root, app } = mount(null);
    expect(root.textContent).toContain(en.pdf.empty);
    expect(openPdf).not.toHaveBeenCalled();
    app.unmount();
  });

  it('while opening shows a progress bar', async () => {
    openPdf.mockReturnValue({ promise: new Promise(() => undefined), cancel: vi.fn(async () => undefined) });
    const { root, app } = mount(new Uint8Array([1, 2, 3, 4, 5]), 'fr');
    await settle();
    expect(root.querySelector('[role="status"] progress')).not.toBeNull();
    expect(root.textContent).toContain(fr.pdf.loading);
    app.unmount();
  });

  it.each([
    ['notPdf', 'de'],
    ['passwordProtected', 'fr'],
    ['unreadable', 'en'],
  ] as const)('a %s document gives its translated message (%s), never pdf.js text', async (kind, locale) => {
    openPdf.mockReturnValue({ promise: Promise.reject(new PdfReadError(kind)), cancel: vi.fn(async () => undefined) });
    const { root, events, app } = mount(new Uint8Array([1, 2, 3, 4, 5]), locale);
    await settle();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe({ de, fr, en }[locale].pdf.error[kind]);
    expect(alert?.textContent).not.toContain('PdfReadError');
    expect(events).toEqual([['error', kind]]);
    app.unmount();
  });

  it('has the same pdf message keys in every language', () => {
    expect(keys(de.pdf)).toEqual(keys(en.pdf));
    expect(keys(fr.pdf)).toEqual(keys(en.pdf));
  });
});
