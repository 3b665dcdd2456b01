import type { dashboardEn } from './en';

export const dashboardFr: typeof dashboardEn = {
  filters: 'Afficher',
  filter: {
    all: 'Toutes',
    drafts: 'En préparation',
    sent: 'Envoyées',
    action: 'Action requise',
    closed: 'Clôturées',
  },
  count: '{label} ({n})',
  search: 'Rechercher une démarche',
  searchHelp: 'Référence, démarche ou un mot de ses messages.',
  sort: 'Trier par',
  sorts: { updated: 'Dernière mise à jour', name: 'Nom', reference: 'Référence' },
  order: 'Ordre',
  ascending: 'Croissant',
  descending: 'Décroissant',
  draft: 'En préparation',
  signatureRequested: 'Signature demandée',
  noMatch: 'Rien ne correspond à « {text} ».',
  noneInFilter: 'Rien ici.',
  rows: '{n} démarche | {n} démarches',
  tableHelp: 'Les flèches passent d’une ligne à l’autre, Entrée l’ouvre.',
  loadingRow: 'Chargement…',
};
