/** The product's sections, in navigation order. `ready` is false for the ones not built yet ("coming soon"). */
export const SECTIONS = [
  { id: 'dashboard', path: '/dashboard', icon: '▦', ready: true },
  { id: 'catalogue', path: '/catalogue', icon: '☰', ready: true },
  { id: 'mailbox', path: '/mailbox', icon: '✉', ready: true },
  { id: 'myData', path: '/my-data', icon: '◉', ready: true },
  { id: 'myDocuments', path: '/my-documents', icon: '▤', ready: false },
  { id: 'spaces', path: '/spaces', icon: '⌂', ready: false },
  { id: 'etracking', path: '/etracking', icon: '◎', ready: false },
  { id: 'tokens', path: '/tokens', icon: '▣', ready: true },
  { id: 'settings', path: '/settings', icon: '⚙', ready: true },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
