import type { searchEn } from './en';

export const searchFr: typeof searchEn = {
  open: 'Rechercher',
  shortcut: 'Ctrl+K',
  title: 'Tout rechercher',
  label: 'Rechercher dans les démarches, les messages et les documents',
  help: 'Une référence, une démarche, ou des mots d’un message ou du nom d’un document. Les flèches choisissent un résultat, Entrée l’ouvre, Échap ferme.',
  close: 'Fermer',
  none: 'Rien trouvé pour « {text} ».',
  kinds: { dossiers: 'Démarches', messages: 'Messages', documents: 'Documents' },
  keptOnly: 'Conservé dans votre coffre',
  results: 'Aucun résultat | Un résultat | {n} résultats',
};
