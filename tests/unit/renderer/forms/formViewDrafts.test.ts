import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';
import { mountRenderer } from '../mountRenderer';

const EXISTING = 'draft-existing-0001';

describe('opening a procedure that already has a draft (real main, real SQLCipher vault)', () => {
  let main: TestMain;
  let root: HTMLElement;
  beforeEach(async () => {
    main = await createTestMainContext({ systemLocales: ['en-GB'] });
    await main.context.vault.create('correct horse battery staple');
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app') as HTMLElement;
  });
  afterEach(async () => main.cleanup());

  const call = async (name: string, input: unknown) => {
    const result = (await main.context.router.dispatch(name, input, { url: TEST_ORIGIN })) as { ok: boolean; value: never; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value as Record<string, unknown>;
  };
  const list = async () => ((await call('drafts.list', {})) as { items: Array<{ id: string; procedureId: string; title: string }> }).items;

  async function openProcedure() {
    const { definition } = (await call('catalogue.get', { procedureId: 'parental-leave' })) as { definition: { version: number } };
    await call('drafts.save', { id: EXISTING, procedureId: 'parental-leave', formVersion: definition.version, title: 'Application for parental leave', values: { phone: '+352 621 000 111' }, attachmentRefs: [], resumeAt: 'child' });
    const { app, router } = await mountRenderer(main.context, root, '/catalogue/parental-leave');
    await untilRendered(() => root.querySelector('[data-testid="existing-drafts"]') !== null || root.querySelector('.form-step__title') !== null, 'the form or the offer');
    return { app, router };
  }

  it('offers to resume it, and resuming opens that draft where it was left', async () => {
    const { app, router } = await openProcedure();
    const offer = root.querySelector('[data-testid="existing-drafts"]') as HTMLElement;
    expect(offer).not.toBeNull();
    expect(offer.querySelector('h2')?.textContent).toBe('You have already started this procedure');
    expect(root.querySelector('.form-step__title')).toBeNull();
    const resume = offer.querySelector('[data-testid="resume-draft"]') as HTMLAnchorElement;
    expect(resume.textContent).toContain('Continue “Application for parental leave”');
    resume.click();
    await untilRendered(() => root.querySelector('.form-step__title')?.textContent === 'Child', 'the draft at its step');
    expect(router.currentRoute.value.params.draftId).toBe(EXISTING);
    expect(await list()).toHaveLength(1);
    app.unmount();
  });

  it('or starts a new form, saved as a second draft named apart', async () => {
    const { app, router } = await openProcedure();
    const offer = root.querySelector('[data-testid="existing-drafts"]') as HTMLElement;
    expect(offer.textContent).toContain('“Application for parental leave (2)”');
    (offer.querySelector('[data-testid="start-new-draft"]') as HTMLButtonElement).click();
    await untilRendered(() => root.querySelector('.form-step__title')?.textContent === 'Parent', 'a new form at its first step');
    expect(root.querySelector('h1')?.textContent).toContain('Application for parental leave (2)');
    expect(document.activeElement?.textContent).toBe('Parent');
    const phone = root.querySelector('#field-phone') as HTMLInputElement;
    expect(phone.value).toBe('');
    phone.value = '+352 621 222 333';
    phone.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    await untilRendered(async () => (await list()).length === 2, 'the second draft saved');
    const drafts = await list();
    const added = drafts.find((d) => d.id !== EXISTING);
    expect(added).toMatchObject({ procedureId: 'parental-leave', title: 'Application for parental leave (2)' });
    expect(router.currentRoute.value.params.draftId).toBe(added?.id);
    // The first draft is untouched.
    expect(((await call('drafts.get', { id: EXISTING })) as { draft: { values: Record<string, unknown> } }).draft.values).toEqual({ phone: '+352 621 000 111' });
    app.unmount();
  });
});
