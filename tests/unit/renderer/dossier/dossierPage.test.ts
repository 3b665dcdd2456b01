import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';
import { mountRenderer } from '../mountRenderer';

/** The dossier page mounted over the real bridge to a real main (a SQLCipher vault), no authority reachable. */
describe('the dossier page against a real main', () => {
  let main: TestMain;
  beforeEach(async () => {
    main = await createTestMainContext();
    await main.context.vault.create('a long enough passphrase');
    document.body.innerHTML = '<div id="app"></div>';
    main.context.vault.repos.dossiers.upsert({
      id: 'GU-2026-0000007',
      reference: 'GU-2026-0000007',
      procedureId: 'change-of-address',
      spaceId: 'PP-A7K3QZ',
      title: JSON.stringify({ en: 'Report a change of address', fr: 'Déclarer un changement d’adresse', de: 'Adressänderung melden' }),
      status: 'information_requested',
      statusHistory: [
        { status: 'submitted', at: Date.parse('2026-03-02T09:00:00Z') },
        { status: 'information_requested', at: Date.parse('2026-03-04T10:30:00Z'), note: { fr: 'Veuillez envoyer votre bail.', en: 'Please send your lease.' } },
      ],
      submittedAt: Date.parse('2026-03-02T09:00:00Z'),
      updatedAt: Date.parse('2026-03-04T10:30:00Z'),
    });
  });
  afterEach(() => main.cleanup());

  it('shows the timeline as a list with the note, no documents said as such, and puts the answer into the outbox once', async () => {
    expect((await main.context.router.dispatch('settings.set', { language: 'en' }, { url: TEST_ORIGIN })).ok).toBe(true);
    const { app } = await mountRenderer(main.context, document.getElementById('app')!, '/dossiers/GU-2026-0000007');
    const root = document.getElementById('app')!;
    await untilRendered(() => root.querySelector('[data-testid="dossier-timeline"]') !== null, 'the dossier');
    expect(root.querySelector('h1')?.textContent).toBe('Procedure GU-2026-0000007');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['What the administration asks of you', 'Processing history', 'What was submitted', 'Messages']);
    const entries = [...root.querySelectorAll('[data-testid="dossier-timeline"] ol > li')];
    expect(entries.map((li) => li.getAttribute('data-status'))).toEqual(['submitted', 'information_requested']);
    expect(entries[1]!.querySelector('[data-testid="status-note"]')?.textContent).toBe('Note from the administration: Please send your lease.');
    expect(root.querySelector('[data-testid="no-documents"]')).not.toBeNull();

    // Empty: refused at the field, nothing queued.
    const send = root.querySelector<HTMLButtonElement>('[data-testid="send-answer"]')!;
    send.click();
    await untilRendered(() => root.querySelector('#answer-body-error') !== null, 'the field error');
    expect(main.context.vault.repos.outbox.list({})).toHaveLength(0);

    const body = root.querySelector<HTMLTextAreaElement>('#answer-body')!;
    body.value = 'Here is my lease.';
    body.dispatchEvent(new Event('input'));
    send.click();
    await untilRendered(() => root.querySelector('[data-testid="answer-state"]')?.getAttribute('data-state') === 'waiting', 'the answer waiting');
    expect(root.querySelector('[data-testid="answer-state"]')?.textContent).toContain('Your answer is saved on this computer and waiting to be sent.');
    // Once: one reply in the outbox, for this dossier, with the text as typed.
    const queued = main.context.vault.repos.outbox.list({});
    expect(queued.map((i) => [i.kind, (i.payload as { reference: string; body: string }).reference, (i.payload as { body: string }).body])).toEqual([['reply', 'GU-2026-0000007', 'Here is my lease.']]);
    app.unmount();
  });
});
