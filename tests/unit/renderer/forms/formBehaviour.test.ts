import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { applyPrefill, parseAndCompile, submissionValues } from '../../../../src-shared/forms';
import { T, definition, leave, mountForm, typeInto } from './mountForm';

const click = async (element: Element | null | undefined) => {
  (element as HTMLElement).click();
  await flushPromises();
};

describe('FormRenderer behaviour', () => {
  it('shows and hides conditional fields without losing hidden values; the review leaves them out', async () => {
    const form = definition([
      [
        { id: 'hasPet', type: 'checkbox', label: T('I have a pet') },
        { id: 'petName', type: 'text', label: T('Pet name'), visibleIf: 'hasPet', requiredIf: 'hasPet' },
      ],
    ]);
    const { root, values } = await mountForm(form);
    expect(root.querySelector('#field-petName')).toBeNull();
    await click(root.querySelector('#field-hasPet'));
    await typeInto(root.querySelector('#field-petName'), 'Rex');
    await click(root.querySelector('#field-hasPet'));
    expect(root.querySelector('#field-petName')).toBeNull();
    expect(values.value.petName).toBe('Rex');
    expect(submissionValues(form, values.value)).toEqual({ hasPet: false });
    await click(root.querySelector('#field-hasPet'));
    expect((root.querySelector('#field-petName') as HTMLInputElement).value).toBe('Rex');
  });

  it('adds and removes rows within min and max, moving focus, with computed cells', async () => {
    const form = definition([
      [
        {
          id: 'members',
          type: 'group',
          label: T('Household'),
          rowLabel: T('Member'),
          minRows: 1,
          maxRows: 2,
          fields: [
            { id: 'name', type: 'text', label: T('Name'), required: true },
            { id: 'monthly', type: 'money', label: T('Monthly') },
            { id: 'yearly', type: 'money', label: T('Yearly'), compute: '(row.monthly ?? 0) * 12' },
          ],
        },
      ],
    ]);
    const { root, values } = await mountForm(form);
    expect(values.value.members).toEqual([{}]);
    expect(root.querySelector('#field-members-row-0 legend')?.textContent).toBe('Member 1');
    // At the minimum: no remove button.
    expect(root.querySelector('#field-members-row-0 .form-group__remove')).toBeNull();
    await typeInto(root.querySelector('#field-members-0-name'), 'Anna');
    await typeInto(root.querySelector('#field-members-0-monthly'), '100');
    expect((root.querySelector('#field-members-0-yearly') as HTMLInputElement).readOnly).toBe(true);
    expect((root.querySelector('#field-members-0-yearly') as HTMLInputElement).value).toBe('1,200.00');
    await click(root.querySelector('#field-members'));
    expect(document.activeElement?.id).toBe('field-members-1-name');
    // At the maximum: no add button.
    expect(root.querySelector('button#field-members')).toBeNull();
    await typeInto(root.querySelector('#field-members-1-name'), 'Ben');
    await click(root.querySelector('#field-members-row-0 .form-group__remove'));
    expect((values.value.members as Array<{ name: string }>).map((r) => r.name)).toEqual(['Ben']);
    expect(document.activeElement?.id).toBe('field-members');
  });

  it('keeps the user on a step with errors, summarized and focused; goes on when valid, then reviews', async () => {
    const form = definition([
      [
        { id: 'name', type: 'text', label: T('Name'), required: true },
        { id: 'rent', type: 'money', label: T('Rent'), required: true },
      ],
      [
        { id: 'choice', type: 'select', label: T('Choice'), options: [{ value: 'x', label: T('Ex') }] },
        { id: 'day', type: 'date', label: T('Day') },
      ],
    ]);
    const { root } = await mountForm(form);
    expect(root.querySelector('[aria-current="step"]')?.textContent).toContain('Step 0');
    await click(root.querySelector('[data-testid="form-next"]'));
    const summary = root.querySelector('[data-testid="error-summary"]') as HTMLElement;
    expect(summary.textContent).toContain('Name: This information is required.');
    expect(document.activeElement).toBe(summary);
    expect(root.querySelector('#field-rent-error')).not.toBeNull();
    await typeInto(root.querySelector('#field-name'), 'Marie');
    await typeInto(root.querySelector('#field-rent'), '950');
    await click(root.querySelector('[data-testid="form-next"]'));
    expect(root.querySelector('[aria-current="step"]')?.textContent).toContain('Step 1');
    expect(document.activeElement?.id).toBe('step-step1-title');
    const select = root.querySelector('#field-choice') as HTMLSelectElement;
    select.value = 'x';
    select.dispatchEvent(new Event('change'));
    await typeInto(root.querySelector('#field-day'), '2024-03-01');
    await click(root.querySelector('[data-testid="form-next"]'));
    const review = root.querySelector('[data-testid="review"]') as HTMLElement;
    const answer = (key: string) => review.querySelector(`[data-answer="${key}"] dd`)?.textContent?.trim();
    expect(answer('name')).toBe('Marie');
    expect(answer('rent')).toBe('€950.00');
    expect(answer('choice')).toBe('Ex');
    expect(answer('day')).toBe('March 1, 2024');
    expect(root.querySelector('[data-testid="form-complete"]')).not.toBeNull();
  });

  it('shows where a prefilled value comes from, locks it unless editable, and tells when it was changed', async () => {
    const form = definition([
      [
        { id: 'ssn', type: 'matricule', label: T('National number'), required: true, prefill: { source: 'person', path: 'matricule', editable: false, sourceLabel: 'nationalRegister' } },
        { id: 'mail', type: 'email', label: T('E-mail'), prefill: { source: 'person', path: 'email', editable: true, sourceLabel: 'myData' } },
        { id: 'last', type: 'text', label: T('Last name'), prefill: { source: 'person', path: 'lastName', editable: false, sourceLabel: 'nationalRegister' } },
      ],
    ]);
    const prefilled = applyPrefill(form, {}, { person: { matricule: '1893120105732', email: 'marie@example.lu' } });
    const { root, values } = await mountForm(form, { values: prefilled.values, provenance: prefilled.provenance });
    const ssn = root.querySelector('#field-ssn') as HTMLInputElement;
    expect(ssn.value).toBe('1893120105732');
    expect(ssn.readOnly).toBe(true);
    expect(root.querySelector('#field-ssn-source')?.textContent).toContain('From the national register');
    expect(ssn.getAttribute('aria-describedby')).toContain('field-ssn-source');
    const mail = root.querySelector('#field-mail') as HTMLInputElement;
    expect(mail.readOnly).toBe(false);
    expect(root.querySelector('#field-mail-source')?.textContent).toContain('From your data');
    await typeInto(mail, 'other@example.lu');
    await leave(mail);
    expect(values.value.mail).toBe('other@example.lu');
    expect(root.querySelector('#field-mail-source')?.textContent).toContain('changed by you');
    // No data for the last name: no badge, and the field stays open so the form can be filled.
    expect(root.querySelector('#field-last-source')).toBeNull();
    expect((root.querySelector('#field-last') as HTMLInputElement).readOnly).toBe(false);
  });

  it('renders the definition texts in German', async () => {
    const { root } = await mountForm(definition([[{ id: 'name', type: 'text', label: T('Name'), required: true }]]), { locale: 'de' });
    expect(root.querySelector('label[for="field-name"]')?.textContent?.trim()).toBe('Name (de)');
    expect(root.querySelector('[data-testid="form-next"]')?.textContent?.trim()).toBe('Angaben prüfen');
  });

  describe('reopening a draft where it was left', () => {
    const threeSteps = () => {
      const form = definition([
        [{ id: 'showMiddle', type: 'checkbox', label: T('Show the middle step') }],
        [{ id: 'middle', type: 'text', label: T('Middle') }],
        [{ id: 'last', type: 'text', label: T('Last') }],
      ]);
      // The middle step only shows when the box is ticked.
      const source = JSON.parse(JSON.stringify(form.definition)) as { steps: Array<Record<string, unknown>> };
      source.steps[1]!.visibleIf = 'showMiddle';
      return parseAndCompile(source);
    };
    const stepTitle = (root: HTMLElement) => root.querySelector('h2')?.textContent?.trim();

    it.each([
      ['step2', { showMiddle: true }, 'Step 2', 'step2'],
      ['step1', { showMiddle: true }, 'Step 1', 'step1'],
      ['@review', { showMiddle: true }, 'Check your answers', '@review'],
      // A step hidden now, or gone from the definition, opens the first step.
      ['step1', { showMiddle: false }, 'Step 0', 'step0'],
      ['removed-step', {}, 'Step 0', 'step0'],
      [null, {}, 'Step 0', 'step0'],
    ] as const)('startAt %s with %o opens %s', async (startAt, values, title, reported) => {
      const { root, positions, wrapper } = await mountForm(threeSteps(), { startAt, values });
      expect(stepTitle(root)).toBe(title);
      expect(positions).toEqual([reported]);
      wrapper.unmount();
    });

    it('reports each move, the review included', async () => {
      const { root, positions, wrapper } = await mountForm(threeSteps(), { startAt: 'step2', values: { showMiddle: true } });
      (root.querySelector('[data-testid="form-back"]') as HTMLButtonElement).click();
      await flushPromises();
      expect(stepTitle(root)).toBe('Step 1');
      root.querySelector('form')!.dispatchEvent(new Event('submit'));
      await flushPromises();
      root.querySelector('form')!.dispatchEvent(new Event('submit'));
      await flushPromises();
      expect(positions).toEqual(['step2', 'step1', 'step2', '@review']);
      wrapper.unmount();
    });
  });
});
