import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { MailboxCounts, MailboxItem, MailboxMessage } from '../../../src-shared/contract/mailboxContract';
import type { OutboxItemView } from '../../../src-shared/authority/viewSchemas';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createKeySigner } from '../../../src-main/signing/CmsSigner';
import { signPdf } from '../../../src-main/signing/signPdf';
import { SOFTHSM_MODULE, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { until } from '../../helpers/until';
import { ANNE_SPACE, expectContractClean, operator } from '../authority/authorityKit';
import { closeJourneyParts, openAnneOnSandbox, type SignedInApp } from '../submissions/signedInApp';

const PIN = '123456';

type Page = { items: MailboxItem[]; total: number };

/** A PDF the authority issues, sealed with the sandbox PKI's seal (chained to the authority's /pki root). */
async function sealedPdf(sandbox: SandboxHandle, text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  const seal = sandbox.pki.companySeal;
  const signer = createKeySigner(
    readFileSync(path.join(sandbox.pki.dir, seal.keyFile), 'utf8'),
    readFileSync(path.join(sandbox.pki.dir, seal.certFile)),
    [readFileSync(path.join(sandbox.pki.dir, sandbox.pki.issuing.certFile))],
  );
  return (await signPdf(await doc.save({ useObjectStreams: false }), { signer, level: 'B-B' })).pdf;
}

/**
 * The mailbox's main side on real parts: Anne's SoftHSM2 token, a SQLCipher vault, the sandbox over HTTP. Messages of
 * several dossiers listed unread first, counted, filtered; read in the vault at once and at the authority once, even
 * after a time offline; the authority's sealed PDF downloaded and valid, the same with a byte changed invalid; replies
 * allowed or not as the operator says; new messages raise a notice unless the setting is off.
 */
describe.skipIf(!SOFTHSM_MODULE)('mailbox on a real vault and the sandbox', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  let refs: string[] = [];
  const value = <T>(name: string, input?: unknown) => app.value<T>(name, input);
  const post = async (ref: string, body: Record<string, unknown>): Promise<string> => {
    const res = await operator(sandbox, `/dossiers/${ref}/messages`, body);
    expect(res.status).toBe(201);
    return res.data.id as string;
  };

  beforeAll(async () => {
    ({ hsm, sandbox, app } = await openAnneOnSandbox(PIN));
    const { data } = await operator(sandbox, `/dossiers?space=${ANNE_SPACE}`);
    refs = (data.items as { reference: string; status: string }[]).filter((d) => !['completed', 'rejected'].includes(d.status)).map((d) => d.reference);
    expect(refs.length).toBeGreaterThanOrEqual(2);
  }, 180_000);

  afterAll(() => closeJourneyParts({ app, sandbox, hsm }));

  it('lists every message of the space unread first then newest, counts them per dossier, and filters', { timeout: 60_000 }, async () => {
    await post(refs[0]!, { subject: 'First question', body: 'Please call us.' });
    await post(refs[1]!, {
      subject: 'Your extract',
      body: '<p>See the <strong>attached</strong> file.</p>',
      bodyFormat: 'rich',
      attachments: [{ filename: 'extract.pdf', mediaType: 'application/pdf', contentBase64: (await sealedPdf(sandbox, 'Extract')).toString('base64') }],
    });
    await value('sync.now');

    const all = await value<Page>('mailbox.list', { pageSize: 200 });
    expect(all.total).toBe(all.items.length);
    const { data } = await operator(sandbox, `/dossiers?space=${ANNE_SPACE}`);
    expect(new Set(all.items.map((m) => m.dossierReference)).size).toBeGreaterThanOrEqual(2);
    expect(all.items.every((m) => (data.items as { reference: string }[]).some((d) => d.reference === m.dossierReference))).toBe(true);
    // Unread first; within each part, newest first.
    const firstRead = all.items.findIndex((m) => m.read);
    const unread = firstRead === -1 ? all.items : all.items.slice(0, firstRead);
    expect(all.items.slice(unread.length).every((m) => m.read)).toBe(true);
    for (const part of [unread, all.items.slice(unread.length)]) {
      for (let i = 1; i < part.length; i += 1) expect(part[i - 1]!.sentAt).toBeGreaterThanOrEqual(part[i]!.sentAt);
    }
    expect(unread.length).toBeGreaterThanOrEqual(2);
    // The rich body's preview is its text, no tags.
    const rich = all.items.find((m) => m.subject.en === 'Your extract' || m.subject.de === 'Your extract')!;
    expect(Object.values(rich.preview)[0]).toBe('See the attached file.');

    const counts = await value<MailboxCounts>('mailbox.counts', {});
    expect(counts.total).toBe(unread.length);
    expect(counts.byDossier[refs[0]!]).toBe(unread.filter((m) => m.dossierReference === refs[0]).length);

    const ofOne = await value<Page>('mailbox.list', { reference: refs[1], pageSize: 200 });
    expect(ofOne.items.length).toBeGreaterThan(0);
    expect(ofOne.items.every((m) => m.dossierReference === refs[1])).toBe(true);
    const unreadOnly = await value<Page>('mailbox.list', { unreadOnly: true, pageSize: 200 });
    expect(unreadOnly.items.map((m) => m.id)).toEqual(unread.map((m) => m.id));
    const withFiles = await value<Page>('mailbox.list', { withAttachments: true, pageSize: 200 });
    expect(withFiles.items.some((m) => m.id === rich.id)).toBe(true);
    expect(withFiles.items.every((m) => m.attachmentCount > 0)).toBe(true);
    // Pages.
    const second = await value<Page>('mailbox.list', { page: 2, pageSize: 1 });
    expect(second.items.map((m) => m.id)).toEqual([all.items[1]!.id]);
  });

  it('marks read in the vault at once, reaches the authority once after a time offline, and unread again', { timeout: 60_000 }, async () => {
    const id = await post(refs[0]!, { subject: 'Read me', body: 'A message to read.' });
    await value('sync.now');
    const before = await value<MailboxCounts>('mailbox.counts', {});

    sandbox.faults.add({ kind: 'drop', route: '/v1/spaces/*/dossiers/*/messages/*/read', method: 'POST', times: 0 });
    const marked = await value<{ read: boolean; counts: MailboxCounts }>('mailbox.markRead', { messageId: id, read: true });
    expect(marked.read).toBe(true);
    expect(marked.counts.total).toBe(before.total - 1);
    expect((await value<Page>('mailbox.list', { unreadOnly: true, pageSize: 200 })).items.some((m) => m.id === id)).toBe(false);
    const itemOf = async () => (await value<{ items: OutboxItemView[] }>('outbox.list', {})).items.find((i) => i.kind === 'messageRead' && i.status !== 'sent');
    await until(async () => ((await itemOf())?.lastError ?? null) !== null, 'the mark failed once offline');
    expect((await operator(sandbox, `/messages/${id}`)).data).toMatchObject({ read: false, readRequests: 0 });
    // Marking it read again changes nothing: no second request.
    await value('mailbox.markRead', { messageId: id, read: true });

    // Online again, and the first answer lost: sent again with its key, it counts once.
    sandbox.faults.clear();
    sandbox.faults.add({ kind: 'drop', route: '/v1/spaces/*/dossiers/*/messages/*/read', method: 'POST', times: 1, phase: 'after' });
    await until(async () => (await itemOf()) === undefined, 'the mark sent', { timeoutMs: 30_000 });
    expect((await operator(sandbox, `/messages/${id}`)).data).toMatchObject({ read: true, readRequests: 1 });

    // A sync does not make it unread again; unread again is the person's choice, and reaches the authority too.
    await value('sync.now');
    expect((await value<MailboxMessage>('mailbox.get', { messageId: id })).read).toBe(true);
    await value('mailbox.markRead', { messageId: id, read: false });
    await until(async () => (await operator(sandbox, `/messages/${id}`)).data.readRequests === 2, 'the unread mark at the authority');
    expect((await operator(sandbox, `/messages/${id}`)).data.read).toBe(false);
    expect((await value<MailboxCounts>('mailbox.counts', {})).total).toBe(before.total);
  });

  it('read, unread and read again while offline: the authority gets the last word, in one request', { timeout: 60_000 }, async () => {
    const id = await post(refs[0]!, { subject: 'Toggle me', body: 'Read, unread, read.' });
    await value('sync.now');
    sandbox.faults.add({ kind: 'drop', route: '/v1/spaces/*/dossiers/*/messages/*/read', method: 'POST', times: 0 });
    await value('mailbox.markRead', { messageId: id, read: true });
    await value('mailbox.markRead', { messageId: id, read: false });
    await value('mailbox.markRead', { messageId: id, read: true });
    const pending = async () => (await value<{ items: OutboxItemView[] }>('outbox.list', {})).items.filter((i) => i.kind === 'messageRead' && i.status === 'pending');
    // The two earlier marks are superseded (done without a request, even offline); the last waits for the network.
    await until(async () => {
      const left = await pending();
      return left.length === 1 && left[0]!.tries > 0;
    }, 'the last mark tried offline');
    expect((await operator(sandbox, `/messages/${id}`)).data).toMatchObject({ read: false, readRequests: 0 });
    sandbox.faults.clear();
    await value('sync.now');
    await until(async () => (await pending()).length === 0, 'the marks done');
    expect((await operator(sandbox, `/messages/${id}`)).data).toMatchObject({ read: true, readRequests: 1 });
  });

  it('a mark made on another device arrives with the next sync; one made here and not yet sent is kept', { timeout: 60_000 }, async () => {
    const id = await post(refs[1]!, { subject: 'Read elsewhere', body: 'Marked on the portal.' });
    await value('sync.now');
    const readHere = async () => (await value<MailboxMessage>('mailbox.get', { messageId: id })).read;
    expect(await readHere()).toBe(false);
    const before = (await value<MailboxCounts>('mailbox.counts', {})).total;

    // Read on the portal: read here after a sync, counted as such.
    expect((await operator(sandbox, `/messages/${id}/read`, { read: true })).status).toBe(200);
    await value('sync.now');
    expect(await readHere()).toBe(true);
    expect((await value<MailboxCounts>('mailbox.counts', {})).total).toBe(before - 1);
    // Unread again on the portal: unread here too (a mark elsewhere is not only ever "read").
    await operator(sandbox, `/messages/${id}/read`, { read: false });
    await value('sync.now');
    expect(await readHere()).toBe(false);

    // Marked here while offline (read, then unread), the other way on the portal meanwhile: the sync keeps this
    // device's mark, which then reaches the authority and is the last word everywhere.
    const pending = async () => (await value<{ items: OutboxItemView[] }>('outbox.list', {})).items.filter((i) => i.kind === 'messageRead' && i.status === 'pending');
    for (const here of [true, false]) {
      sandbox.faults.add({ kind: 'drop', route: '/v1/spaces/*/dossiers/*/messages/*/read', method: 'POST', times: 0 });
      await value('mailbox.markRead', { messageId: id, read: here });
      await operator(sandbox, `/messages/${id}/read`, { read: !here });
      await value('sync.now');
      expect(await readHere()).toBe(here);
      sandbox.faults.clear();
      await until(async () => (await pending()).length === 0, `the mark ${here} sent`, { timeoutMs: 30_000 });
      expect((await operator(sandbox, `/messages/${id}`)).data).toMatchObject({ read: here });
      await value('sync.now');
      expect(await readHere()).toBe(here);
    }
    await operator(sandbox, `/messages/${id}/read`, { read: true });
    await value('sync.now');
    expect(await readHere()).toBe(true);
    // A feed page asked for before this device's mark reached the authority, and arriving after: older, it is not
    // taken (the mark made here stays until a later page says otherwise).
    await operator(sandbox, `/messages/${id}/read`, { read: false });
    await value('mailbox.markRead', { messageId: id, read: false });
    await until(async () => (await pending()).length === 0, 'the unread mark in step');
    sandbox.faults.add({ kind: 'delay', route: `/v1/spaces/${ANNE_SPACE}/changes`, method: 'GET', phase: 'after', delayMs: 1500, times: 1 });
    const syncing = value('sync.now');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await value('mailbox.markRead', { messageId: id, read: true });
    await until(async () => (await pending()).length === 0, 'the read mark sent while the page is on its way', { timeoutMs: 1000 });
    await syncing;
    expect(await readHere()).toBe(true);
    await value('sync.now');
    expect(await readHere()).toBe(true);
    // A new message of the authority is no "new message" again when only its mark changed: no second notice.
    const notices: unknown[] = [];
    app.main.mailbox.checkNewMessages();
    const stop = app.main.events.on('mailbox.newMessages', (notice) => notices.push(notice));
    try {
      await operator(sandbox, `/messages/${id}/read`, { read: false });
      await value('sync.now');
      app.main.mailbox.checkNewMessages();
      expect(notices).toEqual([]);
      expect(await readHere()).toBe(false);
    } finally {
      stop();
    }
    expectContractClean(sandbox);
  });

  it('downloads the sealed PDF of the authority into the vault: valid; the same with one byte changed: invalid', { timeout: 60_000 }, async () => {
    const sealed = await sealedPdf(sandbox, 'Criminal record extract');
    const changed = Buffer.from(sealed);
    // A byte of the header's binary comment (inside the ByteRange, outside /Contents): the PDF still opens.
    const at = changed.indexOf('\n%') + 2;
    expect(at).toBeGreaterThan(2);
    expect(at).toBeLessThan(20);
    changed[at] = changed[at]! ^ 0x01;
    const good = await post(refs[1]!, { subject: 'Extract', body: 'Your extract.', attachments: [{ filename: 'extract.pdf', mediaType: 'application/pdf', contentBase64: sealed.toString('base64') }] });
    const bad = await post(refs[1]!, { subject: 'Extract (changed)', body: 'Changed.', attachments: [{ filename: 'changed.pdf', mediaType: 'application/pdf', contentBase64: changed.toString('base64') }] });
    await value('sync.now');
    // Fetched into the vault after the sync, before anyone opens the message.
    const fileId = ((await operator(sandbox, `/messages/${good}`)).data.attachments as { id: string }[])[0]!.id;
    await until(() => app.main.vault.repos.documents.getMeta(fileId) !== null, 'the sealed PDF in the vault');

    const valid = await value<MailboxMessage>('mailbox.get', { messageId: good });
    expect(valid.attachments).toHaveLength(1);
    expect(valid.attachments[0]).toMatchObject({ name: 'extract.pdf', mediaType: 'application/pdf', size: sealed.length, downloaded: true, error: null });
    expect(valid.attachments[0]!.signature).toMatchObject({ status: 'valid', reasons: [], level: 'B-B' });
    expect(valid.attachments[0]!.signature!.signer).toBeTruthy();
    const bytes = await value<{ contentBase64: string }>('mailbox.attachment', { messageId: good, fileId: valid.attachments[0]!.fileId });
    expect(Buffer.from(bytes.contentBase64, 'base64').equals(sealed)).toBe(true);

    const invalid = await value<MailboxMessage>('mailbox.get', { messageId: bad });
    expect(invalid.attachments[0]!.signature).toMatchObject({ status: 'invalid' });
    expect(invalid.attachments[0]!.signature!.reasons).toContain('integrity');

    // Another message's file is not this message's.
    expect(await app.call('mailbox.attachment', { messageId: bad, fileId: valid.attachments[0]!.fileId })).toMatchObject({ ok: false, error: { name: 'AuthorityItemNotFoundError' } });

    // Downloaded once: offline it is still there, still checked.
    sandbox.faults.add({ kind: 'drop', route: '**', times: 0 });
    expect((await value<MailboxMessage>('mailbox.get', { messageId: good })).attachments[0]).toMatchObject({ downloaded: true, signature: { status: 'valid' } });
    sandbox.faults.clear();
  });

  it('a reply is allowed where the operator allows it, and why not where it does not', { timeout: 60_000 }, async () => {
    const ref = refs[0]!;
    expect((await operator(sandbox, `/dossiers/${ref}/status`, { status: 'information_requested', repliesAllowed: true })).status).toBe(200);
    const id = await post(ref, { subject: 'Information requested', body: 'Send your lease.' });
    await value('sync.now');
    expect((await value<MailboxMessage>('mailbox.get', { messageId: id })).reply).toMatchObject({ allowed: true, reason: null });
    expect((await operator(sandbox, `/dossiers/${ref}/replies-allowed`, { allowed: false })).status).toBe(200);
    const refused = (await value<MailboxMessage>('mailbox.get', { messageId: id })).reply;
    expect(refused).toMatchObject({ allowed: false, reason: 'notAccepted' });
    expect(refused.checkedAt).not.toBeNull();
    await operator(sandbox, `/dossiers/${ref}/replies-allowed`, { allowed: true });
  });

  it('offline, the reply rule and the files are what the last sync brought: kept with the dossier and the message', { timeout: 60_000 }, async () => {
    const ref = refs[1]!;
    const id = await post(ref, {
      subject: 'A form to fill',
      body: 'Attached.',
      attachments: [{ filename: 'formulaire.pdf', mediaType: 'application/pdf', contentBase64: (await sealedPdf(sandbox, 'Form')).toString('base64') }],
    });
    expect((await operator(sandbox, `/dossiers/${ref}/replies-allowed`, { allowed: false })).status).toBe(200);
    // The files stay at the authority (the sync's new-message check would fetch them right away), the rest syncs.
    sandbox.faults.add({ kind: 'error', route: '/v1/spaces/*/documents/*/content', status: 503, times: 0 });
    await value('sync.now');
    // The authority away from here on: nothing of this is asked of it.
    sandbox.faults.add({ kind: 'error', route: '/v1/**', status: 503, times: 0 });
    try {
      const message = await value<MailboxMessage>('mailbox.get', { messageId: id });
      expect(message.reply).toMatchObject({ allowed: false, reason: 'notAccepted' });
      expect(message.reply.checkedAt).toBeGreaterThan(0);
      // Not downloaded (no network), but named and sized as the authority announced it, with the reason.
      expect(message.attachments).toEqual([expect.objectContaining({ name: 'formulaire.pdf', mediaType: 'application/pdf', downloaded: false })]);
      expect(message.attachments[0]!.size).toBeGreaterThan(0);
      expect(message.attachments[0]!.error).not.toBeNull();
    } finally {
      sandbox.faults.clear();
    }
    // Back online: downloaded and checked; the rule follows the authority again.
    await operator(sandbox, `/dossiers/${ref}/replies-allowed`, { allowed: true });
    const online = await value<MailboxMessage>('mailbox.get', { messageId: id });
    expect(online.attachments[0]).toMatchObject({ name: 'formulaire.pdf', downloaded: true });
    expect(online.reply).toMatchObject({ allowed: true, reason: null });
  });

  it('new messages after a sync raise one notice naming the dossier; none while the setting is off', { timeout: 60_000 }, async () => {
    const notices: { count: number; latest: { dossierReference: string; id: string } }[] = [];
    // What earlier tests synced is seen (their notice may still be on its way) before this one listens.
    app.main.mailbox.checkNewMessages();
    const stop = app.main.events.on('mailbox.newMessages', (notice) => notices.push(notice));
    try {
      const id = await post(refs[1]!, { subject: 'News', body: 'Something new.' });
      await value('sync.now');
      await until(() => notices.length > 0, 'a notice');
      expect(notices[0]).toMatchObject({ count: 1, latest: { id, dossierReference: refs[1] } });

      await value('settings.set', { mailboxNotifications: false });
      await post(refs[1]!, { subject: 'Quiet', body: 'Nothing to say.' });
      await value('sync.now');
      app.main.mailbox.checkNewMessages();
      expect(notices).toHaveLength(1);
      await value('settings.set', { mailboxNotifications: true });
    } finally {
      stop();
    }
    expectContractClean(sandbox);
  });
});
