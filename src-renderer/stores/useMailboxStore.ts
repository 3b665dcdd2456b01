import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { MailboxCounts, MailboxItem, MailboxMessage } from '../../src-shared/contract/mailboxContract';
import type { EventPayload } from '../../src-shared/contract/types';
import { toContractError } from '../../src-shared/errors/toContractError';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { useGuichet } from '../bridge/useGuichet';

const PAGE_SIZE = 25;

export interface MailboxFilters {
  reference: string | null;
  unreadOnly: boolean;
  withAttachments: boolean;
}

/**
 * The mailbox: a page of the current space's messages (unread first), the unread counts for the navigation, the
 * message open, and the last notice of new messages (the toast). Everything comes from main; reloaded when sync
 * changes dossiers or messages.
 */
export const useMailboxStore = defineStore('mailbox', () => {
  const guichet = useGuichet();
  const items = ref<MailboxItem[]>([]);
  const total = ref(0);
  const page = ref(1);
  const filters = ref<MailboxFilters>({ reference: null, unreadOnly: false, withAttachments: false });
  const counts = ref<MailboxCounts | null>(null);
  const selected = shallowRef<MailboxMessage | null>(null);
  const opening = ref<string | null>(null);
  const loading = ref(false);
  const error = shallowRef<ContractError | null>(null);
  const notice = shallowRef<EventPayload<'mailbox.newMessages'> | null>(null);
  let stop: (() => void) | null = null;
  let listGeneration = 0;

  const pages = computed(() => Math.max(1, Math.ceil(total.value / PAGE_SIZE)));
  const unread = computed(() => counts.value?.total ?? 0);

  async function loadCounts(): Promise<void> {
    try {
      counts.value = await guichet.mailbox.counts({});
    } catch {
      // Locked meanwhile: the badge shows nothing until the next change.
      counts.value = null;
    }
  }

  async function loadList(): Promise<void> {
    const mine = ++listGeneration;
    loading.value = true;
    try {
      const answer = await guichet.mailbox.list({
        ...(filters.value.reference ? { reference: filters.value.reference } : {}),
        ...(filters.value.unreadOnly ? { unreadOnly: true } : {}),
        ...(filters.value.withAttachments ? { withAttachments: true } : {}),
        page: page.value,
        pageSize: PAGE_SIZE,
      });
      if (mine !== listGeneration) return;
      items.value = answer.items;
      total.value = answer.total;
      error.value = null;
    } catch (raw) {
      if (mine === listGeneration) error.value = toContractError(raw);
    } finally {
      if (mine === listGeneration) loading.value = false;
    }
  }

  /** Listens to sync (counts, list) and to notices of new messages; once, for the app's lifetime. */
  function start(): void {
    if (stop) return;
    const offChanged = guichet.events.on('dossiers.changed', () => {
      void loadCounts();
      void loadList();
    });
    const offNew = guichet.events.on('mailbox.newMessages', (payload) => {
      notice.value = payload;
      counts.value = payload.counts;
    });
    stop = () => {
      offChanged();
      offNew();
    };
    void loadCounts();
  }

  async function setFilters(next: Partial<MailboxFilters>): Promise<void> {
    filters.value = { ...filters.value, ...next };
    page.value = 1;
    await loadList();
  }

  async function goToPage(next: number): Promise<void> {
    page.value = Math.min(Math.max(1, next), pages.value);
    await loadList();
  }

  function applyRead(id: string, read: boolean, next: MailboxCounts): void {
    counts.value = next;
    items.value = items.value.map((item) => (item.id === id ? { ...item, read } : item));
    if (selected.value?.id === id) selected.value = { ...selected.value, read };
  }

  /** Opens a message (its files fetched and checked by main) and marks it read. */
  async function open(id: string): Promise<void> {
    opening.value = id;
    error.value = null;
    try {
      const message = await guichet.mailbox.get({ messageId: id });
      if (opening.value !== id) return;
      selected.value = message;
      if (!message.read) {
        const answer = await guichet.mailbox.markRead({ messageId: id, read: true });
        applyRead(id, answer.read, answer.counts);
      }
    } catch (raw) {
      error.value = toContractError(raw);
    } finally {
      if (opening.value === id) opening.value = null;
    }
  }

  async function markRead(id: string, read: boolean): Promise<void> {
    error.value = null;
    try {
      const answer = await guichet.mailbox.markRead({ messageId: id, read });
      applyRead(id, answer.read, answer.counts);
    } catch (raw) {
      error.value = toContractError(raw);
    }
  }

  function close(): void {
    selected.value = null;
  }

  function dismissNotice(): void {
    notice.value = null;
  }

  return {
    items,
    total,
    page,
    pages,
    filters,
    counts,
    unread,
    selected,
    opening,
    loading,
    error,
    notice,
    start,
    loadList,
    loadCounts,
    setFilters,
    goToPage,
    open,
    markRead,
    close,
    dismissNotice,
  };
});
