import type { authorityCalls } from '../../../src-shared/contract/authorityContract';
import type { HandlersFor } from '../HandlersFor';
import type { AuthorityService } from '../../authority/AuthorityService';

export function createAuthorityHandlers(deps: { authority: AuthorityService }): HandlersFor<typeof authorityCalls> {
  const { authority } = deps;
  return {
    'connection.status': () => authority.status(),
    'session.status': () => authority.sessionStatus(),
    'sync.now': () => authority.syncNow(),
    'dossiers.list': (query) => authority.listDossiers(query),
    'dossiers.get': ({ reference }) => authority.getDossier(reference),
    'messages.list': ({ reference }) => ({ items: authority.listMessages(reference) }),
    'messages.reply': (input) => authority.enqueueReply(input),
    'submissions.enqueue': (input) => authority.enqueueSubmission(input),
    'outbox.list': (options) => ({ items: authority.listOutbox(options) }),
  };
}
