import type { searchEn } from './en';

export const searchDe: typeof searchEn = {
  open: 'Suchen',
  shortcut: 'Strg+K',
  title: 'Alles durchsuchen',
  label: 'Verfahren, Nachrichten und Dokumente durchsuchen',
  help: 'Ein Aktenzeichen, ein Verfahren oder Wörter einer Nachricht oder eines Dokumentnamens. Mit den Pfeiltasten wählen Sie ein Ergebnis, mit der Eingabetaste öffnen Sie es, Escape schließt.',
  close: 'Schließen',
  none: 'Nichts gefunden für „{text}“.',
  kinds: { dossiers: 'Verfahren', messages: 'Nachrichten', documents: 'Dokumente' },
  keptOnly: 'In Ihrem Tresor aufbewahrt',
  results: 'Kein Ergebnis | Ein Ergebnis | {n} Ergebnisse',
};
