import { describe, expect, it } from 'vitest';
import { createSubmissionPdf } from '../../../src-main/documents/createSubmissionPdf';
import { createReceiptPdf } from '../../../src-main/documents/createReceiptPdf';
import { createEtrackingPdf } from '../../../src-main/documents/createEtrackingPdf';
import { pdftotext, qpdfCheck, run, writeTemp } from './tools';

const accented = ['Größe', 'Müller', 'Straße', 'é', 'è', 'à', 'ç', '€', '’', '«', '»', 'Ä', 'Ö', 'Ü'];

function pageCount(pdf: Uint8Array): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [writeTemp('info.pdf', pdf)]).out)?.[1]);
}

describe('documents made with pdf-lib (DejaVu Sans embedded)', () => {
  it('the submission PDF carries the form as seen, with accents, page breaks and page numbers', async () => {
    const fields = Array.from({ length: 90 }, (_, i) => ({
      label: `Champ n° ${i + 1} « spécial »`,
      value: `Größe ${i} € – Müller’s Straße, à Esch, ça va; ÄÖÜ è`,
    }));
    const pdf = await createSubmissionPdf({
      locale: 'de',
      procedure: { id: 'wohnungsbeihilfe', version: '2', title: 'Wohnungsbeihilfe für Familien' },
      space: { label: 'Privatbereich' },
      submittedBy: 'Anne Schmit',
      date: new Date('2026-04-01T08:00:00Z'),
      sections: [
        { title: 'Persönliche Angaben', fields: fields.slice(0, 45) },
        { title: 'Haushalt', fields: [...fields.slice(45), { label: 'Bemerkung', value: 'lang '.repeat(600) }] },
      ],
      attachments: [{ name: 'Übersetzung.pdf', mediaType: 'application/pdf', size: 2_500_000, sha256: 'ef'.repeat(32) }],
    });
    expect(qpdfCheck(pdf).code).toBe(0);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(3);
    const text = pdftotext(pdf);
    for (const s of accented) expect(text, s).toContain(s);
    expect(text).toContain(`Seite 1 von ${pages}`);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    expect(text).toContain('Champ n° 90');
    expect(text).toContain('Übersetzung.pdf');
    expect(text).toContain('efefefef efefefef');
    expect(text).toContain('2,4 MB');
    const fonts = run('pdffonts', [writeTemp('fonts.pdf', pdf)]).out;
    expect(fonts).toMatch(/DejaVuSans.*yes/);
    expect(pdf.length).toBeLessThan(200_000); // subset, not the whole 700 KB fonts
  });

  it('the receipt and the eTracking confirmation in French and English', async () => {
    const receipt = await createReceiptPdf({
      locale: 'fr',
      reference: 'GU-2026-000042',
      procedure: { id: 'allocation', version: 3, title: 'Allocation de vie chère' },
      space: { label: 'Espace privé' },
      submittedAt: new Date('2026-04-01T08:00:00Z'),
      receivedAt: new Date('2026-04-01T08:00:05Z'),
      status: 'Reçue',
      signedBy: ['Anne Schmit', 'Luc Hoffmann'],
      documents: [{ name: 'demande.pdf', sha256: '01'.repeat(32) }],
    });
    expect(qpdfCheck(receipt).code).toBe(0);
    const rt = pdftotext(receipt);
    expect(rt).toContain('Accusé de réception');
    expect(rt).toContain('GU-2026-000042');
    expect(rt).toContain('Luc Hoffmann');
    expect(rt).toContain('Page 1 sur 1');

    const et = await createEtrackingPdf({
      locale: 'en',
      number: 'ET-2026-4821-7730',
      procedure: { id: 'paper-form', title: 'Déclaration d’impôt (paper)' },
      createdAt: new Date('2026-04-01T08:00:00Z'),
      channels: { email: 'anne.schmit@example.lu', sms: '+352 621 000 000' },
    });
    expect(qpdfCheck(et).code).toBe(0);
    const t = pdftotext(et);
    expect(t).toContain('ET-2026-4821-7730');
    expect(t).toContain('anne.schmit@example.lu');
    expect(t).toContain('Déclaration d’impôt');
    expect(t).toContain('Page 1 of 1');
  });
});
