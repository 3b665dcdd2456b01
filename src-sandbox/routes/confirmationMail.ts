import type { Dossier, OutgoingMail } from '../data/types';

type Language = OutgoingMail['language'];

const texts: Record<Language, { subject: (ref: string) => string; body: (title: string, ref: string, at: string) => string }> = {
  de: {
    subject: (ref) => `Ihr Antrag ${ref} ist eingegangen`,
    body: (title, ref, at) =>
      `Guten Tag,\n\nIhr Antrag „${title}“ ist am ${at} (UTC) eingegangen.\nAktenzeichen: ${ref}\n\n` +
      'Bewahren Sie dieses Aktenzeichen auf: Ohne Anmeldung ist es Ihr einziger Bezug zu diesem Antrag.\n',
  },
  fr: {
    subject: (ref) => `Votre demande ${ref} a bien été reçue`,
    body: (title, ref, at) =>
      `Bonjour,\n\nVotre demande « ${title} » a été reçue le ${at} (UTC).\nRéférence : ${ref}\n\n` +
      'Conservez cette référence : sans authentification, c’est votre seul lien avec cette demande.\n',
  },
  en: {
    subject: (ref) => `Your request ${ref} was received`,
    body: (title, ref, at) =>
      `Hello,\n\nYour request "${title}" was received on ${at} (UTC).\nReference: ${ref}\n\n` +
      'Keep this reference: without authentication, it is your only link to this request.\n',
  },
};

/** The confirmation e-mail of a submission without authentication, in the submission's language. */
export function confirmationMail(dossier: Dossier, to: string, language: Language, now: string): Omit<OutgoingMail, 'id'> {
  const t = texts[language];
  const title = dossier.procedureTitle[language] ?? dossier.procedureTitle.en ?? dossier.procedureId;
  const at = now.replace('T', ' ').slice(0, 16);
  return {
    to,
    language,
    subject: t.subject(dossier.reference),
    body: t.body(title, dossier.reference, at),
    dossierReference: dossier.reference,
    procedureId: dossier.procedureId,
    createdAt: now,
  };
}
