import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { applyPrefill } from '../../../../src-shared/forms';
import { T, definition, mountForm } from './mountForm';

const click = async (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click');
  (element as HTMLElement).click();
  await flushPromises();
};

const threeSteps = () =>
  definition([
    [{ id: 'name', type: 'text', label: T('Name'), required: true }],
    [{ id: 'city', type: 'text', label: T('City'), required: true }],
    [{ id: 'note', type: 'text', label: T('Note'), required: true }],
  ]);

const title = (root: HTMLElement) => root.querySelector('h2.form-step__title')?.textContent?.trim();
/** The step list's entries: their text, whether ticked, and whether a button that opens the step. */
const steps = (root: HTMLElement) =>
  [...root.querySelectorAll('.step-progress__step')].map((li) => ({
    text: li.querySelector('.step-progress__title')?.textContent?.replace(/\s*\(done\)/, '').trim(),
    done: li.classList.contains('step-progress__step--done'),
    button: li.querySelector('button') !== null,
  }));

describe('moving around a filled form from the review', () => {
  const filled = { name: 'Marie', city: 'Esch', note: 'None' };

  it('"Change" of an answer opens the step of that answer, focused on its field; the other steps stay ticked; "Back to review" returns', async () => {
    const { root, positions, values, wrapper } = await mountForm(threeSteps(), { startAt: '@review', values: filled });
    expect(title(root)).toBe('Check your answers');
    const change = root.querySelector('[data-answer="city"] button') as HTMLButtonElement;
    expect(change.textContent).toContain('Change');
    expect(change.textContent).toContain('City');
    await click(change);
    expect(title(root)).toBe('Step 1');
    expect(document.activeElement?.id).toBe('field-city');
    expect(steps(root)).toEqual([
      { text: 'Step 0', done: true, button: true },
      { text: 'Step 1', done: false, button: false },
      { text: 'Step 2', done: true, button: true },
      { text: 'Check your answers', done: false, button: true },
    ]);
    const back = root.querySelector('[data-testid="form-return"]') as HTMLButtonElement;
    expect(back.textContent?.trim()).toBe('Back to review');
    const input = root.querySelector('#field-city') as HTMLInputElement;
    input.value = 'Differdange';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    await click(back);
    expect(title(root)).toBe('Check your answers');
    expect(root.querySelector('[data-answer="city"] dd')?.textContent?.trim()).toBe('Differdange');
    expect(values.value.city).toBe('Differdange');
    expect(positions).toEqual(['@review', 'step1', '@review']);
    wrapper.unmount();
  });

  it('"Back to review" on a step with an error keeps the person there, with the error summary', async () => {
    const { root, wrapper } = await mountForm(threeSteps(), { startAt: '@review', values: filled });
    await click(root.querySelector('[data-answer="note"] button'));
    const input = root.querySelector('#field-note') as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    await click(root.querySelector('[data-testid="form-return"]'));
    expect(title(root)).toBe('Step 2');
    expect(document.activeElement).toBe(root.querySelector('[data-testid="error-summary"]'));
    wrapper.unmount();
  });

  it('completed steps in the step list are buttons that open that step; steps not reached yet are not', async () => {
    const { root, wrapper } = await mountForm(threeSteps(), { values: { name: 'Marie' } });
    expect(steps(root).map((s) => s.button)).toEqual([false, false, false, false]);
    await click(root.querySelector('[data-testid="form-next"]'));
    expect(title(root)).toBe('Step 1');
    expect(steps(root)).toEqual([
      { text: 'Step 0', done: true, button: true },
      { text: 'Step 1', done: false, button: false },
      { text: 'Step 2', done: false, button: false },
      { text: 'Check your answers', done: false, button: false },
    ]);
    await click(root.querySelector('.step-progress__step button'));
    expect(title(root)).toBe('Step 0');
    expect(document.activeElement?.id).toBe('step-step0-title');
    wrapper.unmount();
  });

  it('a draft reopened on the review has every step ticked, and the review in the list opens the review', async () => {
    const { root, wrapper } = await mountForm(threeSteps(), { startAt: '@review', values: filled });
    expect(steps(root).map((s) => s.done)).toEqual([true, true, true, false]);
    await click(root.querySelectorAll('.step-progress__step button')[0]);
    expect(title(root)).toBe('Step 0');
    await click(root.querySelectorAll('.step-progress__step button')[2]);
    expect(title(root)).toBe('Check your answers');
    wrapper.unmount();
  });

  it('offers no "Change" for an answer the person cannot change: locked to the register, or computed', async () => {
    const form = definition([
      [
        { id: 'last', type: 'text', label: T('Last name'), prefill: { source: 'person', path: 'lastName', editable: false, sourceLabel: 'nationalRegister' } },
        { id: 'phone', type: 'text', label: T('Phone') },
        { id: 'digits', type: 'number', label: T('Digits'), compute: 'len(phone)' },
      ],
    ]);
    const prefilled = applyPrefill(form, { phone: '123' }, { person: { lastName: 'Schmit' } });
    const { root, wrapper } = await mountForm(form, { startAt: '@review', values: prefilled.values, provenance: prefilled.provenance });
    expect(root.querySelector('[data-answer="last"] .review__answer')?.textContent?.trim()).toBe('Schmit');
    expect(root.querySelector('[data-answer="last"] button')).toBeNull();
    expect(root.querySelector('[data-answer="digits"] button')).toBeNull();
    expect(root.querySelector('[data-answer="phone"] button')?.textContent).toContain('Change');
    wrapper.unmount();
  });
});
