import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../../src-shared/contract/contract';
import { personalDataSchema } from '../../../../src-shared/authority/apiSchemas';
import { createRendererApp } from '../../../../src-renderer/createRendererApp';
import { storePersonalData } from '../../../../src-main/authority/storePersonalData';
import { vaultAuthorityStore } from '../../../../src-main/authority/AuthorityStore';
import { demoCompany } from '../../../../src-sandbox/data/persons';
import { createDirectTransport } from '../../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';

/**
 * The VAT registration prefilled from the demo company's data as the sandbox's "my data" answer carries it and the
 * client keeps it (parsed with the client's schema, stored as a sync stores it): the legal form is a text per
 * language there ("private limited company"), not an option value. (The sandbox itself cannot run under happy-dom;
 * the forms e2e goes through the real sync.)
 */
describe('FormView prefills the VAT registration from the business register (real main)', () => {
  let main: TestMain;
  let root: HTMLElement;
  const personId = 'PP-DEMO01';

  function storeCompany(company: Record<string, unknown>, at: number): void {
    const set = personalDataSchema.parse({
      kind: 'professional',
      spaceId: demoCompany.spaceId,
      company,
      source: { de: 'Handels- und Firmenregister', fr: 'Registre de commerce et des sociétés', en: 'Trade and companies register' },
      updatedAt: '2026-01-15T09:00:00.000Z',
    });
    storePersonalData(vaultAuthorityStore(main.context.vault), { id: personId, name: 'Anne Schmit' }, [{ id: demoCompany.spaceId, kind: 'professional', name: demoCompany.name, role: 'administrator' }], [set], at);
  }

  beforeEach(async () => {
    main = await createTestMainContext({ systemLocales: ['en-GB'] });
    await main.context.vault.create('correct horse battery staple');
    const { spaceId: _space, certified: _certified, ...company } = demoCompany;
    storeCompany(company, 1);
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app') as HTMLElement;
  });
  afterEach(async () => main.cleanup());

  async function open() {
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN));
    const { app } = createRendererApp(bridge, { memoryHistory: true });
    await app.config.globalProperties.$router.push('/catalogue/vat-registration');
    app.mount(root);
    await untilRendered(() => root.querySelector('.form-step__title')?.textContent === 'Company', 'the first step');
    return app;
  }

  it('shows the register’s legal form as the option it names, with its source', async () => {
    const app = await open();
    expect((root.querySelector('#field-companyName') as HTMLInputElement).value).toContain('Moselle Digital');
    const legalForm = root.querySelector('#field-legalForm') as HTMLSelectElement;
    expect(legalForm.value).toBe('sarl');
    expect(legalForm.selectedOptions[0]?.textContent).toBe('Private limited company (S.à r.l.)');
    expect(root.querySelector('#field-legalForm-source')?.textContent).toContain('From the trade and companies register');
    expect(root.querySelector('#field-legalForm-source')?.textContent).not.toContain('changed by you');
    expect(root.querySelector('[data-testid="prefill-dropped"]')).toBeNull();
    app.unmount();
  });

  it('a legal form that names no option is shown and reported, and its field opens from the notice', async () => {
    const { spaceId: _space, certified: _certified, ...company } = demoCompany;
    storeCompany({ ...company, legalForm: { de: 'Genossenschaft', fr: 'Société coopérative', en: 'Cooperative society' } }, 2);

    const app = await open();
    const legalForm = root.querySelector('#field-legalForm') as HTMLSelectElement;
    expect(legalForm.value).toBe('');
    const notice = root.querySelector('[data-testid="prefill-dropped"]') as HTMLElement;
    expect(notice).not.toBeNull();
    expect(notice.querySelector('h2')?.textContent).toBe('A value from the registers could not be filled in');
    const entry = notice.querySelector('li[data-field="legalForm"]') as HTMLElement;
    expect(entry.textContent).toContain('Legal form');
    expect(entry.textContent).toContain('“Cooperative society” from the trade and companies register is none of the choices offered here');
    (entry.querySelector('button') as HTMLButtonElement).click();
    await untilRendered(() => document.activeElement === root.querySelector('#field-legalForm'), 'the field focused');
    app.unmount();
  });
});
