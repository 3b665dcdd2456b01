import { describe, expect, it } from 'vitest';
import { parseFormDefinition, validateForm, type FormValues } from '../../../../src-shared/forms';
import { defWith, T } from './helpers';

const TODAY = '2024-06-15';
function check(field: Record<string, unknown>, value: unknown, extraValues: FormValues = {}) {
  const def = parseFormDefinition(defWith([{ label: T('F'), ...field, id: 'f' }]));
  const values: FormValues = { ...extraValues };
  if (value !== undefined) values.f = value;
  return validateForm(def, values, { today: TODAY }).issues.map((i) => `${i.path}:${i.code}`);
}

describe('field types and rules', () => {
  it('required, on every kind of empty', () => {
    for (const type of ['text', 'textarea', 'email', 'phone', 'iban', 'matricule', 'date']) {
      expect(check({ type, required: true }, undefined)).toEqual(['f:required']);
      expect(check({ type, required: true }, '   ')).toEqual(['f:required']);
      expect(check({ type }, '')).toEqual([]);
    }
    expect(check({ type: 'number', required: true }, null)).toEqual(['f:required']);
    expect(check({ type: 'checkbox', required: true }, false)).toEqual(['f:required']);
    expect(check({ type: 'checkbox', required: true }, true)).toEqual([]);
  });

  it('text: length and anchored pattern', () => {
    expect(check({ type: 'text', minLength: 3, maxLength: 5 }, 'ab')).toEqual(['f:minLength']);
    expect(check({ type: 'text', minLength: 3, maxLength: 5 }, 'abcdef')).toEqual(['f:maxLength']);
    expect(check({ type: 'text', pattern: '[A-J][0-9]{1,6}' }, 'B123456')).toEqual([]);
    expect(check({ type: 'text', pattern: '[A-J][0-9]{1,6}' }, 'xB123456')).toEqual(['f:pattern']);
    expect(check({ type: 'textarea', maxLength: 5 }, 'a\nbcdef')).toEqual(['f:maxLength']);
    expect(check({ type: 'text' }, 42)).toEqual(['f:type']);
  });

  it('number and money', () => {
    expect(check({ type: 'number', min: 1, max: 5 }, 0)).toEqual(['f:min']);
    expect(check({ type: 'number', min: 1, max: 5 }, 6)).toEqual(['f:max']);
    expect(check({ type: 'number', integer: true }, 1.5)).toEqual(['f:integer']);
    expect(check({ type: 'number' }, '3')).toEqual(['f:type']);
    expect(check({ type: 'money', min: 0 }, 12345)).toEqual([]);
    expect(check({ type: 'money' }, 12.5)).toEqual(['f:type']);
    expect(check({ type: 'money', max: 100 }, 101)).toEqual(['f:max']);
  });

  it('date: real days, absolute and relative bounds', () => {
    expect(check({ type: 'date' }, '2024-02-30')).toEqual(['f:date']);
    expect(check({ type: 'date' }, '15.06.2024')).toEqual(['f:date']);
    expect(check({ type: 'date', min: 'today' }, '2024-06-14')).toEqual(['f:min']);
    expect(check({ type: 'date', max: 'today-18y' }, '2006-06-16')).toEqual(['f:max']);
    expect(check({ type: 'date', max: 'today-18y' }, '2006-06-15')).toEqual([]);
    expect(check({ type: 'date', min: '2000-01-01' }, '1999-12-31')).toEqual(['f:min']);
  });

  it('email and phone', () => {
    expect(check({ type: 'email' }, 'x@example.lu')).toEqual([]);
    expect(check({ type: 'email' }, 'x@')).toEqual(['f:email']);
    expect(check({ type: 'phone' }, '+352 26 12 34 56')).toEqual([]);
    expect(check({ type: 'phone' }, '26 12 34 56')).toEqual(['f:phone']);
  });

  it('iban and matricule check digits', () => {
    expect(check({ type: 'iban' }, 'LU28 0019 4006 4475 0000')).toEqual([]);
    expect(check({ type: 'iban' }, 'LU28 0019 4006 4475 0001')).toEqual(['f:iban']);
    expect(check({ type: 'iban', countries: ['LU'] }, 'GB82 WEST 1234 5698 7654 32')).toEqual(['f:ibanCountry']);
    expect(check({ type: 'matricule' }, '1893120105732')).toEqual([]);
    expect(check({ type: 'matricule' }, '1893120105733')).toEqual(['f:matricule']);
  });

  it('address: Luxembourg and foreign', () => {
    const lu = { country: 'LU', street: 'Rue de la Gare', number: '12A', postalCode: 'L-1611', locality: 'Luxembourg' };
    expect(check({ type: 'address' }, lu)).toEqual([]);
    expect(check({ type: 'address' }, { ...lu, postalCode: 'L-161' })).toEqual(['f.postalCode:postalCode']);
    expect(check({ type: 'address' }, { ...lu, street: '' })).toEqual(['f.street:required']);
    const fr = { country: 'FR', lines: ['3 rue des Roses', '57000 Metz'] };
    expect(check({ type: 'address' }, fr)).toEqual([]);
    expect(check({ type: 'address', allowForeign: false }, fr)).toEqual(['f.country:foreignAddress']);
    expect(check({ type: 'address', required: true }, { country: 'FR', lines: [''] })).toEqual(['f:required']);
    expect(check({ type: 'address' }, { country: 'FR', lines: [''], postalCode: '57000' })).toEqual(['f.lines:required']);
    expect(check({ type: 'address' }, { country: 'France', lines: ['x'] })).toEqual(['f.country:country']);
    expect(check({ type: 'address', required: true }, { country: 'LU' })).toEqual(['f:required']);
  });

  it('select, radio and checkboxes', () => {
    const options = [{ value: 'a', label: T('A') }, { value: 'b', label: T('B') }, { value: 'c', label: T('C') }];
    expect(check({ type: 'select', options }, 'a')).toEqual([]);
    expect(check({ type: 'select', options }, 'z')).toEqual(['f:option']);
    expect(check({ type: 'radio', options }, 'z')).toEqual(['f:option']);
    expect(check({ type: 'checkbox', options, minSelected: 2, maxSelected: 2 }, ['a'])).toEqual(['f:minSelected']);
    expect(check({ type: 'checkbox', options, maxSelected: 2 }, ['a', 'b', 'c'])).toEqual(['f:maxSelected']);
    expect(check({ type: 'checkbox', options }, ['a', 'z'])).toEqual(['f:option']);
    expect(check({ type: 'checkbox', options, required: true }, [])).toEqual(['f:required']);
    expect(check({ type: 'checkbox' }, 'yes')).toEqual(['f:type']);
  });

  it('file: types, size and count', () => {
    const field = { type: 'file', accept: ['application/pdf', 'image/*'], maxSizeBytes: 1000, minCount: 1, maxCount: 2 };
    const pdf = { name: 'a.pdf', mediaType: 'application/pdf', size: 10 };
    expect(check(field, [pdf, { name: 'b.png', mediaType: 'image/png', size: 999 }])).toEqual([]);
    expect(check(field, [pdf, pdf, pdf])).toEqual(['f:maxCount']);
    expect(check({ ...field, minCount: 2 }, [pdf])).toEqual(['f:minCount']);
    expect(check(field, [{ name: 'x.exe', mediaType: 'application/x-msdownload', size: 10 }])).toEqual(['f[0]:fileType']);
    expect(check(field, [{ ...pdf, size: 1001 }])).toEqual(['f[0]:fileSize']);
    expect(check(field, [{ name: 1 }])).toEqual(['f[0]:type']);
  });

  it('info holds no value and is never checked', () => {
    expect(check({ type: 'info', text: T('Read me') }, 'anything')).toEqual([]);
  });

  it('requiredIf and visibleIf', () => {
    const def = parseFormDefinition(
      defWith([
        { id: 'kind', type: 'radio', label: T('Kind'), options: [{ value: 'a', label: T('A') }, { value: 'b', label: T('B') }] },
        { id: 'detail', type: 'text', label: T('Detail'), requiredIf: "kind == 'a'" },
        { id: 'hiddenOne', type: 'text', required: true, label: T('H'), visibleIf: "kind == 'b'", minLength: 10 },
      ]),
    );
    expect(validateForm(def, { kind: 'a', hiddenOne: 'x' }, { today: TODAY }).issues.map((i) => i.path)).toEqual(['detail']);
    expect(validateForm(def, { kind: 'b', hiddenOne: 'x' }, { today: TODAY }).issues.map((i) => `${i.path}:${i.code}`)).toEqual(['hiddenOne:minLength']);
  });

  it('cross-field rule: localized message, pointed fields, skipped while empty', () => {
    const def = parseFormDefinition(
      defWith(
        [
          { id: 'start', type: 'date', label: T('Start') },
          { id: 'end', type: 'date', label: T('End') },
        ],
        { rules: [{ id: 'order', assert: 'end > start', fields: ['end'], message: { de: 'Ende nach Beginn', fr: 'Fin après début', en: 'End after start' } }] },
      ),
    );
    const bad = validateForm(def, { start: '2024-02-01', end: '2024-01-01' }, { locale: 'fr', today: TODAY });
    expect(bad.issues).toEqual([
      { path: 'end', code: 'rule', key: 'forms.error.rule', params: { rule: 'order' }, ruleId: 'order', message: { de: 'Ende nach Beginn', fr: 'Fin après début', en: 'End after start' }, text: 'Fin après début' },
    ]);
    expect(validateForm(def, { start: '2024-01-01', end: '2024-02-01' }).valid).toBe(true);
    expect(validateForm(def, { start: '2024-01-01' }).valid).toBe(true);
  });

  it('repeatable groups: rows, row paths, row rules, min/max rows, computed per row and totals', () => {
    const def = parseFormDefinition(
      defWith([
        {
          id: 'members',
          type: 'group',
          label: T('Members'),
          minRows: 1,
          maxRows: 3,
          fields: [
            { id: 'name', type: 'text', required: true, label: T('Name') },
            { id: 'hasIncome', type: 'checkbox', label: T('Has income') },
            { id: 'income', type: 'money', label: T('Income'), visibleIf: 'row.hasIncome', requiredIf: 'row.hasIncome' },
            { id: 'annual', type: 'money', label: T('Annual'), compute: '(row.income ?? 0) * 12' },
          ],
          rules: [{ id: 'cap', assert: 'row.income < 1000000', fields: ['income'], message: T('Too high') }],
        },
        { id: 'total', type: 'money', label: T('Total'), compute: 'sum(members.annual)' },
      ]),
    );
    const values = {
      members: [
        { name: 'Anna', hasIncome: true, income: 250000 },
        { name: '', hasIncome: false, income: 999 },
        { name: 'Ben', hasIncome: true, income: 2000000 },
      ],
    };
    const result = validateForm(def, values, { today: TODAY });
    expect(result.issues.map((i) => `${i.path}:${i.code}`)).toEqual(['members[1].name:required', 'members[2].income:rule']);
    expect(result.values.total).toBe((250000 + 2000000) * 12);
    expect((result.values.members as { annual: number }[]).map((r) => r.annual)).toEqual([3000000, 0, 24000000]);
    expect(values.members[0]).not.toHaveProperty('annual');
    expect(validateForm(def, { members: [] }).issues.map((i) => `${i.path}:${i.code}`)).toEqual(['members:minRows']);
    const four = Array.from({ length: 4 }, () => ({ name: 'x' }));
    expect(validateForm(def, { members: four }).issues.map((i) => `${i.path}:${i.code}`)).toEqual(['members:maxRows']);
  });
});
