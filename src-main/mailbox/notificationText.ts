import type { LocalizedText } from '../../src-shared/authority/apiSchemas';
import type { NewMessagesNotice } from './MailboxService';

const TEXTS = {
  en: { one: 'New message from the administration', many: (n: number) => `${n} new messages from the administration` },
  fr: { one: 'Nouveau message de l’administration', many: (n: number) => `${n} nouveaux messages de l’administration` },
  de: { one: 'Neue Nachricht der Verwaltung', many: (n: number) => `${n} neue Nachrichten der Verwaltung` },
} as const;

/**
 * The system notification of new messages (the desktop app's glue shows it): a title in the person's language and the
 * latest subject, as plain text (a notification renders no markup), at most 200 characters.
 */
export function notificationText(notice: NewMessagesNotice, language: 'de' | 'fr' | 'en'): { title: string; body: string } {
  const texts = TEXTS[language];
  const subject: LocalizedText = notice.latest.subject;
  const body = (subject[language] ?? subject.en ?? subject.fr ?? subject.de ?? '').replace(/[\p{Cc}\p{Cf}]/gu, ' ').slice(0, 200);
  return { title: notice.count === 1 ? texts.one : texts.many(notice.count), body: `${notice.latest.dossierReference} · ${body}` };
}
