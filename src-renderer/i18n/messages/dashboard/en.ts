/** The dashboard's "My procedures" list (English: the reference the other languages are typed against). */
export const dashboardEn = {
  filters: 'Show',
  filter: {
    all: 'All',
    drafts: 'In preparation',
    sent: 'Sent',
    action: 'Needs my action',
    closed: 'Closed',
  },
  count: '{label} ({n})',
  search: 'Search procedures',
  searchHelp: 'Reference, procedure or a word of its messages.',
  sort: 'Sort by',
  sorts: { updated: 'Last update', name: 'Name', reference: 'Reference' },
  ascending: 'Ascending',
  descending: 'Descending',
  draft: 'In preparation',
  noMatch: 'Nothing matches “{text}”.',
  noneInFilter: 'Nothing here.',
  rows: '{n} procedure | {n} procedures',
  tableHelp: 'Arrow keys move between rows, Enter opens one.',
  loadingRow: 'Loading…',
};
