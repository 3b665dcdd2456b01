import type { dossiersCalls } from '../../../src-shared/contract/dossiersContract';
import type { HandlersFor } from '../HandlersFor';
import type { DossierService } from '../../dossiers/DossierService';
import type { DossierDocuments } from '../../dossiers/DossierDocuments';
import type { FileHandleRegistry } from '../../files/FileHandleRegistry';

export function createDossiersHandlers(deps: { dossiers: DossierService; documents: DossierDocuments; files: FileHandleRegistry }): HandlersFor<typeof dossiersCalls> {
  const { dossiers, documents, files } = deps;
  return {
    'dossiers.list': (query) => dossiers.listDossiers(query),
    'dossiers.get': ({ reference }) => dossiers.getDossier(reference),
    'dossiers.documents': ({ reference }) => ({ items: documents.list(reference) }),
    'dossiers.openDocument': ({ reference, documentId }) => {
      const { meta, content } = documents.read(reference, documentId);
      return { name: meta.name, mediaType: meta.mediaType, contentBase64: content.toString('base64') };
    },
    'dossiers.saveDocument': async ({ reference, documentId, saveTo }) => {
      documents.read(reference, documentId); // not found: the save choice stays usable for another try
      return documents.save(reference, documentId, files.take(saveTo, 'pdfDocument', 'save'));
    },
    'dossiers.verifyDocument': ({ reference, documentId }) => documents.verify(reference, documentId),
    'dossiers.attachFile': async ({ fileHandle, spaceId }) => {
      const picked = files.resolve(fileHandle, 'replyAttachment', 'open');
      const attached = await documents.attachPicked(picked, spaceId);
      files.release(fileHandle);
      return attached;
    },
    'messages.list': ({ reference }) => ({ items: dossiers.listMessages(reference) }),
  };
}
