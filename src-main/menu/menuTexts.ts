import type { SupportedLocale } from '../../src-shared/i18n/locales';
import type { SectionIdName } from '../../src-shared/app/appCommands';

/** The application menu's words (main has no vue-i18n; the renderer's section names are said the same way). */
export interface MenuTexts {
  file: string;
  newProcedure: string;
  lockVault: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  diagnostics: string;
  about: string;
  sections: Record<SectionIdName, string>;
}

export const MENU_TEXTS: Record<SupportedLocale, MenuTexts> = {
  en: {
    file: '&File',
    newProcedure: 'New procedure…',
    lockVault: 'Lock the vault',
    edit: '&Edit',
    view: '&View',
    window: '&Window',
    help: '&Help',
    diagnostics: 'Diagnostics…',
    about: 'About Guichet Desktop',
    sections: { dashboard: 'Dashboard', catalogue: 'Procedures', mailbox: 'Mailbox', myData: 'My data', myDocuments: 'My documents', spaces: 'Spaces and users', etracking: 'eTracking', tokens: 'Smart cards and tokens', settings: 'Settings' },
  },
  de: {
    file: '&Datei',
    newProcedure: 'Neues Verfahren…',
    lockVault: 'Tresor sperren',
    edit: '&Bearbeiten',
    view: '&Ansicht',
    window: '&Fenster',
    help: '&Hilfe',
    diagnostics: 'Diagnose…',
    about: 'Über Guichet Desktop',
    sections: { dashboard: 'Übersicht', catalogue: 'Verfahren', mailbox: 'Postfach', myData: 'Meine Daten', myDocuments: 'Meine Dokumente', spaces: 'Bereiche und Benutzer', etracking: 'eTracking', tokens: 'Chipkarten und Token', settings: 'Einstellungen' },
  },
  fr: {
    file: '&Fichier',
    newProcedure: 'Nouvelle démarche…',
    lockVault: 'Verrouiller le coffre',
    edit: '&Édition',
    view: '&Affichage',
    window: 'Fe&nêtre',
    help: '&Aide',
    diagnostics: 'Diagnostic…',
    about: 'À propos de Guichet Desktop',
    sections: { dashboard: 'Tableau de bord', catalogue: 'Démarches', mailbox: 'Messagerie', myData: 'Mes données', myDocuments: 'Mes documents', spaces: 'Espaces et utilisateurs', etracking: 'eTracking', tokens: 'Cartes à puce et tokens', settings: 'Paramètres' },
  },
};
