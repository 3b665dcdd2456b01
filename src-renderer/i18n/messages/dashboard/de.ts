import type { dashboardEn } from './en';

export const dashboardDe: typeof dashboardEn = {
  filters: 'Anzeigen',
  filter: {
    all: 'Alle',
    drafts: 'In Vorbereitung',
    sent: 'Gesendet',
    action: 'Handlungsbedarf',
    closed: 'Abgeschlossen',
  },
  count: '{label} ({n})',
  search: 'Verfahren durchsuchen',
  searchHelp: 'Aktenzeichen, Verfahren oder ein Wort aus seinen Nachrichten.',
  sort: 'Sortieren nach',
  sorts: { updated: 'Letzte Änderung', name: 'Name', reference: 'Aktenzeichen' },
  order: 'Reihenfolge',
  ascending: 'Aufsteigend',
  descending: 'Absteigend',
  draft: 'In Vorbereitung',
  signatureRequested: 'Unterschrift erbeten',
  noMatch: 'Nichts entspricht „{text}“.',
  noneInFilter: 'Hier ist nichts.',
  rows: '{n} Verfahren | {n} Verfahren',
  tableHelp: 'Mit den Pfeiltasten wechseln Sie die Zeile, mit der Eingabetaste öffnen Sie sie.',
  loadingRow: 'Wird geladen…',
};
