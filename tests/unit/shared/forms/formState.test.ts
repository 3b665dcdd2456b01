import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyPrefill,
  computeValues,
  migrateDraft,
  parseFormDefinition,
  submissionValues,
  validateForm,
  validateStep,
  visibleFields,
  type FormDefinition,
} from '../../../../src-shared/forms';
import { defWith, T } from './helpers';

const load = (id: string): FormDefinition =>
  parseFormDefinition(readFileSync(fileURLToPath(new URL(`../../../../resources/forms/${id}.json`, import.meta.url)), 'utf8'));
const TODAY = '2024-06-15';

const person = {
  matricule: '1893120105732',
  firstName: 'Marie',
  lastName: 'Muller',
  email: 'marie.muller@example.lu',
  phone: '+352 621 123 456',
  address: { country: 'LU', street: 'Rue de la Gare', number: '12', postalCode: 'L-1611', locality: 'Luxembourg' },
};

describe('visibility, computed values, submission', () => {
  const def = load('change-of-address');

  it('conditional steps, sections and fields', () => {
    const domestic = visibleFields(def, { moveType: 'domestic', coMovers: [{ name: 'Paul' }] }, { today: TODAY });
    expect(domestic.steps.has('departure')).toBe(false);
    expect(domestic.sections.has('household')).toBe(true);
    expect(domestic.fields.has('coMovers[0].name')).toBe(true);
    expect(domestic.fields.has('abroadNotice')).toBe(false);
    const abroad = visibleFields(def, { moveType: 'abroad', coMovers: [{ name: 'Paul' }] }, { today: TODAY });
    expect(abroad.steps.has('departure')).toBe(true);
    expect(abroad.fields.has('departureReason')).toBe(true);
    expect(abroad.sections.has('household')).toBe(false);
    expect(abroad.fields.has('coMovers')).toBe(false);
    expect(abroad.fields.has('coMovers[0].name')).toBe(false);
  });

  it('hidden values stay in the draft but are not validated nor submitted', () => {
    const values = { moveType: 'abroad', coMovers: [{ name: '' }], departureReason: 'work' };
    const issues = validateForm(def, values, { today: TODAY }).issues.map((i) => i.path);
    expect(issues).not.toContain('coMovers[0].name');
    expect(issues).toContain('newAddress');
    const sent = submissionValues(def, values, { today: TODAY });
    expect(sent).not.toHaveProperty('coMovers');
    expect(sent).toHaveProperty('departureReason', 'work');
    expect(values.coMovers).toHaveLength(1);
    const domesticSent = submissionValues(def, { ...values, moveType: 'domestic' }, { today: TODAY });
    expect(domesticSent).not.toHaveProperty('departureReason');
    expect(domesticSent.coMovers).toEqual([{ name: '' }]);
  });

  it('validateStep keeps the issues of one step', () => {
    const issues = validateStep(def, 'move', {}, { today: TODAY }).issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['moveType', 'moveDate', 'newAddress']));
    expect(issues).not.toContain('email');
    expect(issues).not.toContain('truthful');
  });

  it('computed totals in housing aid', () => {
    const housing = load('housing-aid');
    const values = computeValues(
      housing,
      { applicantMonthlyIncome: 300000, members: [{ hasIncome: true, monthlyIncome: 100000 }, { hasIncome: false, monthlyIncome: 50000 }] },
      { today: TODAY },
    );
    expect(values.householdSize).toBe(3);
    // The second member's income is hidden (no income ticked): it counts as nothing.
    expect(values.totalAnnualIncome).toBe(300000 * 12 + 100000 * 12);
  });

  it('parental leave: end after start, computed days', () => {
    const leave = load('parental-leave');
    const r = validateForm(leave, { startDate: '2024-07-01', endDate: '2024-06-30', childBirthDate: '2023-01-01' }, { today: TODAY, locale: 'de' });
    expect(r.issues.find((i) => i.ruleId === 'end-after-start')).toMatchObject({ path: 'endDate', text: 'Das Ende muss nach dem Beginn liegen.' });
    expect(computeValues(leave, { startDate: '2024-07-01', endDate: '2024-10-31' }).leaveDays).toBe(123);
  });
});

describe('applyPrefill', () => {
  const def = load('change-of-address');

  it('fills bound fields and records their source', () => {
    const { values, provenance, skipped } = applyPrefill(def, {}, { person });
    expect(values.matricule).toBe('1893120105732');
    expect(values.currentAddress).toEqual(person.address);
    expect(values.email).toBe(person.email);
    expect(provenance.matricule).toMatchObject({ source: 'person', sourceLabel: 'nationalRegister', editable: false, modified: false });
    expect(skipped).toEqual([]);
  });

  it('keeps what the user typed in editable fields, overrides locked ones', () => {
    const { values, provenance } = applyPrefill(def, { email: 'other@example.lu', firstName: 'Mallory' }, { person });
    expect(values.email).toBe('other@example.lu');
    expect(provenance.email?.modified).toBe(true);
    expect(values.firstName).toBe('Marie');
  });

  it('skips missing data and values that do not fit', () => {
    const { values, skipped } = applyPrefill(def, {}, { person: { ...person, address: 'somewhere', phone: undefined } });
    expect(values).not.toHaveProperty('currentAddress');
    expect(skipped).toEqual(expect.arrayContaining([{ field: 'currentAddress', reason: 'mismatch', value: 'somewhere' }, { field: 'phone', reason: 'missing' }]));
  });

  it('fills a professional form from company data', () => {
    const vat = load('vat-registration');
    const { values } = applyPrefill(vat, {}, { company: { name: 'Muller Consulting S.à r.l.', rcsNumber: 'B123456', legalForm: 'sarl', naceCode: '70.22' } });
    expect(values).toMatchObject({ companyName: 'Muller Consulting S.à r.l.', rcsNumber: 'B123456', legalForm: 'sarl', nace: '70.22' });
    expect(computeValues(vat, values).accountHolder).toBe('Muller Consulting S.à r.l.');
  });
});

describe('migrateDraft', () => {
  const options = [{ value: 'a', label: T('A') }, { value: 'b', label: T('B') }, { value: 'c', label: T('C') }];
  const v1 = parseFormDefinition(
    defWith([
      { id: 'name', type: 'text', label: T('Name') },
      { id: 'amount', type: 'number', label: T('Amount') },
      { id: 'choice', type: 'select', label: T('Choice'), options },
      { id: 'many', type: 'checkbox', label: T('Many'), options },
      { id: 'old', type: 'text', label: T('Old') },
      { id: 'rows', type: 'group', label: T('Rows'), fields: [{ id: 'x', type: 'number', label: T('X') }, { id: 'y', type: 'text', label: T('Y') }] },
    ]),
  );
  const v2 = parseFormDefinition({
    ...defWith([
      { id: 'name', type: 'textarea', label: T('Name') },
      { id: 'amount', type: 'money', label: T('Amount') },
      { id: 'choice', type: 'radio', label: T('Choice'), options: options.slice(1) },
      { id: 'many', type: 'checkbox', label: T('Many'), options: options.slice(0, 2) },
      { id: 'rows', type: 'group', label: T('Rows'), fields: [{ id: 'x', type: 'number', label: T('X'), integer: true }] },
      { id: 'added', type: 'text', label: T('Added') },
    ]),
    version: 2,
  });
  const draft = { name: 'Marie', amount: 12, choice: 'a', many: ['a', 'c'], old: 'gone', rows: [{ x: 1, y: 'q' }, { x: 1.5 }] };

  it('keeps what fits, drops and reports the rest (with the old definition)', () => {
    const m = migrateDraft(v1, v2, draft);
    expect(m.values).toEqual({ name: 'Marie', many: ['a'], rows: [{ x: 1 }, {}] });
    expect(m.dropped).toEqual(
      expect.arrayContaining([
        { path: 'amount', reason: 'typeChanged', value: 12 },
        { path: 'choice', reason: 'optionRemoved', value: 'a' },
        { path: 'many', reason: 'optionRemoved', value: 'c' },
        { path: 'old', reason: 'removedField', value: 'gone' },
        { path: 'rows[0].y', reason: 'removedField', value: 'q' },
        { path: 'rows[1].x', reason: 'mismatch', value: 1.5 },
      ]),
    );
    expect(m.dropped).toHaveLength(6);
    expect(m.kept).toEqual(expect.arrayContaining(['name', 'many', 'rows[0].x']));
    expect(m).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(validateForm(v2, m.values).valid).toBe(true);
  });

  it('with only the old version number, checks shapes', () => {
    const m = migrateDraft(1, v2, draft);
    // 12 is a valid amount of cents: without the old definition the type change cannot be seen.
    expect(m.values.amount).toBe(12);
    expect(m.fromVersion).toBe(1);
  });

  it('is the identity on a draft that fits', () => {
    const m = migrateDraft(v2, v2, { name: 'x', many: ['b'] });
    expect(m.values).toEqual({ name: 'x', many: ['b'] });
    expect(m.dropped).toEqual([]);
  });
});
