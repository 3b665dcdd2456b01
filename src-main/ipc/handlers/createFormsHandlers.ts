import type { formsCalls } from '../../../src-shared/contract/formsContract';
import type { HandlersFor } from '../HandlersFor';
import type { FormsService } from '../../forms/FormsService';

/** Catalogue, drafts, attachments and prefill reads of the forms (see FormsService). */
export function createFormsHandlers(deps: { forms: FormsService }): HandlersFor<typeof formsCalls> {
  const { forms } = deps;
  return {
    'catalogue.list': async () => ({ items: await forms.listCatalogue() }),
    'catalogue.get': async ({ procedureId }) => ({ definition: await forms.getDefinition(procedureId) }),
    'drafts.list': (input) => ({ items: forms.listDrafts(input) }),
    'drafts.get': ({ id }) => ({ draft: forms.getDraft(id) }),
    'drafts.save': (input) => forms.saveDraft(input),
    'drafts.delete': ({ id }) => ({ deleted: forms.deleteDraft(id) }),
    'drafts.uploadAttachment': async (input) => ({ attachment: await forms.uploadChunk(input) }),
    'drafts.removeAttachment': ({ ref }) => ({ deleted: forms.removeAttachment(ref) }),
    'personalData.prefill': () => forms.prefillSources(),
  };
}
