import { beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionPdf, type SubmissionPdfInput } from '../../../src-main/documents/createSubmissionPdf';
import { documentLabels } from '../../../src-main/documents/labels';
import { formatDate, loadFonts, type DocumentLocale, type FontBytes } from '../../../src-main/documents/pdfLayout';
import { qpdfCheck, run, writeTemp } from '../signing/tools';

const signedAt = new Date('2026-12-01T09:30:15.000Z');

/** Text of some pages, whitespace folded: pdftotext breaks lines where the layout wrapped them. */
function textOf(pdf: Uint8Array, first?: number, last?: number): string {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  const r = run('pdftotext', ['-enc', 'UTF-8', ...range, writeTemp('text.pdf', pdf), '-']);
  expect(r.code).toBe(0);
  return r.out.replace(/\s+/g, ' ');
}

function pageCount(pdf: Uint8Array): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [writeTemp('info.pdf', pdf)]).out)?.[1]);
}

function input(locale: DocumentLocale, fields: number, withSignature = true): SubmissionPdfInput {
  return {
    locale,
    procedure: { id: 'criminal-record-extract', version: 2, title: 'Extrait du casier judiciaire' },
    space: { label: '—' },
    date: signedAt,
    sections: [{ title: 'Identité', fields: Array.from({ length: fields }, (_, i) => ({ label: `Champ ${i + 1}`, value: `Valeur ${i + 1}` })) }],
    attachments: [{ name: 'carte-identite.pdf', mediaType: 'application/pdf', size: 120_000, sha256: 'ab'.repeat(32) }],
    ...(withSignature ? { simpleSignature: { name: 'Jérôme Müller-Weiß', signedAt, email: 'jerome.muller@example.lu', phone: '+352621000111' } } : {}),
  };
}

/**
 * The simple electronic signature of procedures without authentication, recorded in the submission PDF: checked on
 * the real file with poppler's pdftotext and qpdf, in the three languages, across page breaks.
 */
describe('submission PDF with a simple electronic signature', () => {
  let fonts: FontBytes;
  beforeAll(async () => {
    fonts = await loadFonts();
  });

  it.each(['de', 'fr', 'en'] as const)('%s: a labelled block with name, consent, date and time, contact, on the last page', async (locale) => {
    const l = documentLabels[locale];
    const pdf = await createSubmissionPdf(input(locale, 70), { fonts });
    expect(qpdfCheck(pdf).code).toBe(0);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const last = textOf(pdf, pages);
    for (const part of [
      l.simpleSignatureTitle,
      l.signatoryName,
      'Jérôme Müller-Weiß',
      l.simpleSignatureConsent,
      l.signedAt,
      formatDate(signedAt, locale),
      '2026-12-01T09:30:15.000Z',
      l.contactEmail,
      'jerome.muller@example.lu',
      l.contactPhone,
      '+352621000111',
      l.simpleSignatureNote,
    ]) {
      expect(last, part).toContain(part);
    }
    // Only there, and the PAdES note does not claim a signature that this document does not carry.
    expect(textOf(pdf, 1, pages - 1)).not.toContain(l.simpleSignatureTitle);
    expect(textOf(pdf)).not.toContain(l.signatureNote);
  });

  it('keeps the block on one page wherever the form ends', async () => {
    const l = documentLabels.en;
    // From a few fields to well past a page break: somewhere in here the block no longer fits below the form.
    let moved = 0;
    for (let fields = 20; fields <= 46; fields += 2) {
      const pdf = await createSubmissionPdf(input('en', fields), { fonts });
      const pages = pageCount(pdf);
      const last = textOf(pdf, pages);
      expect(last, `${fields} fields`).toContain(l.simpleSignatureTitle);
      expect(last, `${fields} fields`).toContain(l.simpleSignatureNote);
      if (!last.includes('carte-identite.pdf')) moved += 1;
    }
    // The loop did cross the case where the block starts a page of its own.
    expect(moved).toBeGreaterThan(0);
  });

  it('without a simple signature: no block, the PAdES note', async () => {
    const l = documentLabels.de;
    const pdf = await createSubmissionPdf(input('de', 5, false), { fonts });
    expect(qpdfCheck(pdf).code).toBe(0);
    const text = textOf(pdf);
    expect(text).not.toContain(l.simpleSignatureTitle);
    expect(text).toContain(l.signatureNote);
  });
});
