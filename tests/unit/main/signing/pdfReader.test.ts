import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { PdfReader, findStartXref, revisionEnds } from '../../../../src-main/signing/pdfReader';
import { parsePdfDate } from '../../../../src-main/signing/verifyPdfSignatures';
import { PdfSignatureError } from '../../../../src-main/signing/errors';

async function sample(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.addPage();
  doc.setTitle('Größe');
  return doc.save({ useObjectStreams });
}

describe('PdfReader (lazy structure reading)', () => {
  it.each([false, true])('reads the trailer, catalog and pages (object streams: %s)', async (objStreams) => {
    const bytes = await sample(objStreams);
    const r = PdfReader.open(bytes);
    expect(r.kind).toBe(objStreams ? 'stream' : 'table');
    const root = r.dict(r.trailer.get(PDFName.of('Root')));
    expect(r.name(root?.get(PDFName.of('Type')))).toBe('Catalog');
    const pages = r.dict(root?.get(PDFName.of('Pages')));
    expect(r.number(pages?.get(PDFName.of('Count')))).toBe(2);
    const info = r.dict(r.trailer.get(PDFName.of('Info')));
    expect(r.text(info?.get(PDFName.of('Title')))).toBe('Größe');
    expect(r.size).toBeGreaterThan(3);
    expect(r.trailer.get(PDFName.of('Root'))).toBeInstanceOf(PDFRef);
  });

  it('finds startxref and revision ends; refuses what is not a PDF', async () => {
    const bytes = await sample(false);
    expect(findStartXref(bytes)).toBeGreaterThan(0);
    expect(revisionEnds(bytes)).toEqual([bytes.length]);
    expect(() => PdfReader.open(Buffer.from('hello'))).toThrow(PdfSignatureError);
  });

  it('parses PDF dates', () => {
    expect(parsePdfDate("D:20260203093000+01'00'")?.toISOString()).toBe('2026-02-03T08:30:00.000Z');
    expect(parsePdfDate('D:20260203093000Z')?.toISOString()).toBe('2026-02-03T09:30:00.000Z');
    expect(parsePdfDate('nonsense')).toBeUndefined();
  });
});
