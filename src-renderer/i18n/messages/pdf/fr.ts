import type { pdfEn } from './en';

/** Textes de l’aperçu PDF. */
export const pdfFr: typeof pdfEn = {
  documentLabel: 'Aperçu de {title}',
  toolbar: 'Pages du document',
  loading: 'Ouverture du document…',
  progress: 'Progression de l’ouverture du document',
  pageOf: 'Page {page} sur {count}',
  pageCount: '{count} page | {count} pages',
  pageLabel: 'Page {page} sur {count}',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  print: 'Imprimer',
  preparingPrint: 'Préparation des pages pour l’impression…',
  empty: 'Aucun document à afficher.',
  error: {
    notPdf: 'Ce fichier n’est pas un document PDF, ou il est endommagé : il ne peut pas être affiché.',
    passwordProtected: 'Ce document PDF est protégé par un mot de passe et ne peut pas être affiché ici.',
    unreadable: 'Ce document ne peut pas être affiché. Il est peut-être endommagé ; réessayez ou contactez le support.',
  },
};
