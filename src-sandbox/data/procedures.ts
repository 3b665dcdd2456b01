import type { LocalizedText } from './localized';

/**
 * Titles of the demo procedures that demo dossiers refer to. The catalogue itself is served from resources/forms;
 * when a form with the same id exists, its title wins.
 */
export const demoProcedures: Record<string, { title: LocalizedText; audience: 'private' | 'professional' }> = {
  'change-of-address': {
    audience: 'private',
    title: { de: 'Adressänderung', fr: 'Changement d’adresse', en: 'Change of address' },
  },
  'housing-aid': {
    audience: 'private',
    title: { de: 'Beihilfe für Wohnungsbau', fr: 'Aide au logement', en: 'Housing aid' },
  },
  'criminal-record-extract': {
    audience: 'private',
    title: { de: 'Strafregisterauszug', fr: 'Extrait du casier judiciaire', en: 'Criminal record extract' },
  },
  'parental-leave': {
    audience: 'private',
    title: { de: 'Elternurlaub', fr: 'Congé parental', en: 'Parental leave' },
  },
  'residence-certificate': {
    audience: 'private',
    title: { de: 'Wohnsitzbescheinigung', fr: 'Certificat de résidence', en: 'Residence certificate' },
  },
  'vat-registration': {
    audience: 'professional',
    title: { de: 'Mehrwertsteuer-Registrierung', fr: 'Immatriculation à la TVA', en: 'VAT registration' },
  },
};
