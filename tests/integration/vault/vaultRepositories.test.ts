import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { FakeClock } from '../../unit/main/vault/FakeClock';
import { createUnlockedVault, makeTempDir } from './vaultTestKit';

describe('vault repositories', () => {
  let vault: VaultService;
  let cleanup: () => Promise<void>;
  const clock = new FakeClock();

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    vault = await createUnlockedVault(temp.dir, { clock });
    const statuses = ['submitted', 'inReview', 'accepted'];
    vault.repos.dossiers.upsertMany(
      Array.from({ length: 60 }, (_, i) => ({
        id: `x${i}`,
        reference: `GU-${String(i).padStart(3, '0')}`,
        procedureId: i % 2 ? 'permis' : 'logement',
        spaceId: i % 3 === 0 ? 'pro' : 'private',
        title: i === 7 ? 'Demande de permis de conduire' : `Dossier ${i}`,
        status: statuses[i % 3] ?? 'submitted',
        statusHistory: [],
        submittedAt: 1000 + i,
        updatedAt: 5000 - i,
      })),
    );
  });
  afterAll(async () => {
    vault.lock();
    await cleanup();
  });

  it('autosaves drafts: one row per id, values replaced, updatedAt bumped, createdAt kept', () => {
    const first = vault.repos.drafts.upsert({ id: 'd1', spaceId: 'private', procedureId: 'permis', formVersion: '1', values: { name: 'A' }, attachmentRefs: [] });
    clock.advance(1000);
    expect(vault.repos.drafts.get('d1')?.resumeAt).toBeNull();
    const second = vault.repos.drafts.upsert({ id: 'd1', spaceId: 'private', procedureId: 'permis', formVersion: '1', values: { name: 'B' }, attachmentRefs: ['doc'], resumeAt: 'vehicle' });
    expect(second.updatedAt - first.updatedAt).toBe(1000);
    const draft = vault.repos.drafts.get('d1');
    expect(draft).toMatchObject({ values: { name: 'B' }, attachmentRefs: ['doc'], resumeAt: 'vehicle', createdAt: first.updatedAt, updatedAt: second.updatedAt });
    expect(vault.repos.drafts.list()[0]?.resumeAt).toBe('vehicle');
    clock.advance(1000);
    vault.repos.drafts.upsert({ id: 'd2', spaceId: 'pro', procedureId: 'tva', formVersion: '2', values: {}, attachmentRefs: [] });
    expect(vault.repos.drafts.list().map((d) => d.id)).toEqual(['d2', 'd1']);
    expect(vault.repos.drafts.list({ spaceId: 'pro' }).map((d) => d.id)).toEqual(['d2']);
    expect(vault.repos.drafts.delete('d2')).toBe(true);
    expect(vault.repos.drafts.delete('d2')).toBe(false);
  });

  it('pages, filters and sorts dossiers', () => {
    const page1 = vault.repos.dossiers.list({ spaceId: 'private', pageSize: 10 });
    expect(page1.total).toBe(40);
    expect(page1.items).toHaveLength(10);
    expect(page1.items.every((d) => d.spaceId === 'private')).toBe(true);
    const updated = page1.items.map((d) => d.updatedAt);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const page4 = vault.repos.dossiers.list({ spaceId: 'private', pageSize: 10, page: 4 });
    expect(page4.items).toHaveLength(10);
    expect(page4.items.map((d) => d.id)).not.toContain(page1.items[0]?.id);
    const page5 = vault.repos.dossiers.list({ spaceId: 'private', pageSize: 10, page: 5 });
    expect(page5.items).toHaveLength(0);

    const accepted = vault.repos.dossiers.list({ statuses: ['accepted', 'inReview'], procedureId: 'permis', sort: 'reference', direction: 'asc', pageSize: 200 });
    expect(accepted.items.every((d) => ['accepted', 'inReview'].includes(d.status) && d.procedureId === 'permis')).toBe(true);
    const refs = accepted.items.map((d) => d.reference);
    expect(refs).toEqual([...refs].sort());
    expect(accepted.total).toBe(accepted.items.length);

    // Hostile sort or paging values cannot reach SQL.
    const odd = vault.repos.dossiers.list({ sort: 'reference; DROP TABLE dossiers' as never, page: -5, pageSize: 10_000 });
    expect(odd.pageSize).toBe(200);
    expect(odd.page).toBe(1);

    expect(vault.repos.dossiers.changeStatus('x1', 'closed', 9000)).toBe(true);
    expect(vault.repos.dossiers.get('x1')).toMatchObject({ status: 'closed', updatedAt: 9000, statusHistory: [{ status: 'closed', at: 9000 }] });
  });

  it('keeps message threads and unread counts', () => {
    vault.repos.messages.upsertMany([
      { id: 'm1', dossierId: 'x0', direction: 'in', subject: 'Pièces manquantes', body: 'Veuillez fournir le certificat', attachments: [], sentAt: 3, read: false },
      { id: 'm2', dossierId: 'x0', direction: 'out', subject: 'Re: Pièces', body: 'Voici le certificat', attachments: ['doc1'], sentAt: 4, read: true },
      { id: 'm3', dossierId: 'x1', direction: 'in', subject: 'Décision', body: 'Accordé', attachments: [], sentAt: 5, read: false },
      { id: 'm0', dossierId: 'x0', direction: 'in', subject: 'Accusé de réception', body: 'Bien reçu', attachments: [], sentAt: 1, read: false },
    ]);
    expect(vault.repos.messages.thread('x0').map((m) => m.id)).toEqual(['m0', 'm1', 'm2']);
    expect(vault.repos.messages.unreadCounts()).toEqual({ total: 3, byDossier: { x0: 2, x1: 1 } });
    expect(vault.repos.messages.unreadCounts({ spaceId: 'pro' })).toEqual({ total: 2, byDossier: { x0: 2 } });
    expect(vault.repos.messages.markRead(['m1'])).toBe(1);
    expect(vault.repos.messages.markThreadRead('x1')).toBe(1);
    expect(vault.repos.messages.unreadCounts().total).toBe(1);
    // A re-sync does not make a read message unread again.
    vault.repos.messages.upsert({ id: 'm1', dossierId: 'x0', direction: 'in', subject: 'Pièces manquantes', body: 'Veuillez fournir le certificat', attachments: [], sentAt: 3, read: false });
    expect(vault.repos.messages.get('m1')?.read).toBe(true);
  });

  it('searches dossiers, messages and document names, accent-insensitive and safe against FTS syntax', () => {
    vault.repos.documents.put({ id: 'doc1', spaceId: 'private', name: 'Certificat de résidence.pdf', mediaType: 'application/pdf', content: Buffer.from('x') });
    const kinds = (q: string) => vault.repos.search.search(q).map((h) => `${h.kind}:${h.id}`).sort();
    expect(kinds('certificat')).toEqual(['document:doc1', 'message:m1', 'message:m2']);
    expect(kinds('residence')).toEqual(['document:doc1']);
    expect(kinds('perm')).toEqual(['dossier:x7']);
    expect(kinds('GU-007')).toEqual(['dossier:x7']);
    const hit = vault.repos.search.search('décision')[0];
    expect(hit).toMatchObject({ kind: 'message', id: 'm3', dossierId: 'x1', title: 'Décision' });
    expect(hit?.snippet).toContain('\u0002');
    for (const hostile of ['"', 'certificat OR', 'NEAR(a b', 'subject:certificat', '*', 'a AND', '(((', "'; DROP TABLE messages; --", '^certificat', 'body:"x"*', '\u0000']) {
      expect(() => vault.repos.search.search(hostile)).not.toThrow();
    }
    expect(kinds('subject:certificat')).toEqual(kinds('subject certificat'));
    expect(vault.repos.search.search('   ')).toEqual([]);
    expect(vault.repos.messages.get('m1')).not.toBeNull();
  });

  it('queues outbox items with idempotency, retries and gives up', () => {
    const a = vault.repos.outbox.enqueue({ idempotencyKey: 'k1', kind: 'submit', payload: { draft: 'd1' } });
    expect(a.created).toBe(true);
    expect(vault.repos.outbox.enqueue({ idempotencyKey: 'k1', kind: 'submit', payload: { other: true } })).toEqual({ id: a.id, created: false });
    const b = vault.repos.outbox.enqueue({ idempotencyKey: 'k2', kind: 'reply', payload: 2 });
    expect(vault.repos.outbox.next(10).map((i) => i.id)).toEqual([a.id, b.id]);
    vault.repos.outbox.markFailed(a.id, 'offline', clock.now() + 60_000);
    expect(vault.repos.outbox.next(10).map((i) => i.id)).toEqual([b.id]);
    clock.advance(60_000);
    expect(vault.repos.outbox.next(10).map((i) => i.id)).toEqual([b.id, a.id]);
    expect(vault.repos.outbox.next(10)[1]).toMatchObject({ id: a.id, tries: 1, lastError: 'offline', payload: { draft: 'd1' } });
    vault.repos.outbox.markSent(a.id);
    vault.repos.outbox.markFailed(b.id, 'rejected', null);
    expect(vault.repos.outbox.next(10)).toEqual([]);
    expect(vault.repos.outbox.pendingCount()).toBe(0);
  });

  it('stores sync cursors, documents, personal data versions, the catalogue, people and settings', () => {
    vault.repos.syncCursors.set('messages', 'c1');
    vault.repos.syncCursors.set('messages', 'c2');
    expect(vault.repos.syncCursors.get('messages')).toBe('c2');
    expect(vault.repos.syncCursors.get('dossiers')).toBeNull();

    const content = Buffer.from('%PDF-1.7 ...');
    const meta = vault.repos.documents.put({ spaceId: null, name: 'a.pdf', mediaType: 'application/pdf', content });
    expect(meta).toMatchObject({ size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    expect(vault.repos.documents.get(meta.id)?.content.equals(content)).toBe(true);
    expect(vault.repos.documents.list().map((d) => d.id)).toContain(meta.id);

    vault.repos.personalData.put({ personId: 'p1', kind: 'address', data: { city: 'Esch' }, source: 'rnpp', fetchedAt: 1 });
    const v2 = vault.repos.personalData.put({ personId: 'p1', kind: 'address', data: { city: 'Luxembourg' }, source: 'rnpp', fetchedAt: 2 });
    expect(v2.version).toBe(2);
    expect(vault.repos.personalData.latest('p1', 'address')?.data).toEqual({ city: 'Luxembourg' });
    expect(vault.repos.personalData.history('p1', 'address').map((s) => s.version)).toEqual([2, 1]);

    vault.repos.catalogue.put({ procedureId: 'permis', version: '3', definition: { steps: [] }, etag: '"abc"', fetchedAt: 1 });
    expect(vault.repos.catalogue.etag('permis')).toBe('"abc"');
    expect(vault.repos.catalogue.get('permis')?.definition).toEqual({ steps: [] });
    expect(vault.repos.catalogue.list()).toEqual([{ procedureId: 'permis', version: '3', etag: '"abc"', fetchedAt: 1 }]);

    vault.repos.persons.upsertPerson({ id: 'p1', kind: 'self', displayName: 'Anne', createdAt: 1 });
    vault.repos.persons.upsertSpace({ id: 'private', personId: 'p1', kind: 'private', name: 'Privé', createdAt: 1 });
    expect(vault.repos.persons.listSpaces('p1').map((s) => s.id)).toEqual(['private']);

    vault.repos.settings.set('ui.density', 'compact');
    expect(vault.repos.settings.get('ui.density')).toBe('compact');
  });
});
