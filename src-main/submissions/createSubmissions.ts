import type { AuthorityConnection } from '../authority/AuthorityConnection';
import type { AuthorityStore } from '../authority/AuthorityStore';
import type { OutboxService } from '../authority/OutboxService';
import type { DocumentOptions } from '../documents';
import type { EventHub } from '../events/EventHub';
import type { FormsService } from '../forms/FormsService';
import type { Logger } from '../log/Logger';
import type { VaultOwner } from '../vault/owner/VaultOwner';
import { AnonymousSubmission } from './AnonymousSubmission';
import { BatchSigning } from './BatchSigning';
import { SubmissionDocuments } from './SubmissionDocuments';
import { SubmissionOutcomes } from './SubmissionOutcomes';
import { SubmissionService, type SubmissionTokens } from './SubmissionService';

export interface Submissions {
  service: SubmissionService;
  anonymous: AnonymousSubmission;
  /** Several prepared submissions signed in one token session. */
  batch: BatchSigning;
  documents: SubmissionDocuments;
  outcomes: SubmissionOutcomes;
  dispose(): void;
}

/**
 * Wires sign-and-submit into main: the signer must be the vault's owner (the only person who signs in to it), the
 * TSA is the authority's, outcomes follow the outbox's items and are caught up on whenever the vault opens.
 */
export function createSubmissions(deps: {
  store: AuthorityStore;
  forms: FormsService;
  tokens: SubmissionTokens;
  connection: AuthorityConnection;
  outbox: OutboxService;
  owner: VaultOwner;
  events: EventHub;
  log: Logger;
  isVaultUnlocked: () => boolean;
  documentOptions?: DocumentOptions;
}): Submissions {
  const { store, events, log, connection } = deps;
  const service = new SubmissionService({
    store,
    forms: deps.forms,
    tokens: deps.tokens,
    outbox: deps.outbox,
    // The vault's owner: whoever signs must be them, also offline (the outbox sends later, with their session).
    person: () => {
      const owner = deps.owner.current();
      if (!owner) return null;
      return { ssn: owner.ssn, name: connection.sessionStatus().personName ?? owner.name, privateSpaceId: connection.sessionStatus().privateSpaceId ?? owner.personId };
    },
    tsaUrl: async () => {
      await connection.api();
      return `${connection.endpointInfo().apiUrl}/tsa`;
    },
    events,
    log,
    ...(deps.documentOptions ? { documentOptions: deps.documentOptions } : {}),
  });
  const outcomes = new SubmissionOutcomes({ store, events, log, isVaultUnlocked: deps.isVaultUnlocked, ...(deps.documentOptions ? { documentOptions: deps.documentOptions } : {}) });
  const anonymous = new AnonymousSubmission({
    store,
    api: () => connection.api(),
    prepared: (id) => service.preparedFor(id),
    done: () => undefined,
    events,
    log,
    ...(deps.documentOptions ? { documentOptions: deps.documentOptions } : {}),
  });
  const stopItems = deps.outbox.onItem((event) => void outcomes.onOutboxItem(event));
  const stopVault = events.on('vault.stateChanged', (status) => {
    if (status.state === 'unlocked') void outcomes.reconcile();
    else service.forget();
  });
  return {
    service,
    anonymous,
    batch: new BatchSigning(service, log),
    documents: new SubmissionDocuments(store),
    outcomes,
    dispose() {
      stopItems();
      stopVault();
      service.forget();
    },
  };
}
