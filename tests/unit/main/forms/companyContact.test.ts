import { describe, expect, it } from 'vitest';
import { personalDataSchema } from '../../../../src-shared/authority/apiSchemas';
import { companyPrefill } from '../../../../src-main/forms/toPrefillSources';
import { applyPrefill, parseFormDefinition } from '../../../../src-shared/forms';
import { readFileSync } from 'node:fs';
import { demoCompany } from '../../../../src-sandbox/data/persons';

const vat = parseFormDefinition(readFileSync('resources/forms/vat-registration.json', 'utf8'));

/**
 * The company's e-mail for the VAT registration: the professional space's "my data" carries the company's contact
 * (as the private space's carries the person's), the client keeps it, and prefill reads it as `company.email`.
 */
describe('the company’s contact e-mail reaches the VAT registration', () => {
  it('the demo company has one', () => {
    expect(demoCompany.contact.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('a "my data" answer with the company’s contact keeps it through the client’s schema, and prefills the e-mail', () => {
    const { spaceId, certified: _certified, contact, ...company } = demoCompany;
    const answer = personalDataSchema.parse({
      kind: 'professional',
      spaceId,
      company,
      contact,
      source: { de: 'Handels- und Firmenregister', fr: 'Registre de commerce et des sociétés', en: 'Trade and companies register' },
      updatedAt: '2026-01-15T09:00:00.000Z',
    });
    const sources = companyPrefill(answer);
    expect(sources).toMatchObject({ name: demoCompany.name, email: demoCompany.contact.email });
    const { values, provenance } = applyPrefill(vat, {}, { company: sources ?? undefined });
    expect(values).toMatchObject({ companyName: demoCompany.name, email: demoCompany.contact.email, legalForm: 'sarl' });
    expect(provenance.email).toMatchObject({ sourceLabel: 'myData', modified: false });
  });
});
