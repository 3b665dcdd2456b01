import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { PDFDocument } from 'pdf-lib';
import { createBridge } from '../../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../../src-shared/contract/contract';
import { createVaultUploader } from '../../../../src-renderer/forms/createVaultUploader';
import { createDirectTransport } from '../../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';
import { T, definition, mountForm } from './mountForm';

const statutes = { id: 'statutes', type: 'file', label: T('Articles of association'), required: true, accept: ['application/pdf'], maxSizeBytes: 20 * 1024 * 1024, maxCount: 1 };
const payslips = { id: 'payslips', type: 'file', label: T('Payslips'), accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeBytes: 5 * 1024 * 1024, maxCount: 12 };

describe('attachments in a form, stored through a real main', () => {
  let main: TestMain;
  beforeEach(async () => {
    main = await createTestMainContext({ systemLocales: ['en-GB'] });
    await main.context.vault.create('correct horse battery staple');
  });
  afterEach(async () => main.cleanup());

  const uploader = () => createVaultUploader(createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN)));
  const pick = async (input: HTMLInputElement, files: File[]) => {
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await flushPromises();
  };

  it.each([
    ['en', 'Accepted: PDF document, up to 20 MB, one file.', 'Accepted: PDF document or image (JPEG, PNG), up to 5 MB each, at most 12 files.'],
    ['de', 'Zulässig: PDF-Dokument, bis 20 MB, eine Datei.', 'Zulässig: PDF-Dokument oder Bild (JPEG, PNG), je bis 5 MB, höchstens 12 Dateien.'],
    // French puts a narrow no-break space between a number and its unit.
    ['fr', 'Acceptés : document PDF, jusqu’à 20\u202fMo, un seul fichier.', 'Acceptés : document PDF ou image (JPEG, PNG), jusqu’à 5\u202fMo chacun, au plus 12 fichiers.'],
  ] as const)('%s: the hint names the kinds of file a person knows, sizes in the locale’s units, one file in the singular', async (locale, one, many) => {
    const { root, wrapper } = await mountForm(definition([[statutes, payslips]]), { locale, uploader: uploader() });
    expect(root.querySelector('#field-statutes-help')?.textContent?.trim()).toBe(one);
    expect(root.querySelector('#field-payslips-help')?.textContent?.trim()).toBe(many);
    wrapper.unmount();
  });

  it('a text file named fake.pdf is refused by main for its content: said next to the field, translated, with the field focused; nothing stored', async () => {
    const { root, values, wrapper } = await mountForm(definition([[statutes]]), { uploader: uploader() });
    const input = root.querySelector('#field-statutes') as HTMLInputElement;
    await pick(input, [new File(['Dear reader, this is plain text.\n'], 'fake.pdf', { type: 'application/pdf' })]);
    await untilRendered(() => root.querySelector('#field-statutes-error') !== null, 'the refusal at the field');
    expect(root.querySelector('#field-statutes-error')?.textContent).toContain('“fake.pdf” was not added: its content is not a PDF document, whatever its name says.');
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('aria-describedby')).toContain('field-statutes-error');
    expect(values.value.statutes).toBeUndefined();
    expect(main.context.vault.repos.documents.list()).toHaveLength(0);
    // The message follows a change of language.
    (wrapper.vm as unknown as { $i18n: { locale: string } }).$i18n.locale = 'fr';
    await flushPromises();
    expect(root.querySelector('#field-statutes-error')?.textContent).toContain('« fake.pdf » n’a pas été ajouté : son contenu n’est pas un document PDF, quoi qu’en dise son nom.');
    wrapper.unmount();
  });

  it('in German too; a real PDF is then stored and listed with its size in words', async () => {
    const { root, values, wrapper } = await mountForm(definition([[statutes]]), { locale: 'de', uploader: uploader() });
    const input = root.querySelector('#field-statutes') as HTMLInputElement;
    await pick(input, [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])], 'scan.pdf', { type: 'application/pdf' })]);
    await untilRendered(() => root.querySelector('#field-statutes-error') !== null, 'the refusal at the field');
    expect(root.querySelector('#field-statutes-error')?.textContent).toContain('„scan.pdf“ wurde nicht hinzugefügt: Es ist kein PDF-Dokument, sondern ein PNG-Bild.');
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    const pdf = await doc.save();
    await pick(input, [new File([new Uint8Array(pdf)], 'statutes.pdf', { type: 'application/pdf' })]);
    await untilRendered(() => Array.isArray(values.value.statutes), 'the stored file');
    expect(values.value.statutes).toMatchObject([{ name: 'statutes.pdf', mediaType: 'application/pdf', size: pdf.length }]);
    expect(root.querySelector('#field-statutes-error')).toBeNull();
    expect(root.querySelector('.file-list__size')?.textContent).toBe(`${pdf.length} Byte`);
    expect(main.context.vault.repos.documents.list()).toHaveLength(1);
    wrapper.unmount();
  });
});
