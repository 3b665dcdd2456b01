/** UI texts of the PDF preview (English: the reference the other languages are typed against). */
export const pdfEn = {
  documentLabel: 'Preview of {title}',
  toolbar: 'Document pages',
  loading: 'Opening the document…',
  progress: 'Progress of opening the document',
  pageOf: 'Page {page} of {count}',
  pageCount: '{count} page | {count} pages',
  pageLabel: 'Page {page} of {count}',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  print: 'Print',
  preparingPrint: 'Preparing the pages for printing…',
  empty: 'There is no document to show.',
  error: {
    notPdf: 'This file is not a PDF document, or it is damaged: it cannot be shown.',
    passwordProtected: 'This PDF document is protected by a password and cannot be shown here.',
    unreadable: 'This document cannot be shown. It may be damaged; try again or contact support.',
  },
};
