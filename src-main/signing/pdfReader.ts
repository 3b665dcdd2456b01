import type {
  PDFObject} from 'pdf-lib';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFHexString,
  decodePDFRawStream,
} from 'pdf-lib';
import { PdfSignatureError } from './errors';

export interface XrefEntry {
  objectNumber: number;
  generation: number;
  /** Byte offset of `N G obj` (uncompressed objects). */
  offset?: number;
  /** Compressed objects: the object stream holding it and its index there. */
  inStream?: { streamNumber: number; index: number };
  free?: boolean;
}

export interface XrefSection {
  /** Offset of the `xref` keyword or of the cross-reference stream object. */
  offset: number;
  kind: 'table' | 'stream';
  trailer: PDFDict;
  entries: XrefEntry[];
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/**
 * One parser and what it parsed, kept for the life of the process. When no instance of pdf-lib's parser classes is
 * left, a full GC can drop their hidden classes and V8 throws the optimized parser code away ("weak objects" deopts),
 * so the few objects that signing reads are parsed by cold code after every full GC. Keeping one alive avoids part of
 * that (measured: ~0.2 ms of the ~1 ms that reading a 20 MB PDF's structure costs after a forced GC).
 */
const retained: unknown[] = [];
{
  const parser = PDFObjectParser.forBytes(Buffer.from('<< /A [1 0 R 2.5 (s) <00> /N true null] /B << /C 3 >> >>', 'latin1'), PDFContext.create());
  retained.push(parser, parser.parseObject());
}

/**
 * Reads the structure of a PDF lazily: the cross-reference sections (classic tables and streams, /Prev and /XRefStm
 * chains) from the end of the file, and single objects on demand with pdf-lib's object parser. Never parses the whole
 * file, so a 20 MB document costs a few objects, not a full load.
 */
export class PdfReader {
  readonly context = PDFContext.create();
  /** Newest entry per object number. */
  readonly entries = new Map<number, XrefEntry>();
  /** Newest first. */
  readonly sections: XrefSection[] = [];
  readonly startXref: number;
  private readonly cache = new Map<number, PDFObject>();
  private readonly objectStreams = new Map<number, { bytes: Uint8Array; offsets: Map<number, number> }>();

  private constructor(readonly bytes: Uint8Array) {
    this.startXref = findStartXref(bytes);
    const seen = new Set<number>();
    const queue = [this.startXref];
    while (queue.length) {
      const at = queue.shift()!;
      if (seen.has(at)) continue;
      seen.add(at);
      const section = this.readSection(at);
      this.sections.push(section);
      for (const e of section.entries) if (!this.entries.has(e.objectNumber)) this.entries.set(e.objectNumber, e);
      const xrefStm = section.trailer.get(PDFName.of('XRefStm'));
      if (xrefStm instanceof PDFNumber) queue.unshift(xrefStm.asNumber());
      const prev = section.trailer.get(PDFName.of('Prev'));
      if (prev instanceof PDFNumber) queue.push(prev.asNumber());
    }
  }

  static open(bytes: Uint8Array): PdfReader {
    try {
      return new PdfReader(bytes);
    } catch (e) {
      if (e instanceof PdfSignatureError) throw e;
      throw new PdfSignatureError('The PDF cross-reference could not be read.', { cause: (e as Error).message });
    }
  }

  /** The newest trailer (dictionary of the last cross-reference section). */
  get trailer(): PDFDict {
    return this.sections[0]!.trailer;
  }

  get kind(): 'table' | 'stream' {
    return this.sections[0]!.kind;
  }

  /** The trailer's /Size: the next free object number. */
  get size(): number {
    const n = this.trailer.get(PDFName.of('Size'));
    const fromXref = Math.max(0, ...this.entries.keys()) + 1;
    return Math.max(n instanceof PDFNumber ? n.asNumber() : 0, fromXref);
  }

  resolve(obj: PDFObject | undefined): PDFObject | undefined {
    if (!(obj instanceof PDFRef)) return obj;
    return this.object(obj.objectNumber);
  }

  dict(obj: PDFObject | undefined): PDFDict | undefined {
    const v = this.resolve(obj);
    if (v instanceof PDFDict) return v;
    if (v instanceof PDFRawStream) return v.dict;
    return undefined;
  }

  array(obj: PDFObject | undefined): PDFArray | undefined {
    const v = this.resolve(obj);
    return v instanceof PDFArray ? v : undefined;
  }

  name(obj: PDFObject | undefined): string | undefined {
    const v = this.resolve(obj);
    return v instanceof PDFName ? v.decodeText() : undefined;
  }

  number(obj: PDFObject | undefined): number | undefined {
    const v = this.resolve(obj);
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  }

  text(obj: PDFObject | undefined): string | undefined {
    const v = this.resolve(obj);
    return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
  }

  generation(objectNumber: number): number {
    return this.entries.get(objectNumber)?.generation ?? 0;
  }

  object(objectNumber: number): PDFObject | undefined {
    const cached = this.cache.get(objectNumber);
    if (cached) return cached;
    const e = this.entries.get(objectNumber);
    if (!e || e.free) return undefined;
    const obj = e.inStream ? this.fromObjectStream(e.inStream.streamNumber, objectNumber) : this.objectAt(e.offset!, objectNumber);
    this.cache.set(objectNumber, obj);
    return obj;
  }

  /** Parses `N G obj <object>` at `offset`. */
  objectAt(offset: number, expected?: number): PDFObject {
    const head = latin1(this.bytes, offset, Math.min(this.bytes.length, offset + 64));
    const m = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(head);
    if (!m) throw new PdfSignatureError('A cross-reference entry does not point to an object.', { offset });
    if (expected !== undefined && Number(m[1]) !== expected) {
      throw new PdfSignatureError('A cross-reference entry points to another object.', { offset, expected, found: Number(m[1]) });
    }
    const parser = PDFObjectParser.forBytes(this.bytes.subarray(offset + Buffer.byteLength(m[0], 'latin1')), this.context);
    return parser.parseObject();
  }

  private fromObjectStream(streamNumber: number, objectNumber: number): PDFObject {
    let os = this.objectStreams.get(streamNumber);
    if (!os) {
      const stream = this.object(streamNumber);
      if (!(stream instanceof PDFRawStream)) throw new PdfSignatureError('An object stream is missing.', { streamNumber });
      const bytes = decodePDFRawStream(stream).decode();
      const first = stream.dict.get(PDFName.of('First'));
      const n = stream.dict.get(PDFName.of('N'));
      if (!(first instanceof PDFNumber) || !(n instanceof PDFNumber)) throw new PdfSignatureError('A broken object stream.', { streamNumber });
      const header = latin1(bytes, 0, first.asNumber()).trim().split(/\s+/).map(Number);
      const offsets = new Map<number, number>();
      for (let i = 0; i + 1 < header.length && i / 2 < n.asNumber(); i += 2) offsets.set(header[i]!, first.asNumber() + header[i + 1]!);
      os = { bytes, offsets };
      this.objectStreams.set(streamNumber, os);
    }
    const at = os.offsets.get(objectNumber);
    if (at === undefined) throw new PdfSignatureError('An object is not in its object stream.', { streamNumber, objectNumber });
    return PDFObjectParser.forBytes(os.bytes.subarray(at), this.context).parseObject();
  }

  private readSection(offset: number): XrefSection {
    const head = latin1(this.bytes, offset, Math.min(this.bytes.length, offset + 16));
    if (/^\s*xref/.test(head)) return this.readTable(offset);
    const obj = this.objectAt(offset);
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Type'))?.toString() !== '/XRef') {
      throw new PdfSignatureError('startxref does not point to a cross-reference section.', { offset });
    }
    return { offset, kind: 'stream', trailer: obj.dict, entries: parseXrefStream(obj) };
  }

  private readTable(offset: number): XrefSection {
    const entries: XrefEntry[] = [];
    // Find the trailer keyword; the table is plain text before it.
    const trailerAt = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).indexOf('trailer', offset, 'latin1');
    if (trailerAt < 0) throw new PdfSignatureError('A cross-reference table has no trailer.', { offset });
    const lines = latin1(this.bytes, offset, trailerAt).trim().split(/\r\n|\r|\n/);
    let next = 0;
    for (const raw of lines.slice(1)) {
      const line = raw.trim();
      if (!line) continue;
      const parts = line.split(/\s+/);
      if (parts.length === 2) {
        next = Number(parts[0]);
        continue;
      }
      if (parts.length === 3) {
        entries.push({ objectNumber: next, generation: Number(parts[1]), offset: Number(parts[0]), free: parts[2] === 'f' });
        next += 1;
      }
    }
    const trailer = PDFObjectParser.forBytes(this.bytes.subarray(trailerAt + 'trailer'.length), this.context).parseObject();
    if (!(trailer instanceof PDFDict)) throw new PdfSignatureError('A broken trailer.', { offset });
    return { offset, kind: 'table', trailer, entries };
  }
}

function parseXrefStream(stream: PDFRawStream): XrefEntry[] {
  const dict = stream.dict;
  const data = decodePDFRawStream(stream).decode();
  const w = (dict.get(PDFName.of('W')) as PDFArray).asArray().map((x) => (x as PDFNumber).asNumber());
  const size = (dict.get(PDFName.of('Size')) as PDFNumber).asNumber();
  const indexArr = dict.get(PDFName.of('Index'));
  const index = indexArr instanceof PDFArray ? indexArr.asArray().map((x) => (x as PDFNumber).asNumber()) : [0, size];
  const [w0, w1, w2] = [w[0] ?? 1, w[1] ?? 0, w[2] ?? 0];
  const entries: XrefEntry[] = [];
  let pos = 0;
  const field = (width: number) => {
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + data[pos++]!;
    return v;
  };
  for (let s = 0; s + 1 < index.length; s += 2) {
    for (let k = 0; k < index[s + 1]!; k++) {
      const type = w0 === 0 ? 1 : field(w0);
      const f2 = field(w1);
      const f3 = field(w2);
      const objectNumber = index[s]! + k;
      if (type === 0) entries.push({ objectNumber, generation: f3, free: true });
      else if (type === 1) entries.push({ objectNumber, generation: f3, offset: f2 });
      else if (type === 2) entries.push({ objectNumber, generation: 0, inStream: { streamNumber: f2, index: f3 } });
    }
  }
  return entries;
}

/** The offset after the last `startxref`. */
export function findStartXref(bytes: Uint8Array): number {
  const tailFrom = Math.max(0, bytes.length - 4096);
  const tail = latin1(bytes, tailFrom, bytes.length);
  const at = tail.lastIndexOf('startxref');
  if (at < 0) throw new PdfSignatureError('Not a PDF: no startxref at the end of the file.');
  const m = /^startxref\s+(\d+)/.exec(tail.slice(at));
  if (!m) throw new PdfSignatureError('Not a PDF: a broken startxref.');
  return Number(m[1]);
}

/** Offsets just after each `%%EOF` marker (and its end of line): the ends of the file's revisions. */
export function revisionEnds(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  let at = buf.indexOf('%%EOF', 0, 'latin1');
  while (at >= 0) {
    let end = at + 5;
    if (buf[end] === 0x0d) end++;
    if (buf[end] === 0x0a) end++;
    ends.push(end);
    at = buf.indexOf('%%EOF', at + 5, 'latin1');
  }
  return ends;
}
