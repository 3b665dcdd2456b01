import { EventEmitter } from 'node:events';
import fontkit from '@pdf-lib/fontkit';
import type { PDFFont } from 'pdf-lib';

/*
 * Text measurement for the documents, with the same numbers as pdf-lib's PDFFont.widthOfTextAtSize and the same PDF
 * bytes, without shaping the same text again and again:
 *
 * - A font file is parsed once per process (its tables: cmap, hmtx, GSUB, GPOS, glyf ...). Each document still gets its
 *   own fontkit font object (a thin object on top of the parsed one), with its own glyph objects and layout engine,
 *   as pdf-lib had with fontkit.create per document: which code points a glyph object carries (the ToUnicode map of
 *   the embedded subset) stays decided inside the document.
 * - A width is cached per text. Across documents only for text whose glyphs do not depend on what the document laid
 *   out before ("safe" text, see SharedFace.safe); with the getGlyph calls its layout made, which are replayed into the
 *   next document's font object when it measures that text, so that the document's glyph objects are the ones a
 *   fresh layout would have made. Other text is cached within its document only.
 * - For text whose width is the sum of its words' and spaces' (`additive`), wrap measures words, not growing lines.
 * - An embedded subset is encoded once per glyph set (fontkit's TTFSubset output depends on the font and its glyph
 *   list only), and compressed once (fontFileDeflated), since most documents use the same glyphs.
 */

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface GlyphRun {
  glyphs: Glyph[];
  script: string;
}

interface FontkitSubset {
  glyphs: number[];
  encodeStream(): EventEmitter;
}

interface FontkitFont {
  createSubset(): FontkitSubset;
  layout(text: string, features?: unknown, script?: string): GlyphRun;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  glyphForCodePoint(codePoint: number): Glyph;
  readonly unitsPerEm: number;
  readonly postscriptName: string | null;
  readonly characterSet: number[];
  readonly GSUB?: { lookupList?: { toArray(): GsubLookup[] } };
}

interface GsubLookup {
  lookupType: number;
  subTables: unknown[];
}

interface Measured {
  /** pdf-lib's `totalWidth`: the glyphs' advanceWidth * (1000 / unitsPerEm), summed in order. */
  units: number;
  /** The glyphs it laid out. */
  ids: number[];
  /** The getGlyph calls the layout made, in order (glyph id, code points). */
  calls: [number, number[]][];
}

/** Most cached measurements kept per font file (then the cache starts again). */
const MAX_CACHED = 20_000;
/** Most encoded subsets kept per font file. */
const MAX_SUBSETS = 32;

interface EncodedSubset {
  bytes: Uint8Array;
  /** What pdf-lib's flateStream made of it. */
  deflated?: Uint8Array;
}

/** Every cached subset's bytes by length, to recognise them when pdf-lib compresses the font file. */
const subsetsByLength = new Map<number, EncodedSubset[]>();

function forgetSubset(e: EncodedSubset): void {
  const list = subsetsByLength.get(e.bytes.length)?.filter((x) => x !== e);
  if (list?.length) subsetsByLength.set(e.bytes.length, list);
  else subsetsByLength.delete(e.bytes.length);
}

/**
 * For pdf-lib's PDFContext.flateStream: the compressed bytes of a font file that is one of the cached subsets (the
 * same bytes: the same compressed stream), computed with `deflate` the first time; undefined for other contents.
 */
export function fontFileDeflated(contents: Uint8Array, deflate: () => Uint8Array): Uint8Array | undefined {
  const e = subsetsByLength.get(contents.length)?.find((x) => Buffer.compare(x.bytes, contents) === 0);
  if (!e) return undefined;
  e.deflated ??= deflate();
  return e.deflated;
}

/** Code points that may be measured word by word: Latin and common punctuation, no marks, no ignorables. */
const ADDITIVE_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x24f],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027],
  [0x2030, 0x2043],
  // not U+2044 FRACTION SLASH: fontkit shapes the digits around it
  [0x2045, 0x205e],
  [0x20a0, 0x20c0],
];

const inRanges = (cp: number) => ADDITIVE_RANGES.some(([a, b]) => cp >= a && cp <= b);

/** One font file, parsed once per process. */
class SharedFace {
  readonly scale: number;
  /** Widths add up over words and spaces (the font's GSUB does not reach across a space in Latin text, checked for DejaVu Sans). */
  readonly additiveFont: boolean;
  readonly measured = new Map<string, Measured>();
  /** Encoded subsets by their glyph list. */
  readonly subsets = new Map<string, EncodedSubset>();
  private readonly safeCodePoints = new Map<number, boolean>();
  private multiMapped?: Set<number>;
  private substituted?: Set<number> | null;
  private scripts?: { latin: string; none: string };

  constructor(readonly proto: FontkitFont) {
    this.scale = 1000 / proto.unitsPerEm;
    // Sums of advanceWidth * scale are exact (so add up in any order) when scale has few binary digits.
    this.additiveFont = /^DejaVuSans(-Bold)?$/.test(proto.postscriptName ?? '') && Number.isInteger(this.scale * 65536) && this.scale < 64;
    // Shared by the documents' font objects: the cmap lookup holds no glyph objects.
    void (proto as unknown as { _cmapProcessor: unknown })._cmapProcessor;
  }

  /** A font object for one document: parsed tables shared, glyph objects and layout engine its own. */
  documentFont(): FontkitFont {
    const font = Object.create(this.proto) as FontkitFont & { _glyphs: Record<number, Glyph> };
    font._glyphs = {};
    return font;
  }

  /** The scripts fontkit picks for text with a Latin letter and for text without any letter. */
  scriptTags(): { latin: string; none: string } {
    if (!this.scripts) {
      const scratch = this.documentFont();
      this.scripts = { latin: scratch.layout('a').script, none: scratch.layout('1').script };
    }
    return this.scripts;
  }

  /**
   * Text whose layout makes the same glyphs whatever the document laid out before: each code point maps to a glyph
   * that no other code point maps to and that no substitution produces (so every glyph object of it carries just that
   * code point), no default-ignorable characters, Latin and common punctuation only.
   */
  safe(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      let ok = this.safeCodePoints.get(cp);
      if (ok === undefined) {
        ok = this.safeCodePoint(cp);
        this.safeCodePoints.set(cp, ok);
      }
      if (!ok) return false;
    }
    return true;
  }

  private safeCodePoint(cp: number): boolean {
    if (!inRanges(cp)) return false;
    const substituted = this.substitutedGlyphs();
    if (!substituted) return false;
    const id = cmapLookup(this.proto, cp);
    return id !== 0 && !this.multiMappedGlyphs().has(id) && !substituted.has(id);
  }

  private multiMappedGlyphs(): Set<number> {
    if (!this.multiMapped) {
      const seen = new Set<number>();
      const multi = new Set<number>();
      for (const cp of this.proto.characterSet) {
        const id = cmapLookup(this.proto, cp);
        if (seen.has(id)) multi.add(id);
        seen.add(id);
      }
      this.multiMapped = multi;
    }
    return this.multiMapped;
  }

  /** Every glyph a GSUB lookup can output; null when a lookup is of a kind not read here (then nothing is safe). */
  private substitutedGlyphs(): Set<number> | null {
    if (this.substituted !== undefined) return this.substituted;
    const out = new Set<number>();
    try {
      for (const lookup of this.proto.GSUB?.lookupList?.toArray() ?? []) {
        for (const table of lookup.subTables) {
          if (!collectOutputs(lookup.lookupType, table, out)) {
            this.substituted = null;
            return null;
          }
        }
      }
    } catch {
      this.substituted = null;
      return null;
    }
    this.substituted = out;
    return out;
  }
}

type Lazy<T> = T[] | { toArray(): T[] };
const arr = <T>(x: Lazy<T> | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : x.toArray());

function coverageGlyphs(cov: { glyphs?: number[]; rangeRecords?: { start: number; end: number }[] }): number[] {
  if (cov.glyphs) return arr(cov.glyphs);
  const out: number[] = [];
  for (const r of arr(cov.rangeRecords)) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

/** Adds the glyphs a GSUB subtable can output; false for a kind it does not know. */
function collectOutputs(type: number, table: unknown, out: Set<number>): boolean {
  const t = table as Record<string, unknown>;
  switch (type) {
    case 1: {
      if (t.version === 1) {
        for (const g of coverageGlyphs(t.coverage as never)) out.add((g + (t.deltaGlyphID as number)) & 0xffff);
      } else if (t.version === 2) {
        for (const g of arr(t.substitute as Lazy<number>)) out.add(g);
      } else return false;
      return true;
    }
    case 2:
      for (const seq of arr(t.sequences as Lazy<Lazy<number>>)) for (const g of arr(seq)) out.add(g);
      return true;
    case 3:
      for (const set of arr(t.alternateSet as Lazy<Lazy<number>>)) for (const g of arr(set)) out.add(g);
      return true;
    case 4:
      for (const set of arr(t.ligatureSets as Lazy<Lazy<{ glyph: number }>>)) for (const lig of arr(set)) out.add(lig.glyph);
      return true;
    case 5:
    case 6:
      // Contextual: they apply other lookups, whose outputs are collected with those lookups.
      return true;
    case 7: {
      const ext = t as { lookupType?: number; extension?: unknown };
      return ext.lookupType !== undefined && ext.extension !== undefined && collectOutputs(ext.lookupType, ext.extension, out);
    }
    default:
      return false;
  }
}

const shared = new WeakMap<Uint8Array, SharedFace>();

function sharedFace(bytes: Uint8Array): SharedFace {
  let face = shared.get(bytes);
  if (!face) {
    face = new SharedFace(fontkit.create(bytes) as unknown as FontkitFont);
    shared.set(bytes, face);
  }
  return face;
}

function cmapLookup(font: FontkitFont, cp: number): number {
  return (font as unknown as { _cmapProcessor: { lookup(cp: number): number } })._cmapProcessor.lookup(cp);
}

/** The document font behind each fontkit font object that documentFontkit handed to pdf-lib. */
const byFontObject = new WeakMap<object, DocumentFont>();

/** A font as embedded in one document: its fontkit font object and its measurements. */
export class DocumentFont {
  /** Within this document: text → pdf-lib's totalWidth. */
  private readonly local = new Map<string, number>();
  /** Shared measurements whose glyphs this document's font object has (made or replayed). */
  private readonly replayed = new Set<string>();
  private readonly base: FontkitFont;

  constructor(
    private readonly face: SharedFace,
    readonly font: FontkitFont,
  ) {
    this.base = Object.getPrototypeOf(font) as FontkitFont;
    // pdf-lib lays out every line it draws (encodeText, with its features: none): from the cache for safe text.
    const own = font as { layout: FontkitFont['layout'] };
    own.layout = (text: string, features?: unknown, script?: string, ...rest: unknown[]) => {
      if (typeof text === 'string' && features === undefined && script === undefined && rest.every((r) => r === undefined)) {
        const run = this.cachedRun(text);
        if (run) return run;
      }
      return (this.base.layout as (...args: unknown[]) => GlyphRun).call(font, text, features, script, ...rest);
    };
    (font as { createSubset: FontkitFont['createSubset'] }).createSubset = () => this.subset();
  }

  /** fontkit's subset, whose encodeStream gives the bytes encoded before for the same glyph list. */
  private subset(): FontkitSubset {
    const subset = this.base.createSubset.call(this.font);
    const encode = subset.encodeStream.bind(subset);
    const cache = this.face.subsets;
    subset.encodeStream = () => {
      const key = subset.glyphs.join(',');
      const out = new EventEmitter();
      const hit = cache.get(key);
      if (hit) {
        process.nextTick(() => {
          out.emit('data', hit.bytes);
          out.emit('end');
        });
        return out;
      }
      const parts: Uint8Array[] = [];
      encode()
        .on('data', (b: Uint8Array) => parts.push(b))
        .on('error', (err: unknown) => out.emit('error', err))
        .on('end', () => {
          const entry: EncodedSubset = { bytes: Buffer.concat(parts) };
          if (cache.size >= MAX_SUBSETS) {
            const [oldKey, old] = cache.entries().next().value as [string, EncodedSubset];
            cache.delete(oldKey);
            forgetSubset(old);
          }
          cache.set(key, entry);
          subsetsByLength.set(entry.bytes.length, [...(subsetsByLength.get(entry.bytes.length) ?? []), entry]);
          out.emit('data', entry.bytes);
          out.emit('end');
        });
      return out;
    };
    return subset;
  }

  /** The measurements of a font that pdf-lib embedded with documentFontkit's font object. */
  static of(font: PDFFont): DocumentFont | undefined {
    const embedded = (font as unknown as { embedder: { font?: object } }).embedder.font;
    return embedded ? byFontObject.get(embedded) : undefined;
  }

  /** What pdf-lib's widthOfTextAtSize(text, size) answers for this font. */
  width(text: string, size: number): number {
    return this.units(text) * (size / 1000);
  }

  /** The text may be wrapped by words (see wrap in pdfLayout.ts): same breaks as measuring each line. */
  additive(text: string): boolean {
    return this.face.additiveFont && this.face.safe(text);
  }

  /** pdf-lib's totalWidth of one word (or a space) laid out in the script of the line it would be on. */
  wordUnits(word: string, latin: boolean): number {
    return this.wordEntry(word, latin).units;
  }

  private wordEntry(word: string, latin: boolean): Measured {
    const tags = this.face.scriptTags();
    const script = latin ? tags.latin : tags.none;
    return this.entry(`${script}\u0000${word}`, word, script);
  }

  private units(text: string): number {
    if (this.face.safe(text)) return this.entry(`\u0000${text}`, text, undefined).units;
    let u = this.local.get(text);
    if (u === undefined) {
      u = this.layout(text, undefined, null).units;
      this.local.set(text, u);
    }
    return u;
  }

  /**
   * The glyph run a fresh layout of safe text makes, from this document's glyph objects: cached whole, or (text
   * with spaces, additive font) its words' and spaces' runs one after the other.
   */
  private cachedRun(text: string): GlyphRun | undefined {
    if (!this.face.safe(text)) return undefined;
    const key = `\u0000${text}`;
    let ids: number[];
    if (this.face.additiveFont && text.includes(' ') && !this.face.measured.has(key)) {
      const latin = hasLatin(text);
      const space = this.wordEntry(' ', latin).ids;
      ids = [];
      text.split(' ').forEach((word, i) => {
        if (i > 0) ids.push(...space);
        ids.push(...this.wordEntry(word, latin).ids);
      });
    } else {
      ids = this.entry(key, text, undefined).ids;
    }
    const made = (this.font as unknown as { _glyphs: Record<number, Glyph | undefined> })._glyphs;
    const glyphs: Glyph[] = [];
    for (const id of ids) {
      const g = made[id];
      // Every glyph of a replayed run exists in this document; otherwise lay it out afresh.
      if (!g) return undefined;
      glyphs.push(g);
    }
    return { glyphs, script: hasLatin(text) ? this.face.scriptTags().latin : this.face.scriptTags().none };
  }

  /** A measurement shared across documents (safe text only): replays its glyph calls into this document once. */
  private entry(key: string, text: string, script: string | undefined): Measured {
    const m = this.face.measured.get(key);
    if (m) {
      if (!this.replayed.has(key)) {
        for (const [id, cps] of m.calls) this.font.getGlyph(id, [...cps]);
        this.replayed.add(key);
      }
      return m;
    }
    const fresh = this.layout(text, script, []);
    if (this.face.measured.size >= MAX_CACHED) this.face.measured.clear();
    this.face.measured.set(key, fresh);
    this.replayed.add(key);
    return fresh;
  }

  /** Lays the text out as pdf-lib does (its features: none), optionally recording the getGlyph calls. */
  private layout(text: string, script: string | undefined, calls: [number, number[]][] | null): Measured {
    const font = this.font;
    const own = font as { getGlyph: FontkitFont['getGlyph'] };
    if (calls) {
      own.getGlyph = (id: number, codePoints: number[] = []) => {
        calls.push([id, [...codePoints]]);
        return this.base.getGlyph.call(font, id, codePoints);
      };
    }
    try {
      const run = script === undefined ? this.base.layout.call(font, text, undefined) : this.base.layout.call(font, text, undefined, script);
      let total = 0;
      const ids: number[] = [];
      for (const g of run.glyphs) {
        total += g.advanceWidth * this.face.scale;
        ids.push(g.id);
      }
      return { units: total, ids, calls: calls ?? [] };
    } finally {
      if (calls) delete (own as { getGlyph?: unknown }).getGlyph;
    }
  }
}

const LATIN = /\p{Script=Latin}/u;
/** Whether fontkit shapes this text as Latin (it has a Latin letter); safe text is Latin or common characters. */
export const hasLatin = (s: string): boolean => LATIN.test(s);

/**
 * A fontkit for pdf-lib's registerFontkit: create() parses a font file once per process and hands out a new font
 * object on top of it each time (one per embedded font, as fontkit.create did), whose measurements DocumentFont.of finds.
 */
export const documentFontkit: typeof fontkit = {
  ...fontkit,
  create: (bytes: Uint8Array) => {
    const face = sharedFace(bytes);
    const f = new DocumentFont(face, face.documentFont());
    byFontObject.set(f.font, f);
    return f.font as unknown as ReturnType<typeof fontkit.create>;
  },
};
