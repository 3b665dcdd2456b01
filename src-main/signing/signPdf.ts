import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { PDFObject} from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { CmsSigner } from './CmsSigner';
import { createCadesSignature } from './cades';
import { NetworkError } from '../../src-shared/errors';
import { PdfSignatureError, TimestampError } from './errors';
import { PdfReader } from './pdfReader';
import { requestTimestamp, type TimestampOptions } from './timestamp';

export type PadesLevel = 'B-B' | 'B-T';

export type SignPdfPhase = 'prepare' | 'hash' | 'sign' | 'timestamp' | 'done';

export interface SignPdfOptions {
  signer: CmsSigner;
  /** Default 'B-B'. 'B-T' needs `tsa`. */
  level?: PadesLevel;
  tsa?: TimestampOptions;
  /** Name of the new signature field; default `Signature<n>`, unique in the document. */
  fieldName?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** /Name in the signature dictionary; default the signer certificate's CN is left to validators (omitted). */
  name?: string;
  /** Claimed signing time, written as /M (not a signed attribute). Default now. */
  signingTime?: Date;
  /** Page that carries the (invisible) signature widget; default 0. */
  pageIndex?: number;
  /** Bytes reserved for the CMS in /Contents (hex doubles it). Default: sized from the certificates and the level. */
  contentsSize?: number;
  onProgress?: (phase: SignPdfPhase) => void;
  /**
   * B-T only: when the TSA cannot be reached or refuses, keep the signature made and give it at level B-B
   * (`level` in the result says which, `timestampFailure` why) rather than fail; the card signs once either way.
   */
  timestampFallback?: boolean;
}

export interface SignPdfResult {
  /**
   * The signed PDF as its two parts, in order: the input itself (the same bytes, not a copy) and `update`. Write or
   * upload them one after the other (`writeSignedPdf`, a stream, a multipart body); a file that holds the input needs
   * only `update` appended.
   */
  readonly parts: readonly [original: Buffer, update: Buffer];
  /** Length of the signed PDF (input + update). */
  readonly length: number;
  /**
   * The signed PDF in one Buffer: a copy of the input followed by `update`, made on first access. Fine for small
   * documents; for a large file use `parts`.
   */
  readonly pdf: Buffer;
  /** The bytes appended to the input (the incremental update with the signature). */
  update: Buffer;
  fieldName: string;
  byteRange: [number, number, number, number];
  /** The CMS SignedData (DER, without the zero padding of /Contents). */
  cms: Buffer;
  level: PadesLevel;
  /** The TSA's time (B-T). */
  timestampTime?: Date;
  /** B-T asked, B-B given (timestampFallback): what the TSA did. */
  timestampFailure?: Error;
}

/**
 * Signs a PDF as PAdES (SubFilter ETSI.CAdES.detached) by appending an incremental update: a signature field with an
 * invisible widget on a page, the /Sig dictionary with /ByteRange and a sized /Contents placeholder, the changed page /
 * AcroForm / catalog objects, and a cross-reference section in the original's style (table or stream) with /Prev. The
 * original bytes are never touched, so earlier signatures stay valid. Only the cross-reference sections and the few
 * objects changed are parsed; the /ByteRange is hashed once, streaming: the input in place, then the update around its
 * placeholder. The signature is written into the placeholder of the update; the input is never copied (see `parts`).
 */
export async function signPdf(input: Uint8Array, options: SignPdfOptions): Promise<SignPdfResult> {
  const level = options.level ?? 'B-B';
  if (level === 'B-T' && !options.tsa) throw new TypeError('B-T needs a time-stamping authority (options.tsa).');
  options.onProgress?.('prepare');
  const original = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const certBytes = options.signer.certificate.length + (options.signer.chain ?? []).reduce((n, c) => n + c.length, 0);
  const contentsSize = options.contentsSize ?? roundUp(4096 + certBytes + (level === 'B-T' ? 6144 + certBytes : 0), 1024);
  const update = buildSignatureUpdate(original, { ...options, contentsSize });

  options.onProgress?.('hash');
  const hash = createHash('sha256');
  hash.update(original);
  hash.update(update.bytes.subarray(0, update.contentsStart));
  hash.update(update.bytes.subarray(update.contentsEnd));
  const contentDigest = hash.digest();

  options.onProgress?.('sign');
  let timestampTime: Date | undefined;
  let timestampFailure: Error | undefined;
  const cms = await createCadesSignature({
    contentDigest,
    signer: options.signer,
    ...(level === 'B-T'
      ? {
          timestamp: async (signatureValue: Buffer) => {
            options.onProgress?.('timestamp');
            try {
              const ts = await requestTimestamp(signatureValue, options.tsa!);
              timestampTime = ts.genTime;
              return ts.token;
            } catch (error) {
              if (!options.timestampFallback || !(error instanceof NetworkError || error instanceof TimestampError)) throw error;
              timestampFailure = error;
              return null;
            }
          },
        }
      : {}),
  });
  const hex = cms.toString('hex');
  const room = update.contentsEnd - update.contentsStart - 2;
  if (hex.length > room) {
    throw new PdfSignatureError('The signature does not fit in the space reserved for it.', { needed: cms.length, reserved: room / 2 });
  }
  update.bytes.write(hex, update.contentsStart + 1, 'latin1');
  options.onProgress?.('done');
  let joined: Buffer | undefined;
  return {
    parts: [original, update.bytes],
    length: original.length + update.bytes.length,
    get pdf() {
      return (joined ??= Buffer.concat([original, update.bytes], original.length + update.bytes.length));
    },
    update: update.bytes,
    fieldName: update.fieldName,
    byteRange: update.byteRange,
    cms,
    level: timestampFailure ? 'B-B' : level,
    ...(timestampTime ? { timestampTime } : {}),
    ...(timestampFailure ? { timestampFailure } : {}),
  };
}

/**
 * Writes a signed PDF to `path` (created or replaced) as its parts, the input and then the update, without joining
 * them into one Buffer.
 */
export async function writeSignedPdf(result: Pick<SignPdfResult, 'parts'>, path: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    const [original, update] = result.parts;
    let written = 0;
    const total = original.length + update.length;
    while (written < total) {
      const rest = written < original.length ? [original.subarray(written), update] : [update.subarray(written - original.length)];
      written += (await file.writev(rest)).bytesWritten;
    }
  } finally {
    await file.close();
  }
}

interface SignatureUpdate {
  /** The appended bytes. */
  bytes: Buffer;
  /** Offsets inside `bytes` of `<` and just after `>` of /Contents. */
  contentsStart: number;
  contentsEnd: number;
  byteRange: [number, number, number, number];
  fieldName: string;
}

interface NewObject {
  ref: PDFRef;
  body: string | Buffer;
}

const BYTE_RANGE_WIDTH = 40;

function buildSignatureUpdate(original: Buffer, options: SignPdfOptions & { contentsSize: number }): SignatureUpdate {
  const reader = PdfReader.open(original);
  const trailer = reader.trailer;
  if (trailer.get(PDFName.of('Encrypt'))) throw new PdfSignatureError('Encrypted PDFs cannot be signed.');
  const rootRef = trailer.get(PDFName.of('Root'));
  if (!(rootRef instanceof PDFRef)) throw new PdfSignatureError('The PDF has no document catalog.');
  const catalog = reader.dict(rootRef);
  if (!catalog) throw new PdfSignatureError('The PDF has no document catalog.');

  const pageRef = findPage(reader, catalog, options.pageIndex ?? 0);
  const page = reader.dict(pageRef)!;
  let nextNumber = reader.size;
  const alloc = () => PDFRef.of(nextNumber++, 0);
  const objects: NewObject[] = [];
  const ctx = reader.context;

  // AcroForm and its fields.
  const acroValue = catalog.get(PDFName.of('AcroForm'));
  const acroForm = reader.dict(acroValue);
  const fieldsValue = acroForm?.get(PDFName.of('Fields'));
  const fields = reader.array(fieldsValue);
  const fieldName = options.fieldName ?? uniqueFieldName(reader, fields);
  if (options.fieldName && existingFieldNames(reader, fields).has(options.fieldName)) {
    throw new PdfSignatureError('A field of that name exists already.', { fieldName: options.fieldName });
  }

  const sigRef = alloc();
  const widgetRef = alloc();

  const newFields = fields ? (fields.clone(ctx) as PDFArray) : PDFArray.withContext(ctx);
  newFields.push(widgetRef);
  const newAcro = acroForm ? (acroForm.clone(ctx) as PDFDict) : PDFDict.withContext(ctx);
  newAcro.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  if (fieldsValue instanceof PDFRef) {
    objects.push({ ref: refWithGen(reader, fieldsValue), body: newFields.toString() });
  } else {
    newAcro.set(PDFName.of('Fields'), newFields);
  }
  if (acroValue instanceof PDFRef) {
    objects.push({ ref: refWithGen(reader, acroValue), body: newAcro.toString() });
  } else {
    const acroRef = alloc();
    objects.push({ ref: acroRef, body: newAcro.toString() });
    const newCatalog = catalog.clone(ctx) as PDFDict;
    newCatalog.set(PDFName.of('AcroForm'), acroRef);
    objects.push({ ref: refWithGen(reader, rootRef), body: newCatalog.toString() });
  }

  // The page's annotations.
  const annotsValue = page.get(PDFName.of('Annots'));
  const annots = reader.array(annotsValue);
  const newAnnots = annots ? (annots.clone(ctx) as PDFArray) : PDFArray.withContext(ctx);
  newAnnots.push(widgetRef);
  if (annotsValue instanceof PDFRef) {
    objects.push({ ref: refWithGen(reader, annotsValue), body: newAnnots.toString() });
  } else {
    const newPage = page.clone(ctx) as PDFDict;
    newPage.set(PDFName.of('Annots'), newAnnots);
    objects.push({ ref: refWithGen(reader, pageRef), body: newPage.toString() });
  }

  // The signature field merged with its invisible widget.
  const widget = PDFDict.withContext(ctx);
  widget.set(PDFName.of('Type'), PDFName.of('Annot'));
  widget.set(PDFName.of('Subtype'), PDFName.of('Widget'));
  widget.set(PDFName.of('FT'), PDFName.of('Sig'));
  widget.set(PDFName.of('T'), PDFHexString.fromText(fieldName));
  widget.set(PDFName.of('V'), sigRef);
  widget.set(PDFName.of('F'), PDFNumber.of(132)); // Print + Locked
  widget.set(PDFName.of('Rect'), ctx.obj([0, 0, 0, 0]));
  widget.set(PDFName.of('P'), pageRef);
  objects.push({ ref: widgetRef, body: widget.toString() });

  // The signature dictionary, with placeholders at known positions.
  const extra: string[] = [];
  const text = (key: string, value: string | undefined) => {
    if (value) extra.push(`/${key} ${textString(value)}`);
  };
  text('Name', options.name);
  text('Reason', options.reason);
  text('Location', options.location);
  text('ContactInfo', options.contactInfo);
  const sigHead = `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/M ${PDFString.fromDate(options.signingTime ?? new Date()).toString()}\n${extra.map((l) => l + '\n').join('')}/ByteRange `;
  const sigByteRange = '[' + ' '.repeat(BYTE_RANGE_WIDTH - 2) + ']';
  const sigContents = '<' + '0'.repeat(options.contentsSize * 2) + '>';
  objects.push({ ref: sigRef, body: `${sigHead}${sigByteRange}\n/Contents ${sigContents}\n>>` });

  objects.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);

  // Write the objects.
  const base = original.length;
  const chunks: Buffer[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push('\n');
  const offsets = new Map<number, { offset: number; gen: number }>();
  let byteRangeAt = -1;
  let contentsAt = -1;
  for (const o of objects) {
    offsets.set(o.ref.objectNumber, { offset: base + length, gen: o.ref.generationNumber });
    const head = `${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`;
    if (o.ref === sigRef) {
      byteRangeAt = length + head.length + sigHead.length;
      contentsAt = byteRangeAt + sigByteRange.length + '\n/Contents '.length;
    }
    push(head);
    push(o.body);
    push('\nendobj\n');
  }

  // The cross-reference section, in the style of the original's last one.
  const xrefOffset = base + length;
  const carried = (['Root', 'Info', 'ID'] as const)
    .map((k) => [k, trailer.get(PDFName.of(k))] as const)
    .filter((e): e is readonly ['Root' | 'Info' | 'ID', PDFObject] => e[1] !== undefined)
    .map(([k, v]) => `/${k} ${v.toString()}`)
    .join(' ');
  if (reader.kind === 'table') {
    push(xrefTable(offsets));
    push(`trailer\n<< /Size ${nextNumber} ${carried} /Prev ${reader.startXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
  } else {
    const xrefNumber = nextNumber++;
    offsets.set(xrefNumber, { offset: xrefOffset, gen: 0 });
    const { index, data } = xrefStreamData(offsets);
    push(
      `${xrefNumber} 0 obj\n<< /Type /XRef /Size ${nextNumber} /Index [${index.join(' ')}] /W [1 4 2] ${carried} /Prev ${reader.startXref} /Length ${data.length} >>\nstream\n`,
    );
    push(data);
    push(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  }

  const bytes = Buffer.concat(chunks, length);
  const contentsStart = contentsAt;
  const contentsEnd = contentsAt + sigContents.length;
  const total = base + length;
  const byteRange: [number, number, number, number] = [0, base + contentsStart, base + contentsEnd, total - (base + contentsEnd)];
  const rangeText = `[${byteRange.join(' ')}]`;
  if (rangeText.length > BYTE_RANGE_WIDTH) throw new PdfSignatureError('The PDF is too large to sign.', { size: total });
  bytes.write(rangeText.slice(0, -1).padEnd(BYTE_RANGE_WIDTH - 1, ' ') + ']', byteRangeAt, 'latin1');
  if (bytes.toString('latin1', contentsStart, contentsStart + 1) !== '<' || bytes[contentsEnd - 1] !== 0x3e) {
    throw new Error('Signature placeholder offsets are wrong.');
  }
  return { bytes, contentsStart, contentsEnd, byteRange, fieldName };
}

function refWithGen(reader: PdfReader, ref: PDFRef): PDFRef {
  return PDFRef.of(ref.objectNumber, reader.generation(ref.objectNumber) || ref.generationNumber);
}

function xrefTable(offsets: Map<number, { offset: number; gen: number }>): string {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let out = 'xref\n';
  let i = 0;
  while (i < numbers.length) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(numbers[k]!)!;
      out += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  return out;
}

function xrefStreamData(offsets: Map<number, { offset: number; gen: number }>): { index: number[]; data: Buffer } {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const index: number[] = [];
  const data = Buffer.alloc(numbers.length * 7);
  let i = 0;
  numbers.forEach((n, k) => {
    const e = offsets.get(n)!;
    if (k === 0 || numbers[k - 1] !== n - 1) index.push(n, 0);
    index[index.length - 1]! += 1;
    data.writeUInt8(1, i);
    data.writeUInt32BE(e.offset, i + 1);
    data.writeUInt16BE(e.gen, i + 5);
    i += 7;
  });
  return { index, data };
}

function findPage(reader: PdfReader, catalog: PDFDict, pageIndex: number): PDFRef {
  let node = catalog.get(PDFName.of('Pages'));
  let remaining = pageIndex;
  for (let depth = 0; depth < 64; depth++) {
    const dict = reader.dict(node);
    if (!dict) break;
    if (reader.name(dict.get(PDFName.of('Type'))) === 'Page' || !dict.get(PDFName.of('Kids'))) {
      if (node instanceof PDFRef && remaining === 0) return node;
      break;
    }
    const kids = reader.array(dict.get(PDFName.of('Kids')))?.asArray() ?? [];
    let found: PDFObject | undefined;
    for (const kid of kids) {
      const kidDict = reader.dict(kid);
      if (!kidDict) continue;
      const count = reader.name(kidDict.get(PDFName.of('Type'))) === 'Pages' ? (reader.number(kidDict.get(PDFName.of('Count'))) ?? 0) : 1;
      if (remaining < count) {
        found = kid;
        break;
      }
      remaining -= count;
    }
    if (!found) break;
    node = found;
  }
  throw new PdfSignatureError('The page for the signature does not exist.', { pageIndex });
}

function existingFieldNames(reader: PdfReader, fields: PDFArray | undefined): Set<string> {
  const names = new Set<string>();
  const walk = (arr: PDFArray | undefined, prefix: string, depth: number) => {
    if (!arr || depth > 16) return;
    for (const f of arr.asArray()) {
      const d = reader.dict(f);
      if (!d) continue;
      const t = reader.text(d.get(PDFName.of('T')));
      const full = t === undefined ? prefix : prefix ? `${prefix}.${t}` : t;
      if (full) names.add(full);
      walk(reader.array(d.get(PDFName.of('Kids'))), full, depth + 1);
    }
  };
  walk(fields, '', 0);
  return names;
}

function uniqueFieldName(reader: PdfReader, fields: PDFArray | undefined): string {
  const names = existingFieldNames(reader, fields);
  for (let n = 1; ; n++) if (!names.has(`Signature${n}`)) return `Signature${n}`;
}

/** A PDF text string: literal when printable ASCII, else UTF-16BE hex. */
function textString(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? PDFString.of(value.replace(/[\\()]/g, '\\$&')).toString() : PDFHexString.fromText(value).toString();
}

function roundUp(n: number, step: number): number {
  return Math.ceil(n / step) * step;
}
