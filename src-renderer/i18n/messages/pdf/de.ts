import type { pdfEn } from './en';

/** Texte der PDF-Vorschau. */
export const pdfDe: typeof pdfEn = {
  documentLabel: 'Vorschau von {title}',
  toolbar: 'Seiten des Dokuments',
  loading: 'Das Dokument wird geöffnet…',
  progress: 'Fortschritt beim Öffnen des Dokuments',
  pageOf: 'Seite {page} von {count}',
  pageCount: '{count} Seite | {count} Seiten',
  pageLabel: 'Seite {page} von {count}',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  print: 'Drucken',
  preparingPrint: 'Die Seiten werden für den Druck vorbereitet…',
  empty: 'Es gibt kein Dokument zum Anzeigen.',
  error: {
    notPdf: 'Diese Datei ist kein PDF-Dokument oder sie ist beschädigt: Sie kann nicht angezeigt werden.',
    passwordProtected: 'Dieses PDF-Dokument ist durch ein Passwort geschützt und kann hier nicht angezeigt werden.',
    unreadable: 'Dieses Dokument kann nicht angezeigt werden. Es ist möglicherweise beschädigt; versuchen Sie es erneut oder wenden Sie sich an den Support.',
  },
};
