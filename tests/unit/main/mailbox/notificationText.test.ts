import { describe, expect, it } from 'vitest';
import { notificationText } from '../../../../src-main/mailbox/notificationText';

const notice = (count: number, subject: Record<string, string>) => ({
  count,
  latest: { id: 'MSG-1', dossierReference: 'GU-2026-0000002', subject },
  counts: { total: count, byDossier: { 'GU-2026-0000002': count } },
});

describe('the system notification of new messages', () => {
  it('says how many in the person’s language, with the dossier and the latest subject as plain text', () => {
    expect(notificationText(notice(1, { en: 'Information requested', de: 'Angaben angefordert' }), 'de')).toEqual({
      title: 'Neue Nachricht der Verwaltung',
      body: 'GU-2026-0000002 · Angaben angefordert',
    });
    expect(notificationText(notice(3, { fr: 'Demande' }), 'fr').title).toBe('3 nouveaux messages de l’administration');
    // A subject only in another language is still said; control and format characters do not reach the OS.
    expect(notificationText(notice(2, { de: 'Neu\u202Egnp.exe\u0007' }), 'en')).toEqual({ title: '2 new messages from the administration', body: 'GU-2026-0000002 · Neu gnp.exe ' });
    expect(notificationText(notice(1, { en: 'x'.repeat(500) }), 'en').body).toHaveLength('GU-2026-0000002 · '.length + 200);
  });
});
