import type { dossiersCalls } from '../../../src-shared/contract/dossiersContract';
import type { HandlersFor } from '../HandlersFor';
import type { DossierService } from '../../dossiers/DossierService';

export function createDossiersHandlers(deps: { dossiers: DossierService }): HandlersFor<typeof dossiersCalls> {
  const { dossiers } = deps;
  return {
    'dossiers.list': (query) => dossiers.listDossiers(query),
    'dossiers.get': ({ reference }) => dossiers.getDossier(reference),
    'messages.list': ({ reference }) => ({ items: dossiers.listMessages(reference) }),
  };
}
