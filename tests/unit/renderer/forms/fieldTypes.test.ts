import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { FakeUploader, T, definition, labelFor, leave, mountForm, typeInto } from './mountForm';

const OPTIONS = [
  { value: 'a', label: T('Alpha') },
  { value: 'b', label: T('Beta') },
];

describe('each field type renders, is labelled and emits the value shape of the engine', () => {
  it('text: label for, help and error described, aria-invalid once left', async () => {
    const { root, values } = await mountForm(definition([[{ id: 'name', type: 'text', label: T('Name'), help: T('As on your ID'), required: true, minLength: 3 }]]));
    const input = root.querySelector('#field-name') as HTMLInputElement;
    expect(labelFor(root, 'field-name')).toBe('Name');
    expect(input.getAttribute('aria-describedby')).toBe('field-name-help');
    expect(root.querySelector('#field-name-help')?.textContent).toBe('As on your ID');
    await typeInto(input, 'Al');
    expect(values.value.name).toBe('Al');
    // No error before the field was left.
    expect(root.querySelector('#field-name-error')).toBeNull();
    await leave(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('field-name-help field-name-error');
    expect(root.querySelector('#field-name-error')?.textContent).toContain('Enter at least 3 characters.');
    await typeInto(input, 'Alice');
    expect(root.querySelector('#field-name-error')).toBeNull();
  });

  it('textarea, email, phone, iban, matricule: strings, normalized where the engine expects it', async () => {
    const { root, values } = await mountForm(
      definition([
        [
          { id: 'notes', type: 'textarea', label: T('Notes') },
          { id: 'mail', type: 'email', label: T('E-mail') },
          { id: 'tel', type: 'phone', label: T('Phone') },
          { id: 'account', type: 'iban', label: T('IBAN') },
          { id: 'ssn', type: 'matricule', label: T('National number') },
        ],
      ]),
    );
    expect(root.querySelector('textarea#field-notes')).not.toBeNull();
    expect(labelFor(root, 'field-mail')).toBe('E-mail (optional)');
    await typeInto(root.querySelector('#field-notes'), 'Line 1\nLine 2');
    await typeInto(root.querySelector('#field-mail'), 'marie@example.lu');
    await typeInto(root.querySelector('#field-tel'), '00352 621 123 456');
    await leave(root.querySelector('#field-tel'));
    await typeInto(root.querySelector('#field-account'), 'lu280019400644750000');
    await leave(root.querySelector('#field-account'));
    await typeInto(root.querySelector('#field-ssn'), '1893120105732');
    expect(values.value).toMatchObject({ notes: 'Line 1\nLine 2', mail: 'marie@example.lu', tel: '+352621123456', account: 'LU28 0019 4006 4475 0000', ssn: '1893120105732' });
    expect(root.querySelectorAll('.form-field__error')).toHaveLength(0);
    await typeInto(root.querySelector('#field-ssn'), '1893120105733');
    await leave(root.querySelector('#field-ssn'));
    expect(root.querySelector('#field-ssn-error')?.textContent).toContain('not a valid national identification number');
  });

  it('number and money: a number, and integer cents from what people type', async () => {
    const { root, values } = await mountForm(
      definition([
        [
          { id: 'area', type: 'number', label: T('Area'), unit: T('m²'), min: 9 },
          { id: 'rent', type: 'money', label: T('Rent'), min: 100 },
        ],
      ]),
    );
    await typeInto(root.querySelector('#field-area'), '72,5');
    await typeInto(root.querySelector('#field-rent'), '1 234,50');
    expect(values.value.area).toBe(72.5);
    expect(values.value.rent).toBe(123450);
    await leave(root.querySelector('#field-rent'));
    expect((root.querySelector('#field-rent') as HTMLInputElement).value).toBe('1,234.50');
    await typeInto(root.querySelector('#field-rent'), '0.5');
    await leave(root.querySelector('#field-rent'));
    expect(values.value.rent).toBe(50);
    // The bound in cents is shown as an amount in euro.
    expect(root.querySelector('#field-rent-error')?.textContent).toContain('€1.00');
    await typeInto(root.querySelector('#field-area'), 'abc');
    await leave(root.querySelector('#field-area'));
    expect(root.querySelector('#field-area-error')).not.toBeNull();
  });

  it('date: an ISO day, bounds resolved for the picker and shown localized in errors', async () => {
    const { root, values } = await mountForm(definition([[{ id: 'day', type: 'date', label: T('Day'), max: 'today' }]]), { today: '2024-06-15' });
    const input = root.querySelector('#field-day') as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(input.max).toBe('2024-06-15');
    await typeInto(input, '2024-07-01');
    expect(values.value.day).toBe('2024-07-01');
    await leave(input);
    expect(root.querySelector('#field-day-error')?.textContent).toContain('June 15, 2024');
  });

  it('select and radio: option values; radios in a fieldset with a legend', async () => {
    const { root, values } = await mountForm(
      definition([
        [
          { id: 'pick', type: 'select', label: T('Pick'), options: OPTIONS },
          { id: 'choice', type: 'radio', label: T('Choice'), options: OPTIONS, required: true },
        ],
      ]),
    );
    const select = root.querySelector('#field-pick') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose…', 'Alpha', 'Beta']);
    select.value = 'b';
    select.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(values.value.pick).toBe('b');
    const fieldset = root.querySelector('#field-choice-fieldset') as HTMLFieldSetElement;
    expect(fieldset.tagName).toBe('FIELDSET');
    expect(fieldset.querySelector('legend')?.textContent?.trim()).toBe('Choice');
    const radios = fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(radios).toHaveLength(2);
    expect(labelFor(root, radios[1]?.id ?? '')).toBe('Beta');
    radios[1]?.click();
    await flushPromises();
    expect(values.value.choice).toBe('b');
  });

  it('checkbox: a boolean alone, the ticked values with options', async () => {
    const { root, values } = await mountForm(
      definition([
        [
          { id: 'agree', type: 'checkbox', label: T('I agree'), required: true },
          { id: 'langs', type: 'checkbox', label: T('Languages'), options: OPTIONS, maxSelected: 2 },
        ],
      ]),
    );
    (root.querySelector('#field-agree') as HTMLInputElement).click();
    await flushPromises();
    expect(values.value.agree).toBe(true);
    expect(root.querySelector('#field-langs-fieldset legend')?.textContent).toContain('Languages');
    const boxes = root.querySelectorAll<HTMLInputElement>('#field-langs-fieldset input[type="checkbox"]');
    boxes[1]?.click();
    await flushPromises();
    boxes[0]?.click();
    await flushPromises();
    expect(values.value.langs).toEqual(['a', 'b']);
    (root.querySelector('#field-agree') as HTMLInputElement).click();
    await flushPromises();
    expect(values.value.agree).toBe(false);
  });

  it('address: Luxembourg parts, or a country and lines abroad', async () => {
    const { root, values } = await mountForm(definition([[{ id: 'home', type: 'address', label: T('Home'), required: true }]]));
    expect(root.querySelector('#field-home-fieldset legend')?.textContent).toContain('Home');
    await typeInto(root.querySelector('#field-home-street'), 'Rue de la Gare');
    await typeInto(root.querySelector('#field-home-number'), '12');
    await typeInto(root.querySelector('#field-home-postalCode'), 'L-1611');
    await typeInto(root.querySelector('#field-home-locality'), 'Luxembourg');
    expect(values.value.home).toEqual({ country: 'LU', street: 'Rue de la Gare', number: '12', postalCode: 'L-1611', locality: 'Luxembourg' });
    await typeInto(root.querySelector('#field-home-postalCode'), '99');
    await leave(root.querySelector('#field-home-postalCode'));
    expect(root.querySelector('#field-home-postalCode-error')?.textContent).toContain('4 digits');
    const country = root.querySelector('#field-home-country') as HTMLSelectElement;
    country.value = 'FR';
    country.dispatchEvent(new Event('change'));
    await flushPromises();
    await typeInto(root.querySelector('#field-home-line0'), '3 rue des Lilas');
    await typeInto(root.querySelector('#field-home-line1'), '57000 Metz');
    expect(values.value.home).toEqual({ country: 'FR', lines: ['3 rue des Lilas', '57000 Metz'] });
  });

  it('file: checks type, size and count here, stores accepted files and keeps FileRefs', async () => {
    const uploader = new FakeUploader();
    const { root, values } = await mountForm(
      definition([[{ id: 'docs', type: 'file', label: T('Payslips'), accept: ['application/pdf', 'image/*'], maxSizeBytes: 1000, maxCount: 2 }]]),
      { uploader },
    );
    const input = root.querySelector('#field-docs') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('application/pdf,image/*');
    expect(labelFor(root, 'field-docs')).toBe('Payslips (optional)');
    const pick = async (files: File[]) => {
      Object.defineProperty(input, 'files', { value: files, configurable: true });
      input.dispatchEvent(new Event('change'));
      await flushPromises();
    };
    await pick([new File(['%PDF-1.7'], 'one.pdf', { type: 'application/pdf' }), new File(['x'], 'notes.txt', { type: 'text/plain' }), new File([new Uint8Array(2000)], 'big.png', { type: 'image/png' })]);
    expect(uploader.stored.map((f) => f.name)).toEqual(['one.pdf']);
    expect(values.value.docs).toEqual([{ name: 'one.pdf', mediaType: 'application/pdf', size: 8, ref: 'doc-1' }]);
    const error = root.querySelector('#field-docs-error')?.textContent ?? '';
    expect(error).toContain('“notes.txt” is not of a kind accepted here. Accepted: PDF document or image (JPEG, PNG).');
    expect(error).toContain('“big.png” is larger than');
    await pick([new File(['a'], 'a.jpg', { type: 'image/jpeg' }), new File(['b'], 'b.jpg', { type: 'image/jpeg' })]);
    expect((values.value.docs as unknown[]).length).toBe(2);
    expect(root.querySelector('#field-docs-error')?.textContent).toContain('At most 2 files can be added here.');
    const remove = [...root.querySelectorAll('.file-list button')][0] as HTMLButtonElement;
    remove.click();
    await flushPromises();
    expect(uploader.removed).toEqual(['doc-1']);
    expect((values.value.docs as Array<{ name: string }>).map((f) => f.name)).toEqual(['a.jpg']);
  });

  it('info: plain text of the definition, in the UI language', async () => {
    const { root } = await mountForm(definition([[{ id: 'note', type: 'info', label: T('Note'), text: T('<b>Read</b> this'), tone: 'warning' }, { id: 'x', type: 'text', label: T('X') }]]), { locale: 'fr' });
    const info = root.querySelector('.form-info--warning') as HTMLElement;
    expect(info.textContent).toContain('<b>Read</b> this (fr)');
    expect(info.querySelector('b')).toBeNull();
  });
});
