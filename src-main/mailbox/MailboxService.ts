import path from 'node:path';
import type { LocalizedText } from '../../src-shared/authority/apiSchemas';
import { AuthorityItemNotFoundError } from '../../src-shared/authority/errors';
import type {
  MailboxCounts,
  MailboxItem,
  MailboxListInput,
  MailboxMessage,
  ReplyRule,
} from '../../src-shared/contract/mailboxContract';
import type { AuthorityApi } from '../authority/AuthorityApi';
import type { AuthorityStore } from '../authority/AuthorityStore';
import type { MessageReadPayload } from '../authority/outboxPayloads';
import { decodeLocalized } from '../authority/toVaultRecords';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { Logger } from '../log/Logger';
import { MailboxQueries, type MailboxRow } from './MailboxQueries';
import type { MessageFiles } from './MessageFiles';

const NOTIFIED_KEY = 'mailbox.notifiedRid';
const FINAL_STATUSES = new Set(['completed', 'rejected']);
/** The list's preview of a body, in characters. */
const PREVIEW = 160;
/** How long opening a message waits for the authority's word on replies before it goes on with what the vault has. */
const REPLY_CHECK_MS = 4_000;

export interface NewMessagesNotice {
  count: number;
  latest: { id: string; dossierReference: string; subject: LocalizedText };
  counts: MailboxCounts;
}

export interface MailboxServiceOptions {
  store: AuthorityStore;
  files: MessageFiles;
  /** The outbox: marks go to the authority through it, exactly once, offline first. */
  outbox: { enqueueMessageRead(payload: MessageReadPayload): unknown };
  api: () => Promise<AuthorityApi>;
  /** The current space (DossierService's rule); null: every space. */
  defaultSpaceId: () => string | null;
  /** New messages of the authority arrived (not raised while the setting is off). */
  onNewMessages: (notice: NewMessagesNotice) => void;
  notificationsEnabled: () => boolean;
  log: Logger;
  now?: () => number;
}

/** A body as the vault keeps it: its languages, and whether it is the authority's limited rich text. */
function decodeBody(raw: string): { text: LocalizedText; format: 'text' | 'rich' } {
  let format: 'text' | 'rich' = 'text';
  if (raw.startsWith('{')) {
    try {
      format = (JSON.parse(raw) as { format?: unknown }).format === 'rich' ? 'rich' : 'text';
    } catch {
      // Plain text.
    }
  }
  return { text: decodeLocalized(raw), format };
}

/** Elements whose content is code or markup, not words: left out of the preview whole. */
const NOT_WORDS = /<(script|style|template|noscript|iframe|object|embed|svg|math|textarea|select|title|head)\b[\s\S]*?(<\/\1\s*>|$)/gi;
/** A tag, its quoted attribute values included (a `>` inside quotes does not end it). */
const TAG = /<\/?[a-z!?][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>?/gi;

/** The words of a rich text, for the list (shown as text, never as HTML): code and tags left out. */
function richToPlain(value: string): string {
  return value.replace(NOT_WORDS, ' ').replace(TAG, ' ').replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ');
}

/** Plain characters of a body for the list: tags of rich text dropped (shown as text, never as HTML). */
function previewOf(text: LocalizedText, format: 'text' | 'rich'): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of ['de', 'fr', 'en'] as const) {
    const value = text[lang];
    if (value === undefined) continue;
    const plain = format === 'rich' ? richToPlain(value.slice(0, 20_000)) : value.slice(0, 2_000);
    out[lang] = plain.replace(/\s+/g, ' ').trim().slice(0, PREVIEW);
  }
  return out;
}

/**
 * The mailbox: every message of the current space's dossiers from the vault, read state kept in the vault at once and
 * sent to the authority through the outbox, the files of the authority's messages downloaded and checked, whether a
 * reply is allowed, and the notice of new messages after a sync.
 */
export class MailboxService {
  private readonly queries: MailboxQueries;

  constructor(private readonly options: MailboxServiceOptions) {
    this.queries = new MailboxQueries(options.store.session);
  }

  private space(): string | null {
    return this.options.defaultSpaceId();
  }

  list(input: MailboxListInput): { items: MailboxItem[]; total: number; page: number; pageSize: number } {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 50;
    const { rows, total } = this.queries.list(
      {
        spaceId: this.space(),
        ...(input.reference !== undefined ? { reference: input.reference } : {}),
        ...(input.unreadOnly ? { unreadOnly: true } : {}),
        ...(input.withAttachments ? { withAttachments: true } : {}),
      },
      page,
      pageSize,
    );
    return { items: rows.map((row) => this.toItem(row)), total, page, pageSize };
  }

  counts(): MailboxCounts {
    const spaceId = this.space();
    return this.options.store.repos.messages.unreadCounts(spaceId === null ? {} : { spaceId });
  }

  async get(messageId: string): Promise<MailboxMessage> {
    const row = this.row(messageId);
    const body = decodeBody(row.body);
    const [attachments, reply] = await Promise.all([row.direction === 'in' ? this.options.files.ensure(row) : this.ownFiles(row), this.replyRule(row)]);
    return { ...this.toItem(row), body: body.text, bodyFormat: body.format, dossierStatus: row.dossierStatus, attachments, reply };
  }

  /** In the vault at once; to the authority through the outbox, only when it changes anything. */
  markRead(messageId: string, read: boolean): { read: boolean; counts: MailboxCounts } {
    const row = this.row(messageId);
    if (row.direction === 'in' && row.read !== read) {
      // One transaction: the vault's state and the outbox item that tells the authority, or neither.
      this.options.store.session().tx(() => {
        this.queries.setRead(row.id, read);
        this.options.outbox.enqueueMessageRead({ spaceId: row.spaceId, reference: row.dossierId, messageId: row.id, read });
      });
    }
    return { read: row.direction === 'in' ? read : true, counts: this.counts() };
  }

  attachment(messageId: string, fileId: string): { name: string; mediaType: string; content: Buffer } {
    const row = this.row(messageId);
    const document = row.attachments.includes(fileId) ? this.options.store.repos.documents.get(fileId) : null;
    if (!document) throw new AuthorityItemNotFoundError(`No file ${fileId} of this message in the vault.`, { what: 'attachment', id: fileId });
    return { name: document.meta.name, mediaType: document.meta.mediaType, content: document.content };
  }

  /** Writes it where main's save dialog said (never a path from the renderer): the person's file to keep and share. */
  async save(messageId: string, fileId: string, target: string): Promise<{ name: string; size: number }> {
    const { content } = this.attachment(messageId, fileId);
    await writeFileAtomic(target, content, 0o644);
    return { name: path.basename(target), size: content.length };
  }

  /**
   * After a sync: the authority's unread messages stored since the last look raise one notice. The first look of a
   * vault only remembers where it stands (the messages of a first sync are no news).
   */
  checkNewMessages(): void {
    const { settings } = this.options.store.repos;
    const seen = settings.get<number>(NOTIFIED_KEY);
    const last = this.queries.lastRid();
    if (typeof seen !== 'number') {
      settings.set(NOTIFIED_KEY, last);
      return;
    }
    if (last <= seen) return;
    const fresh = this.queries.unreadAfter(seen, this.space());
    settings.set(NOTIFIED_KEY, last);
    // Their files come into the vault now, while the authority can be reached (and are there when it cannot).
    for (const row of fresh.filter((r) => r.attachments.length > 0).slice(0, 20)) {
      void this.options.files.ensure(row).catch((error: unknown) => this.options.log.info('mailbox.prefetchFailed', { message: (error as Error).message }));
    }
    const latest = fresh[0];
    if (!latest || !this.options.notificationsEnabled()) return;
    this.options.onNewMessages({
      count: fresh.length,
      latest: { id: latest.id, dossierReference: latest.dossierId, subject: decodeLocalized(latest.subject) },
      counts: this.counts(),
    });
  }

  private row(messageId: string): MailboxRow {
    const row = this.queries.get(messageId);
    const space = this.space();
    if (!row || (space !== null && row.spaceId !== space)) {
      throw new AuthorityItemNotFoundError(`No message ${messageId} in the vault.`, { what: 'message', id: messageId });
    }
    return row;
  }

  private toItem(row: MailboxRow): MailboxItem {
    const body = decodeBody(row.body);
    return {
      id: row.id,
      dossierReference: row.dossierId,
      procedureTitle: decodeLocalized(row.dossierTitle),
      direction: row.direction,
      subject: decodeLocalized(row.subject),
      preview: previewOf(body.text, body.format),
      attachmentCount: row.attachments.length,
      sentAt: row.sentAt,
      read: row.direction === 'out' || row.read,
    };
  }

  /** The person's own replies: the files they sent are in the vault already when kept; nothing to check. */
  private async ownFiles(row: MailboxRow): Promise<MailboxMessage['attachments']> {
    return row.attachments.map((id) => {
      const meta = this.options.store.repos.documents.getMeta(id);
      return { fileId: id, name: meta?.name ?? id, mediaType: meta?.mediaType ?? 'application/octet-stream', size: meta?.size ?? 0, downloaded: meta !== null, signature: null, error: null };
    });
  }

  /**
   * Whether the authority accepts a reply on this dossier: asked of it now (a short wait), else what it said last (its
   * changes feed carries the rule; kept with the dossier in the vault); never said, what the status suggests
   * (information requested: yes).
   */
  private async replyRule(row: MailboxRow): Promise<ReplyRule> {
    let rule: { allowed: boolean; status: string; checkedAt: number } | null =
      row.repliesAllowed === null ? null : { allowed: row.repliesAllowed, status: row.dossierStatus, checkedAt: row.repliesCheckedAt ?? 0 };
    let timer: NodeJS.Timeout | undefined;
    try {
      const asked = (async () => (await this.options.api()).getDossier(row.spaceId, row.dossierId))();
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), REPLY_CHECK_MS);
      });
      const dossier = await Promise.race([asked, timeout]);
      asked.catch(() => undefined);
      if (dossier) {
        rule = { allowed: dossier.repliesAllowed, status: dossier.status, checkedAt: this.now() };
        this.options.store.repos.dossiers.setRepliesAllowed(row.dossierId, dossier.repliesAllowed, rule.checkedAt);
      }
    } catch (error) {
      this.options.log.info('mailbox.replyRuleOffline', { message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
    const closed = FINAL_STATUSES.has(row.dossierStatus);
    if (rule) {
      const isClosed = FINAL_STATUSES.has(rule.status) || closed;
      const allowed = rule.allowed && !isClosed;
      return { allowed, reason: allowed ? null : isClosed ? 'closed' : 'notAccepted', checkedAt: rule.checkedAt };
    }
    const allowed = row.dossierStatus === 'information_requested';
    return { allowed, reason: allowed ? null : closed ? 'closed' : 'unknown', checkedAt: null };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
