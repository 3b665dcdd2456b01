import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';
import { mountRenderer } from '../mountRenderer';

const DRAFT = 'draft-resume-0001';

describe('FormView reopens a draft where it was left (real main, real SQLCipher vault)', () => {
  let main: TestMain;
  let root: HTMLElement;
  beforeEach(async () => {
    main = await createTestMainContext({ systemLocales: ['en-GB'] });
    await main.context.vault.create('correct horse battery staple');
    document.body.innerHTML = '<div id="app"></div>';
    root = document.getElementById('app') as HTMLElement;
  });
  afterEach(async () => main.cleanup());

  const call = (name: string, input: unknown) => main.context.router.dispatch(name, input, { url: TEST_ORIGIN }) as Promise<{ ok: boolean; value: never }>;
  const draft = async () => ((await call('drafts.get', { id: DRAFT })) as { value: { draft: { updatedAt: number; resumeAt: string | null } } }).value.draft;

  it('opens at the saved step without saving anything, and saves once the person moves', async () => {
    const got = await call('catalogue.get', { procedureId: 'parental-leave' });
    expect(got).toMatchObject({ ok: true });
    const { definition } = (got as { value: { definition: { version: number } } }).value;
    const saved = await call('drafts.save', { id: DRAFT, procedureId: 'parental-leave', formVersion: definition.version, title: 'Parental leave', values: {}, attachmentRefs: [], resumeAt: 'child' });
    expect(saved.ok).toBe(true);
    const before = await draft();

    const { app } = await mountRenderer(main.context, root, `/drafts/${DRAFT}`);
    await untilRendered(() => root.querySelector('.form-step__title')?.textContent === 'Child', 'the saved step');

    // Longer than the autosave delay: opening alone wrote nothing.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await draft()).toEqual(before);

    (root.querySelector('[data-testid="form-back"]') as HTMLButtonElement).click();
    await untilRendered(() => root.querySelector('.form-step__title')?.textContent === 'Parent', 'the first step');
    await untilRendered(async () => (await draft()).resumeAt === 'parent', 'the new position saved');
    expect((await draft()).updatedAt).toBeGreaterThanOrEqual(before.updatedAt);
    app.unmount();
  });
});
