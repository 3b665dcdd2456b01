import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAndCompile, parseFormDefinition, validateForm } from '../../../../src-shared/forms';
import { defWith, T } from './helpers';

const TODAY = '2024-06-15';
const codes = (issues: { path: string; code: string }[]) => issues.map((i) => `${i.path}:${i.code}`);

describe('a cross-field rule does not run on a field that is itself invalid', () => {
  const vat = parseFormDefinition(readFileSync(fileURLToPath(new URL('../../../../resources/forms/vat-registration.json', import.meta.url)), 'utf8'));

  it('"abc" in the expected input VAT gives one error: its form, not also the rule against the turnover', () => {
    const issues = validateForm(vat, { expectedTurnover: 100_000, expectedInputVat: 'abc' }, { today: TODAY }).issues.filter((i) => i.path === 'expectedInputVat');
    expect(codes(issues)).toEqual(['expectedInputVat:type']);
  });

  it('nor while a field the rule reads (not one it reports at) is invalid', () => {
    const issues = validateForm(vat, { expectedTurnover: 'lots', expectedInputVat: 500 }, { today: TODAY }).issues;
    expect(codes(issues.filter((i) => i.path === 'expectedTurnover' || i.path === 'expectedInputVat'))).toEqual(['expectedTurnover:type']);
  });

  it('still runs once the values are valid', () => {
    const issues = validateForm(vat, { expectedTurnover: 100, expectedInputVat: 500 }, { today: TODAY }).issues.filter((i) => i.path === 'expectedInputVat');
    expect(codes(issues)).toEqual(['expectedInputVat:rule']);
  });

  it('a rule over a value out of its bounds waits for the bound to be met', () => {
    const form = parseAndCompile(
      defWith(
        [
          { id: 'start', type: 'number', label: T('Start'), min: 0 },
          { id: 'end', type: 'number', label: T('End'), min: 0 },
        ],
        { rules: [{ id: 'order', assert: 'end > start', fields: ['end'], message: T('End after start') }] },
      ),
    );
    expect(codes(validateForm(form, { start: 5, end: -1 }).issues)).toEqual(['end:min']);
    expect(codes(validateForm(form, { start: 5, end: 1 }).issues)).toEqual(['end:rule']);
  });

  it('in a repeatable group: per row, only the row whose cell is invalid skips its rule', () => {
    const form = parseAndCompile(
      defWith([
        {
          id: 'members',
          type: 'group',
          label: T('Members'),
          fields: [
            { id: 'income', type: 'money', label: T('Income') },
            { id: 'rent', type: 'money', label: T('Rent share') },
          ],
          rules: [{ id: 'share', assert: 'row.rent <= row.income', fields: ['rent'], message: T('Rent above income') }],
        },
      ]),
    );
    const values = { members: [{ income: 'x', rent: 500 }, { income: 100, rent: 500 }, { income: 100, rent: 'y' }] };
    expect(codes(validateForm(form, values).issues)).toEqual(['members[0].income:type', 'members[1].rent:rule', 'members[2].rent:type']);
  });
});
