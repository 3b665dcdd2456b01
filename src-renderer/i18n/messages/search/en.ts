/** The search over everything (Ctrl+K) (English: the reference the other languages are typed against). */
export const searchEn = {
  open: 'Search',
  shortcut: 'Ctrl+K',
  title: 'Search everything',
  label: 'Search dossiers, messages and documents',
  help: 'A reference, a procedure, or words of a message or a document’s name. Arrow keys choose a result, Enter opens it, Escape closes.',
  close: 'Close',
  none: 'Nothing found for “{text}”.',
  kinds: { dossiers: 'Procedures', messages: 'Messages', documents: 'Documents' },
  keptOnly: 'Kept in your vault',
  results: 'No result | One result | {n} results',
};
