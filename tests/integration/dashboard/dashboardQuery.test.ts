import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardQuery } from '../../../src-main/vault/repositories/DashboardRepository';
import type { Dossier } from '../../../src-main/vault/repositories/DossierRepository';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { createUnlockedVault, makeTempDir } from '../vault/vaultTestKit';

const SPACE = 'PP-A7K3QZ';
const STATUSES = ['submitted', 'received', 'in_process', 'information_requested', 'completed', 'rejected'] as const;
const title = (de: string, fr: string, en: string) => JSON.stringify({ de, fr, en });
const PROCEDURES = [
  { id: 'change-of-address', title: title('Adressänderung melden', 'Déclarer un changement d’adresse', 'Report a change of address') },
  { id: 'parking-permit', title: title('Anwohnerparkausweis', 'Vignette de stationnement résidentiel', 'Residential parking permit') },
  { id: 'criminal-record-extract', title: title('Strafregisterauszug', 'Extrait du casier judiciaire', 'Criminal record extract') },
];

/**
 * The dashboard's one query (drafts and dossiers; filters, counts, sort, search, windows) on a real SQLCipher vault
 * with 10 000 dossiers, their messages and a few drafts, one of them submitted and one refused.
 */
describe('the dashboard query over a real vault', () => {
  let vault: VaultService;
  let cleanup: () => Promise<void>;
  const base: DashboardQuery = { spaceId: SPACE, filter: 'all', sort: 'updated', direction: 'desc', language: 'en', offset: 0, limit: 50 };

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    vault = await createUnlockedVault(temp.dir);
    const dossiers: Dossier[] = [];
    for (let i = 0; i < 10_000; i++) {
      const procedure = PROCEDURES[i % PROCEDURES.length]!;
      const status = STATUSES[i % STATUSES.length]!;
      dossiers.push({
        id: `d-${i}`,
        reference: `GU-2026-${String(i).padStart(7, '0')}`,
        procedureId: procedure.id,
        spaceId: SPACE,
        title: procedure.title,
        status,
        statusHistory: [{ status, at: 1_700_000_000_000 + i }],
        submittedAt: 1_700_000_000_000 + i,
        updatedAt: 1_700_000_000_000 + i * 1000,
      });
    }
    // Another person's space: never listed here.
    dossiers.push({ ...dossiers[0]!, id: 'other', reference: 'GU-2026-9999999', spaceId: 'PP-OTHER1' });
    vault.repos.dossiers.upsertMany(dossiers);
    vault.repos.messages.upsertMany([
      { id: 'm-1', dossierId: 'd-42', direction: 'in', subject: 'Pièce manquante', body: 'Veuillez joindre une copie du Bail de location.', attachments: [], sentAt: 1, read: false },
      { id: 'm-2', dossierId: 'd-43', direction: 'in', subject: 'Nachricht', body: 'Bitte die neue Ädresse bestätigen.', attachments: [], sentAt: 2, read: false },
    ]);
    for (const [id, name] of [['draft-a', 'Adressänderung (Entwurf)'], ['draft-b', 'Parking permit'], ['draft-sent', 'Sent already'], ['draft-refused', 'Refused, editable']] as const) {
      vault.repos.drafts.upsert({ id, spaceId: null, procedureId: 'change-of-address', formVersion: '3', title: name, values: {}, attachmentRefs: [] });
    }
    const submission = { spaceId: SPACE, procedureId: 'change-of-address', outboxId: null, idempotencyKey: 'k', signedDocumentId: null, signatureLevel: null, signedBy: null };
    vault.repos.submissions.put({ ...submission, draftId: 'draft-sent', status: 'sent' });
    vault.repos.submissions.put({ ...submission, draftId: 'draft-refused', status: 'refused' });
  }, 60_000);
  afterAll(async () => {
    vault?.dispose();
    await cleanup?.();
  });

  it('counts every filter: drafts in preparation (not the submitted one), sent, needing action, closed', () => {
    const result = vault.repos.dashboard.query(base);
    const withStatus = (...statuses: number[]) => Array.from({ length: 10_000 }, (_, i) => i % 6).filter((s) => statuses.includes(s)).length;
    expect(result.counts).toEqual({ all: 10_003, drafts: 3, sent: withStatus(0, 1, 2), action: withStatus(3), closed: withStatus(4, 5) });
    expect(result.total).toBe(10_003);
    expect(result.rows).toHaveLength(50);
    expect(result.rows.map((r) => r.id)).not.toContain('draft-sent');
  });

  it('filters by what needs the person’s action, newest first, a window at a time with no overlap', () => {
    const first = vault.repos.dashboard.query({ ...base, filter: 'action', limit: 100 });
    const second = vault.repos.dashboard.query({ ...base, filter: 'action', offset: 100, limit: 100 });
    expect(first.total).toBe(first.counts.action);
    expect([...first.rows, ...second.rows].every((r) => r.status === 'information_requested')).toBe(true);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(200);
    const times = [...first.rows, ...second.rows].map((r) => r.updatedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('sorts by name in the interface’s language and by reference', () => {
    const de = vault.repos.dashboard.query({ ...base, filter: 'sent', sort: 'name', direction: 'asc', language: 'de', limit: 1 });
    const fr = vault.repos.dashboard.query({ ...base, filter: 'sent', sort: 'name', direction: 'asc', language: 'fr', limit: 1 });
    const en = vault.repos.dashboard.query({ ...base, filter: 'sent', sort: 'name', direction: 'desc', language: 'en', limit: 1 });
    expect(JSON.parse(en.rows[0]!.title).en).toBe('Residential parking permit');
    expect(JSON.parse(de.rows[0]!.title).de).toBe('Adressänderung melden');
    expect(JSON.parse(fr.rows[0]!.title).fr).toBe('Déclarer un changement d’adresse');
    const byReference = vault.repos.dashboard.query({ ...base, filter: 'sent', sort: 'reference', direction: 'asc', limit: 3 });
    expect(byReference.rows.map((r) => r.id)).toEqual([...byReference.rows.map((r) => r.id)].sort());
    expect(byReference.rows[0]!.id).toBe('GU-2026-0000000');
  });

  it('searches references, procedure titles and message text, accents folded and the last word a prefix', () => {
    expect(vault.repos.dashboard.query({ ...base, text: 'GU-2026-0000042' }).rows.map((r) => r.id)).toEqual(['GU-2026-0000042']);
    // "bail" is only in a message of d-42; "adresse" finds "Ädresse" in a message of d-43 and the titles' "adresse".
    expect(vault.repos.dashboard.query({ ...base, text: 'bail loc' }).rows.map((r) => r.id)).toEqual(['GU-2026-0000042']);
    const adresse = vault.repos.dashboard.query({ ...base, text: 'ädresse bestät' });
    expect(adresse.rows.map((r) => r.id)).toEqual(['GU-2026-0000043']);
    const parking = vault.repos.dashboard.query({ ...base, text: 'stationnement', limit: 500 });
    expect(parking.counts.all).toBe(Array.from({ length: 10_000 }, (_, i) => i % 3).filter((p) => p === 1).length);
    expect(parking.rows.every((r) => JSON.parse(r.title).fr.includes('stationnement'))).toBe(true);
    // Drafts by their title; FTS syntax in the input means nothing.
    expect(vault.repos.dashboard.query({ ...base, filter: 'drafts', text: 'parking' }).rows.map((r) => r.id)).toEqual(['draft-b']);
    expect(vault.repos.dashboard.query({ ...base, text: '" OR * NEAR(' }).total).toBe(0);
  });

  it('never lists another space’s dossiers', () => {
    expect(vault.repos.dashboard.query({ ...base, text: 'GU-2026-9999999' }).total).toBe(0);
  });
});
