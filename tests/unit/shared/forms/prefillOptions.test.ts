import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyPrefill, FormDefinitionError, parseAndCompile, parseFormDefinition } from '../../../../src-shared/forms';
import { demoCompany } from '../../../../src-sandbox/data/persons';
import { defWith, T } from './helpers';

const vat = parseFormDefinition(readFileSync(fileURLToPath(new URL('../../../../resources/forms/vat-registration.json', import.meta.url)), 'utf8'));

describe('prefill of choices maps the source’s value to an option', () => {
  it('the demo company’s legal form, as the register gives it (a text per language), is the S.à r.l. option', () => {
    const { values, provenance, skipped } = applyPrefill(vat, {}, { company: { legalForm: demoCompany.legalForm } });
    expect(values.legalForm).toBe('sarl');
    expect(provenance.legalForm).toMatchObject({ sourceValue: 'sarl', modified: false, sourceLabel: 'businessRegister' });
    expect(skipped.find((s) => s.field === 'legalForm')).toBeUndefined();
  });

  it.each([
    ['sarl', 'sarl'],
    ['private limited company', 'sarl'],
    ['PRIVATE LIMITED COMPANY (S.À R.L.)', 'sarl'],
    ['  Société   anonyme ', 'sa'],
    ['Aktiengesellschaft (S.A.)', 'sa'],
    ['S.à r.l.-S', 'sarls'],
    ['Einzelunternehmen', 'ei'],
  ])('%j → %s (by value, by a label in any language, by an alias; case and spaces do not matter)', (given, option) => {
    expect(applyPrefill(vat, {}, { company: { legalForm: given } }).values.legalForm).toBe(option);
  });

  it('a value that maps to no option is not filled in, and is reported with the value', () => {
    const { values, provenance, skipped } = applyPrefill(vat, {}, { company: { legalForm: { de: 'Genossenschaft', fr: 'Société coopérative', en: 'Cooperative' } } });
    expect(values).not.toHaveProperty('legalForm');
    expect(provenance).not.toHaveProperty('legalForm');
    expect(skipped).toContainEqual({ field: 'legalForm', reason: 'noOption', value: { de: 'Genossenschaft', fr: 'Société coopérative', en: 'Cooperative' } });
  });

  it('radio buttons and ticked boxes too; a list with one unknown entry keeps the known ones and reports the rest', () => {
    const form = parseAndCompile(
      defWith([
        {
          id: 'frequency',
          type: 'radio',
          label: T('Frequency'),
          options: [
            { value: 'monthly', label: { de: 'Monatlich', fr: 'Mensuelle', en: 'Monthly' } },
            { value: 'annual', label: { de: 'Jährlich', fr: 'Annuelle', en: 'Annual' }, aliases: ['yearly'] },
          ],
          prefill: { source: 'person', path: 'frequency', editable: true, sourceLabel: 'myData' },
        },
        {
          id: 'languages',
          type: 'checkbox',
          label: T('Languages'),
          options: [
            { value: 'lb', label: { de: 'Luxemburgisch', fr: 'Luxembourgeois', en: 'Luxembourgish' } },
            { value: 'fr', label: { de: 'Französisch', fr: 'Français', en: 'French' } },
          ],
          prefill: { source: 'person', path: 'languages', editable: true, sourceLabel: 'myData' },
        },
      ]),
    );
    const result = applyPrefill(form, {}, { person: { frequency: 'Yearly', languages: ['français', 'lb', 'Klingon'] } });
    expect(result.values).toMatchObject({ frequency: 'annual', languages: ['fr', 'lb'] });
    expect(result.skipped).toEqual([{ field: 'languages', reason: 'noOption', value: 'Klingon' }]);
  });

  it('an alias that could mean two options is refused with the definition', () => {
    const ambiguous = defWith([
      {
        id: 'kind',
        type: 'select',
        label: T('Kind'),
        options: [
          { value: 'a', label: T('A'), aliases: ['same'] },
          { value: 'b', label: T('B'), aliases: ['Same'] },
        ],
      },
    ]);
    let refused: unknown;
    try {
      parseAndCompile(ambiguous);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(FormDefinitionError);
    expect((refused as FormDefinitionError).issues).toContainEqual(expect.objectContaining({ path: 'steps[0].sections[0].fields[0].options[1].aliases[0]', code: 'duplicate' }));
  });
});
