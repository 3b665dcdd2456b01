import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchService } from '../../../src-main/search/SearchService';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { createUnlockedVault, makeTempDir } from '../vault/vaultTestKit';

const L = (de: string, fr: string, en: string) => JSON.stringify({ de, fr, en });

/** The search over everything (Ctrl+K) on a real SQLCipher vault: kinds, accents, prefixes, marked text, where a hit opens. */
describe('search over dossiers, messages and documents', () => {
  let vault: VaultService;
  let cleanup: () => Promise<void>;
  let search: SearchService;
  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    vault = await createUnlockedVault(temp.dir);
    search = new SearchService(vault.openSession);
    vault.repos.dossiers.upsertMany([
      { id: 'd-1', reference: 'GU-2026-0000101', procedureId: 'change-of-address', spaceId: 'PP-A7K3QZ', title: L('Adressänderung melden', 'Déclarer un changement d’adresse', 'Report a change of address'), status: 'information_requested', statusHistory: [], submittedAt: 1, updatedAt: 1 },
      { id: 'd-2', reference: 'GU-2026-0000102', procedureId: 'parking-permit', spaceId: 'PM-K4R7T2', title: L('Anwohnerparkausweis', 'Vignette de stationnement', 'Residential parking permit'), status: 'received', statusHistory: [], submittedAt: 2, updatedAt: 2 },
    ]);
    vault.repos.messages.upsertMany([
      { id: 'm-1', dossierId: 'd-1', direction: 'in', subject: L('Fehlendes Dokument', 'Pièce manquante', 'Missing document'), body: L('Bitte den Mietvertrag beifügen.', 'Merci de joindre le bail de location signé.', 'Please attach the signed lease.'), attachments: [], sentAt: 1, read: false },
      { id: 'm-2', dossierId: 'd-2', direction: 'in', subject: L('Hinweis', 'Remarque', 'Note'), body: JSON.stringify({ fr: '<p>Votre <b>vignette</b> est <script>prête</script>.</p>', format: 'rich' }), attachments: [], sentAt: 2, read: false },
    ]);
    const doc = vault.repos.documents.put({ spaceId: 'PP-A7K3QZ', name: 'Quittance GU-2026-0000101.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.7') });
    vault.repos.submissions.put({ draftId: 'draft-1', spaceId: 'PP-A7K3QZ', procedureId: 'change-of-address', status: 'sent', outboxId: null, idempotencyKey: 'k', signedDocumentId: null, signatureLevel: null, signedBy: null });
    vault.repos.submissions.markSent('draft-1', 'GU-2026-0000101', doc.id);
  });
  afterAll(async () => {
    vault?.dispose();
    await cleanup?.();
  });

  const marked = (parts: { text: string; hit: boolean }[]) => parts.filter((p) => p.hit).map((p) => p.text);

  it('finds a dossier by a word of its procedure, accents folded, the word a prefix', () => {
    const result = search.query('adress', 'de');
    expect(result.dossiers.map((h) => h.reference)).toEqual(['GU-2026-0000101']);
    expect(marked(result.dossiers[0]!.snippet)).toEqual(['Adressänderung']);
    expect(search.query('ädresse', 'fr').dossiers.map((h) => h.reference)).toEqual(['GU-2026-0000101']);
  });

  it('finds a message by a word of its text, the last word a prefix, and opens its dossier', () => {
    const result = search.query('bail loc', 'fr');
    expect(result.messages.map((h) => [h.id, h.reference])).toEqual([['m-1', 'GU-2026-0000101']]);
    expect(marked(result.messages[0]!.snippet)).toEqual(['bail', 'location']);
    expect(result.messages[0]!.title.map((p) => p.text).join('')).toBe('Pièce manquante');
  });

  it('shows the language whose text has the words searched for when the interface’s has none', () => {
    const [hit] = search.query('mietvertrag', 'en').messages;
    expect(marked(hit!.snippet)).toEqual(['Mietvertrag']);
    expect(hit!.title.map((p) => p.text).join('')).toBe('Missing document');
  });

  it('gives a rich body’s words as text, tags left out', () => {
    const [hit] = search.query('vignette', 'fr').messages;
    expect(hit!.snippet.map((p) => p.text).join('')).toBe('Votre vignette est prête .');
    expect(JSON.stringify(hit)).not.toContain('<');
  });

  it('finds a document by its name and opens the dossier it was received with', () => {
    expect(search.query('quittance', 'en').documents.map((h) => h.reference)).toEqual(['GU-2026-0000101']);
  });

  it('finds nothing for text with no letters, and FTS syntax typed means nothing', () => {
    expect(search.query('  ***  ', 'en')).toEqual({ dossiers: [], messages: [], documents: [] });
    expect(search.query('NEAR( "x" OR', 'en').dossiers).toEqual([]);
  });
});
