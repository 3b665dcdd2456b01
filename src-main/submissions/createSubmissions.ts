import type { AuthorityConnection } from '../authority/AuthorityConnection';
import type { AuthorityStore } from '../authority/AuthorityStore';
import type { OutboxService } from '../authority/OutboxService';
import type { DocumentOptions } from '../documents';
import type { EventHub } from '../events/EventHub';
import type { FormsService } from '../forms/FormsService';
import type { Logger } from '../log/Logger';
import type { VaultOwner } from '../vault/owner/VaultOwner';
import { AnonymousSubmission } from './AnonymousSubmission';
import type { HttpTransport } from '../net/HttpTransport';
import { createNodeTransport, DIRECT_NETWORK } from '../net/createNodeTransport';
import { BatchSigning } from './BatchSigning';
import { CoSignatures } from './CoSignatures';
import type { SupportedLocale } from '../../src-shared/i18n/locales';
import { SubmissionDocuments } from './SubmissionDocuments';
import { SubmissionOutcomes } from './SubmissionOutcomes';
import { SubmissionService, type SubmissionTokens } from './SubmissionService';

export interface Submissions {
  service: SubmissionService;
  anonymous: AnonymousSubmission;
  /** Several prepared submissions signed in one token session. */
  batch: BatchSigning;
  /** Sent to a second signer, and the signatures asked of this person. */
  cosignatures: CoSignatures;
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
  /** The language of receipts made for co-signed submissions (the app's). */
  language?: () => SupportedLocale;
  documentOptions?: DocumentOptions;
  /** The TSA the policy names (null: the authority's) and how requests to it travel. */
  tsa?: { url: () => string | null; transport: () => HttpTransport };
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
      const chosen = deps.tsa?.url() ?? null;
      if (chosen) return chosen;
      await connection.api();
      return `${connection.endpointInfo().apiUrl}/tsa`;
    },
    // The demo sandbox's TSA is on loopback in this process: never through a proxy.
    tsaTransport: () => (deps.tsa && (deps.tsa.url() || !connection.endpointInfo().demo) ? deps.tsa.transport() : createNodeTransport(DIRECT_NETWORK)),
    events,
    log,
    ...(deps.documentOptions ? { documentOptions: deps.documentOptions } : {}),
  });
  const outcomes = new SubmissionOutcomes({ store, events, log, isVaultUnlocked: deps.isVaultUnlocked, ...(deps.documentOptions ? { documentOptions: deps.documentOptions } : {}) });
  const anonymous = new AnonymousSubmission({
    store,
    api: () => connection.api(),
    prepared: (id) => service.preparedFor(id),
    done: (id) => service.spend(id),
    reserve: (prepared) => service.reserve(prepared),
    events,
    log,
    ...(deps.documentOptions ? { documentOptions: deps.documentOptions } : {}),
  });
  const cosignatures = new CoSignatures({
    service,
    store,
    api: () => connection.api(),
    person: () => {
      const owner = deps.owner.current();
      return owner ? { ssn: owner.ssn, privateSpaceId: connection.sessionStatus().privateSpaceId ?? owner.personId } : null;
    },
    tokens: deps.tokens,
    spaceIds: () => connection.spaceIds,
    signatureOf: async (procedureId) => {
      const signature = (await deps.forms.getDefinition(procedureId))?.signature;
      // A procedure this vault does not know is signed as the strictest would be.
      return signature === 'advanced' ? 'advanced' : 'qualified';
    },
    receipt: (record, reference) => outcomes.recordCoSigned(record, reference, deps.language?.() ?? 'en'),
    events,
    log,
  });
  // After each sync: what became of the drafts sent to a second signer (the authority has no feed entry for it).
  const stopSyncs = events.on('sync.progress', (progress) => {
    if (progress.phase !== 'done' || !deps.isVaultUnlocked() || store.repos.submissions.awaitingCoSigner().length === 0) return;
    void cosignatures.list().catch((error: unknown) => log.warn('cosignatures.followFailed', { message: (error as Error).message }));
  });
  const stopItems = deps.outbox.onItem((event) => void outcomes.onOutboxItem(event));
  const stopVault = events.on('vault.stateChanged', (status) => {
    if (status.state === 'unlocked') void outcomes.reconcile();
    else {
      service.forget();
      cosignatures.forget();
    }
  });
  return {
    service,
    anonymous,
    batch: new BatchSigning(service, log),
    cosignatures,
    documents: new SubmissionDocuments(store),
    outcomes,
    dispose() {
      stopItems();
      stopVault();
      stopSyncs();
      service.forget();
    },
  };
}
