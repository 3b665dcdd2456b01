import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { DossierView, MessageView, OutboxItemView } from '../../src-shared/authority/viewSchemas';
import type { DocumentVerification, DossierDocument } from '../../src-shared/dossiers/dossierDocumentSchemas';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { toContractError } from '../../src-shared/errors/toContractError';
import { useGuichet } from '../bridge/useGuichet';

export type VerificationState = { state: 'checking' } | { state: 'done'; result: DocumentVerification } | { state: 'failed'; error: ContractError };

/**
 * One dossier as the vault holds it (the dossier page): the dossier and its status history, what was submitted, its
 * messages, the signature checks of its PDFs, and the answers sent from this page while they are on their way
 * (their outbox items). Reloaded when sync changes dossiers and when the connection's outbox counts move.
 */
export const useDossierStore = defineStore('dossier', () => {
  const guichet = useGuichet();
  const reference = ref<string | null>(null);
  const dossier = shallowRef<DossierView | null>(null);
  const documents = shallowRef<DossierDocument[]>([]);
  const messages = shallowRef<MessageView[]>([]);
  const loading = ref(false);
  const error = shallowRef<ContractError | null>(null);
  const verifications = ref<Record<string, VerificationState>>({});
  /** Outbox ids of the answers sent from this page, newest last, with what the outbox says of them. */
  const answers = shallowRef<Array<{ outboxId: number; item: OutboxItemView | null }>>([]);
  let unsubscribe: (() => void) | null = null;
  let generation = 0;

  const latestAnswer = computed(() => answers.value.at(-1) ?? null);

  async function load(ref_: string): Promise<void> {
    const mine = ++generation;
    if (reference.value !== ref_) {
      dossier.value = null;
      documents.value = [];
      messages.value = [];
      verifications.value = {};
      answers.value = [];
    }
    reference.value = ref_;
    loading.value = true;
    try {
      const [d, docs, msgs] = await Promise.all([
        guichet.dossiers.get({ reference: ref_ }),
        guichet.dossiers.documents({ reference: ref_ }),
        guichet.messages.list({ reference: ref_ }),
      ]);
      if (mine !== generation) return;
      dossier.value = d;
      documents.value = docs.items;
      messages.value = msgs.items;
      error.value = null;
      for (const doc of docs.items) if (doc.kind === 'signed' && !verifications.value[doc.id]) void verify(doc.id);
    } catch (raw) {
      if (mine === generation) error.value = toContractError(raw);
    } finally {
      if (mine === generation) loading.value = false;
    }
    await refreshAnswers();
    subscribe();
  }

  function subscribe(): void {
    if (unsubscribe) return;
    const offChanged = guichet.events.on('dossiers.changed', () => {
      if (reference.value) void load(reference.value);
    });
    const offConnection = guichet.events.on('connection.changed', () => void refreshAnswers());
    unsubscribe = () => {
      offChanged();
      offConnection();
    };
  }

  async function verify(documentId: string): Promise<void> {
    if (!reference.value) return;
    const forReference = reference.value;
    verifications.value = { ...verifications.value, [documentId]: { state: 'checking' } };
    try {
      const result = await guichet.dossiers.verifyDocument({ reference: forReference, documentId });
      if (reference.value === forReference) verifications.value = { ...verifications.value, [documentId]: { state: 'done', result } };
    } catch (raw) {
      if (reference.value === forReference) verifications.value = { ...verifications.value, [documentId]: { state: 'failed', error: toContractError(raw) } };
    }
  }

  /** The answer goes into the vault outbox first (exactly once: one idempotency key), then out when it can. */
  async function answer(input: { body: string; attachmentIds: string[]; language: 'de' | 'fr' | 'en' }): Promise<void> {
    const d = dossier.value;
    if (!d) return;
    const enqueued = await guichet.messages.reply({ spaceId: d.spaceId, reference: d.reference, body: input.body, language: input.language, attachmentIds: input.attachmentIds });
    answers.value = [...answers.value.filter((a) => a.outboxId !== enqueued.outboxId), { outboxId: enqueued.outboxId, item: null }];
    await refreshAnswers();
  }

  async function refreshAnswers(): Promise<void> {
    if (answers.value.length === 0) return;
    try {
      const { items } = await guichet.outbox.list({ limit: 500 });
      const before = answers.value;
      answers.value = before.map((a) => ({ outboxId: a.outboxId, item: items.find((i) => i.id === a.outboxId) ?? a.item }));
      // Sent: the vault has the message now.
      if (before.some((a, i) => a.item?.status !== 'sent' && answers.value[i]?.item?.status === 'sent') && reference.value) {
        messages.value = (await guichet.messages.list({ reference: reference.value })).items;
      }
    } catch {
      // The outbox is read again at the next change.
    }
  }

  function dispose(): void {
    unsubscribe?.();
    unsubscribe = null;
    generation++;
  }

  return { reference, dossier, documents, messages, loading, error, verifications, answers, latestAnswer, load, verify, answer, refreshAnswers, dispose };
});
