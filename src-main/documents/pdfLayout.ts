import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFFont, PDFPage} from 'pdf-lib';
import { PDFDocument, rgb, type PDFRawStream, type RGB } from 'pdf-lib';
import { DocumentFont, documentFontkit, fontFileDeflated, hasLatin } from './fontMetrics';

export type DocumentLocale = 'de' | 'fr' | 'en';

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface DocumentOptions {
  /** Font files (TTF) to embed; default DejaVu Sans from `fontsDir`. */
  fonts?: FontBytes;
  /** Folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf; default resources/fonts of the app. */
  fontsDir?: string;
}

/** resources/fonts: from the source tree; a packaged app passes its own `fontsDir` (process.resourcesPath). */
export const defaultFontsDir = (): string =>
  process.env.GUICHET_FONTS_DIR ?? fileURLToPath(new URL('../../resources/fonts', import.meta.url));

const fontCache = new Map<string, Promise<FontBytes>>();

export function loadFonts(dir = defaultFontsDir()): Promise<FontBytes> {
  let p = fontCache.get(dir);
  if (!p) {
    p = Promise.all([readFile(join(dir, 'DejaVuSans.ttf')), readFile(join(dir, 'DejaVuSans-Bold.ttf'))]).then(([regular, bold]) => ({
      regular,
      bold,
    }));
    p.catch(() => fontCache.delete(dir));
    fontCache.set(dir, p);
  }
  return p;
}

export const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 56;
const MARGIN_TOP = 60;
const MARGIN_BOTTOM = 64;

export const colors = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.45),
  rule: rgb(0.78, 0.8, 0.84),
  accent: rgb(0.0, 0.29, 0.55),
  band: rgb(0.93, 0.95, 0.97),
};

export interface TextStyle {
  font?: 'regular' | 'bold';
  size?: number;
  color?: RGB;
}

/**
 * A small flowing layout over pdf-lib: A4 pages, a running header, wrapped paragraphs, label/value rows, page breaks
 * and "page x of y" footers. Fonts are embedded as subsets (DejaVu Sans covers de, fr and en).
 */
export class PdfFlow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly width = A4[0] - 2 * MARGIN_X;
  readonly left = MARGIN_X;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly header: string,
  ) {}

  static async create(opts: DocumentOptions & { title: string; header: string; locale: DocumentLocale; date: Date; subject?: string }): Promise<PdfFlow> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const fonts = opts.fonts ?? (await loadFonts(opts.fontsDir));
    // The font files are parsed once per process; each document gets its own glyph objects (see fontMetrics.ts).
    doc.registerFontkit(documentFontkit);
    // The embedded font files: compressed once per glyph set (the same bytes compress to the same stream).
    const context = doc.context;
    const flate = context.flateStream.bind(context);
    context.flateStream = (contents, dict = {}) => {
      const bytes = typeof contents === 'string' ? undefined : fontFileDeflated(contents, () => (flate(contents, dict) as PDFRawStream).contents);
      return bytes ? context.stream(bytes, { ...dict, Filter: 'FlateDecode' }) : flate(contents, dict);
    };
    const [regular, bold] = await Promise.all([doc.embedFont(fonts.regular, { subset: true }), doc.embedFont(fonts.bold, { subset: true })]);
    doc.setTitle(clean(opts.title), { showInWindowTitleBar: true });
    if (opts.subject) doc.setSubject(clean(opts.subject));
    doc.setLanguage(opts.locale);
    doc.setProducer('Guichet Desktop');
    doc.setCreator('Guichet Desktop');
    doc.setCreationDate(opts.date);
    doc.setModificationDate(opts.date);
    const flow = new PdfFlow(doc, regular, bold, clean(opts.header));
    flow.newPage();
    return flow;
  }

  font(style?: TextStyle): PDFFont {
    return style?.font === 'bold' ? this.bold : this.regular;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    const top = A4[1] - MARGIN_TOP + 24;
    if (this.header) {
      const size = 8;
      const text = this.fit(this.header, this.regular, size, this.width);
      this.page.drawText(text, { x: this.left, y: top, size, font: this.regular, color: colors.muted });
      this.page.drawLine({ start: { x: this.left, y: top - 6 }, end: { x: this.left + this.width, y: top - 6 }, thickness: 0.5, color: colors.rule });
    }
    this.y = A4[1] - MARGIN_TOP;
  }

  /** Starts a new page unless `height` still fits. */
  ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  space(h: number): void {
    this.y -= h;
  }

  paragraph(text: string, style: TextStyle = {}, indent = 0): void {
    const size = style.size ?? 10;
    const font = this.font(style);
    const lineHeight = size * 1.35;
    for (const line of wrap(clean(text), font, size, this.width - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: this.left + indent, y: this.y + size * 0.3, size, font, color: style.color ?? colors.text });
    }
  }

  heading(text: string, size = 13): void {
    this.ensure(size * 1.35 * 2 + 24);
    this.space(10);
    this.paragraph(text, { font: 'bold', size, color: colors.accent });
    this.page.drawLine({ start: { x: this.left, y: this.y - 3 }, end: { x: this.left + this.width, y: this.y - 3 }, thickness: 0.6, color: colors.rule });
    this.space(8);
  }

  /** How much height paragraph() takes for this text (to keep a block together). */
  paragraphHeight(text: string, style: TextStyle = {}, indent = 0): number {
    const size = style.size ?? 10;
    return wrap(clean(text), this.font(style), size, this.width - indent).length * size * 1.35;
  }

  /** How much height row() takes for this label and value. */
  rowHeight(label: string, value: string, opts: { labelRatio?: number; size?: number } = {}): number {
    const size = opts.size ?? 10;
    return this.rowLines(label, value, opts).n * size * 1.35 + 4;
  }

  /** The height heading() takes. */
  headingHeight(size = 13): number {
    return 10 + size * 1.35 + 8;
  }

  private rowLines(label: string, value: string, opts: { labelRatio?: number; size?: number }) {
    const size = opts.size ?? 10;
    const labelWidth = this.width * (opts.labelRatio ?? 0.38);
    const gap = 12;
    const valueWidth = this.width - labelWidth - gap;
    const labelLines = wrap(clean(label), this.bold, size, labelWidth);
    const valueLines = wrap(clean(value) || '—', this.regular, size, valueWidth);
    return { labelWidth, gap, labelLines, valueLines, n: Math.max(labelLines.length, valueLines.length) };
  }

  /** A label/value row in two columns; long values wrap and break across pages line by line. */
  row(label: string, value: string, opts: { labelRatio?: number; size?: number } = {}): void {
    const size = opts.size ?? 10;
    const lineHeight = size * 1.35;
    const { labelWidth, gap, labelLines, valueLines, n } = this.rowLines(label, value, opts);
    // Keep short rows together; long ones flow.
    this.ensure(Math.min(n, 4) * lineHeight + 4);
    for (let i = 0; i < n; i++) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const base = this.y + size * 0.3;
      if (labelLines[i]) this.page.drawText(labelLines[i]!, { x: this.left, y: base, size, font: this.bold, color: colors.muted });
      if (valueLines[i]) this.page.drawText(valueLines[i]!, { x: this.left + labelWidth + gap, y: base, size, font: this.regular, color: colors.text });
    }
    this.space(4);
  }

  rule(): void {
    this.ensure(10);
    this.space(5);
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness: 0.5, color: colors.rule });
    this.space(5);
  }

  /** A shaded box with big text (reference or eTracking number). */
  banner(label: string, value: string, valueSize = 22): void {
    const h = valueSize + 34;
    this.ensure(h + 8);
    this.y -= h;
    this.page.drawRectangle({ x: this.left, y: this.y, width: this.width, height: h, color: colors.band, borderColor: colors.rule, borderWidth: 0.6 });
    this.page.drawText(this.fit(clean(label), this.regular, 9, this.width - 24), { x: this.left + 12, y: this.y + h - 18, size: 9, font: this.regular, color: colors.muted });
    const v = this.fit(clean(value), this.bold, valueSize, this.width - 24);
    this.page.drawText(v, { x: this.left + 12, y: this.y + 12, size: valueSize, font: this.bold, color: colors.accent });
    this.space(10);
  }

  /** Page numbers ("Seite 1 von 3") at the bottom of every page, then the bytes. */
  async finish(pageLabel: (page: number, total: number) => string, footer?: string): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach((p, i) => {
      const size = 8;
      const text = clean(pageLabel(i + 1, total));
      const w = widthOf(this.regular, text, size);
      p.drawLine({ start: { x: this.left, y: MARGIN_BOTTOM - 22 }, end: { x: this.left + this.width, y: MARGIN_BOTTOM - 22 }, thickness: 0.5, color: colors.rule });
      p.drawText(text, { x: this.left + this.width - w, y: MARGIN_BOTTOM - 36, size, font: this.regular, color: colors.muted });
      if (footer) {
        p.drawText(this.fit(clean(footer), this.regular, size, this.width - w - 24), { x: this.left, y: MARGIN_BOTTOM - 36, size, font: this.regular, color: colors.muted });
      }
    });
    // Classic cross-reference table: the signing code keeps the original's style in its incremental updates.
    return this.doc.save({ useObjectStreams: false });
  }

  private fit(text: string, font: PDFFont, size: number, width: number): string {
    if (widthOf(font, text, size) <= width) return text;
    let t = text;
    while (t.length > 1 && widthOf(font, t + '…', size) > width) t = t.slice(0, -1);
    return t + '…';
  }
}

/** Text without control characters (tabs become spaces; newlines stay). */
export function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '');
}

/** `font.widthOfTextAtSize(text, size)`, the same number, from the document font's cache when it has one. */
export function widthOf(font: PDFFont, text: string, size: number): number {
  const face = DocumentFont.of(font);
  return face ? face.width(text, size) : font.widthOfTextAtSize(text, size);
}

/** Greedy word wrap by measured width; words longer than a line are cut by characters. Keeps explicit newlines. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const face = DocumentFont.of(font);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (face?.additive(para)) wrapByWords(para, face, size, width, out);
    else wrapByPrefixes(para, font, size, width, out);
  }
  return out;
}

/** The measuring loop itself: each growing line measured whole (any text, any font). */
function wrapByPrefixes(para: string, font: PDFFont, size: number, width: number, out: string[]): void {
  const words = para.split(/ +/);
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (widthOf(font, candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    line = '';
    let rest = word;
    while (widthOf(font, rest, size) > width) {
      let n = rest.length - 1;
      while (n > 1 && widthOf(font, rest.slice(0, n), size) > width) n--;
      out.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  out.push(line);
}

/**
 * The same breaks as wrapByPrefixes, for text whose width is the sum of its words' and spaces' (DocumentFont.additive):
 * each word measured once (cached per font, script and word), a line's width the running sum. The script a candidate
 * line would be shaped with (Latin as soon as it has a Latin letter) is the one its words are measured with.
 */
function wrapByWords(para: string, face: DocumentFont, size: number, width: number, out: string[]): void {
  const scale = size / 1000;
  const words = para.split(/ +/);
  let line = '';
  let lineWords: string[] = [];
  let lineLatin = false;
  let lineUnits = 0;
  const unitsOf = (ws: string[], latin: boolean) => {
    let u = 0;
    ws.forEach((w, i) => {
      if (i > 0) u += face.wordUnits(' ', latin);
      u += face.wordUnits(w, latin);
    });
    return u;
  };
  for (const word of words) {
    const wordLatin = hasLatin(word);
    let candidateUnits: number;
    if (line) {
      const latin = lineLatin || wordLatin;
      // The line's words again in the candidate's script when adding this word changes it (the first Latin letter).
      const base = latin === lineLatin ? lineUnits : unitsOf(lineWords, latin);
      candidateUnits = base + face.wordUnits(' ', latin) + face.wordUnits(word, latin);
    } else {
      candidateUnits = face.wordUnits(word, wordLatin);
    }
    if (candidateUnits * scale <= width) {
      if (line) {
        line = `${line} ${word}`;
        lineWords.push(word);
        lineLatin = lineLatin || wordLatin;
      } else {
        line = word;
        lineWords = [word];
        lineLatin = wordLatin;
      }
      lineUnits = candidateUnits;
      continue;
    }
    if (line) out.push(line);
    let rest = word;
    while (face.width(rest, size) > width) {
      let n = rest.length - 1;
      while (n > 1 && face.width(rest.slice(0, n), size) > width) n--;
      out.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
    lineWords = [rest];
    lineLatin = hasLatin(rest);
    lineUnits = face.wordUnits(rest, lineLatin);
  }
  out.push(line);
}

const localeTags = { de: 'de-LU', fr: 'fr-LU', en: 'en-GB' } as const;
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

export function formatDate(date: Date, locale: DocumentLocale, withTime = true): string {
  const tag = localeTags[locale];
  return formatter(`date ${tag} ${withTime}`, () =>
    new Intl.DateTimeFormat(tag, {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/Luxembourg',
    }),
  ).format(date);
}

export function formatSize(bytes: number, locale: DocumentLocale): string {
  const tag = localeTags[locale];
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 ? 0 : 1;
  return `${formatter(`number ${tag} ${digits}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: digits })).format(v)} ${units[u]}`;
}

/** A SHA-256 hex split in groups for reading aloud / comparing. */
export function formatHash(hex: string): string {
  return hex.toLowerCase().replace(/(.{8})(?=.)/g, '$1 ');
}
