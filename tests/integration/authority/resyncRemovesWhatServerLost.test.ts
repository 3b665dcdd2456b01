import { createNodeTransport, DIRECT_NETWORK } from '../../../src-main/net/createNodeTransport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { contractEvents } from '../../../src-shared/contract/contract';
import type { RemovedByServer } from '../../../src-shared/authority/viewSchemas';
import { composeAuthority, type AuthorityServices } from '../../../src-main/authority/composeAuthority';
import { SyncEngine } from '../../../src-main/authority/SyncEngine';
import { EventHub } from '../../../src-main/events/EventHub';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { ANNE_SPACE, COMPANY_SPACE, connect, createUnlockedVault, expectContractClean, makeTempDir, operator, p12Signer, start, storeOf } from './authorityKit';

/**
 * The authority was reset (its feed answers 410 cursor-expired to the vault's cursor): the full resync removes from
 * the vault the dossiers and messages the authority no longer has, tells the person which, and keeps the person's
 * unsent work (outbox, drafts).
 */
describe('full resync after a reset of the authority', () => {
  let sb: SandboxHandle;
  let vault: VaultService;
  let cleanup: () => Promise<void>;
  let service: AuthorityServices;
  const removedEvents: RemovedByServer[] = [];

  beforeAll(async () => {
    sb = await start({ seed: 'demo' });
    const tmp = await makeTempDir('authority-resync-');
    cleanup = tmp.cleanup;
    vault = await createUnlockedVault(tmp.dir);
    const log = createMemoryLogger();
    const events = new EventHub(contractEvents, log);
    events.on('dossiers.removedByServer', (report) => removedEvents.push(report));
    service = composeAuthority({
      events,
      log,
      store: storeOf(vault),
      isVaultUnlocked: () => vault.status().state === 'unlocked',
      isDemo: () => true,
      resolveEndpoint: async () => ({ apiUrl: sb.apiUrl, demo: true, demoSigner: p12Signer(sb) }),
      transport: () => createNodeTransport(DIRECT_NETWORK),
      pageSize: 3,
      // As in the app: pages are written by the vault's worker thread.
      openPageWriter: () => vault.openPageWriter(),
      client: { retries: 0 },
    });
  });
  afterAll(async () => {
    expectContractClean(sb);
    service.dispose();
    vault.dispose();
    await sb.close();
    await cleanup();
  });

  const repos = () => storeOf(vault).repos;
  const outboxRows = () => repos().outbox.list({ limit: 500 });
  const threadIds = (reference: string) => repos().messages.thread(reference).map((m) => m.id);
  const idsOf = (space: string) => repos().dossiers.list({ spaceId: space, pageSize: 200 }).items.map((d) => d.id).sort();

  it('removes the dossiers and messages the authority lost, says which, and keeps unsent work', async () => {
    await service.sync.syncNow();
    const seededAnne = idsOf(ANNE_SPACE);
    const seededCompany = idsOf(COMPANY_SPACE);
    expect(seededAnne.length).toBeGreaterThan(0);

    // The person's own work, sent: two submissions, a reply on a seeded dossier; the authority writes on the first.
    const version = String((await (await service.connection.api()).getFormDefinition('change-of-address'))!.definition.version);
    const submission = { spaceId: ANNE_SPACE, procedureId: 'change-of-address', procedureVersion: version, language: 'fr' as const, data: { street: 'Rue Neuve' }, attachmentIds: [] };
    service.outbox.enqueueSubmission({ ...submission, idempotencyKey: 'resync-sub-0001' });
    service.outbox.enqueueSubmission({ ...submission, idempotencyKey: 'resync-sub-0002' });
    const outcomes: unknown[] = [];
    const stopFollowing = service.outbox.onItem(({ kind, outcome, spaceId }) => outcomes.push({ kind, outcome, spaceId }));
    expect(await service.outbox.flushOutbox()).toEqual({ sent: 2, failed: 0 });
    stopFollowing();
    expect(outcomes).toEqual([0, 1].map(() => ({ kind: 'submission', outcome: 'sent', spaceId: ANNE_SPACE })));
    const [lost, withUnsentReply] = outboxRows()
      .filter((item) => item.kind === 'submission')
      .map((item) => (item.payload as { resultRef: string }).resultRef)
      .sort();
    const housing = repos().dossiers.list({ spaceId: ANNE_SPACE, statuses: ['information_requested'] }).items[0]!.id;
    service.outbox.enqueueReply({ spaceId: ANNE_SPACE, reference: housing, body: 'Voici mes fiches de salaire.', language: 'fr', attachmentIds: [], idempotencyKey: 'resync-rep-0001' });
    expect(await service.outbox.flushOutbox()).toEqual({ sent: 1, failed: 0 });
    await operator(sb, `/dossiers/${lost}/messages`, { subject: 'Accusé de réception', body: 'Reçu.' });
    await service.sync.syncNow();
    expect(threadIds(lost!)).toHaveLength(1);
    const housingThread = threadIds(housing);
    const sentReply = repos().messages.thread(housing).find((m) => m.direction === 'out')!.id;

    // Unsent work: a reply waiting in the outbox (offline for now: its next try is later) on the second dossier, a draft.
    const waiting = service.outbox.enqueueReply({ spaceId: ANNE_SPACE, reference: withUnsentReply!, body: 'Une question encore.', language: 'fr', attachmentIds: [], idempotencyKey: 'resync-rep-0002' });
    repos().outbox.markFailed(waiting.outboxId, 'offline', Date.now() + 3_600_000);
    repos().drafts.upsert({ id: 'draft-resync-1', spaceId: ANNE_SPACE, procedureId: 'housing-aid', formVersion: '1', values: { income: 1 }, attachmentRefs: [] });
    const outboxBefore = outboxRows();
    const draftBefore = repos().drafts.get('draft-resync-1');
    expect(removedEvents).toEqual([]);

    // The authority starts over: its seed again, a new epoch.
    expect((await operator(sb, '/reset', {})).status).toBe(200);
    await service.sync.syncNow();

    expect(removedEvents).toEqual([{ spaceId: ANNE_SPACE, references: [lost], messages: 2, kept: [withUnsentReply] }]);
    expect(idsOf(ANNE_SPACE)).toEqual([...seededAnne, withUnsentReply].sort());
    expect(repos().dossiers.get(lost!)).toBeNull();
    expect(threadIds(lost!)).toEqual([]);
    // The seeded dossier is there again, without the reply the authority no longer has.
    expect(threadIds(housing)).toEqual(housingThread.filter((id) => id !== sentReply));
    // Nothing changed in the company's space; the outbox and the draft are as they were.
    expect(idsOf(COMPANY_SPACE)).toEqual(seededCompany);
    expect(outboxRows()).toEqual(outboxBefore);
    expect(repos().drafts.get('draft-resync-1')).toEqual(draftBefore);

    // Done once: the next sync removes nothing more.
    await service.sync.syncNow();
    expect(removedEvents).toHaveLength(1);
  });

  it('removes only after a complete pass: a resync stopped halfway starts again from the beginning next time', async () => {
    const conn = await connect(sb);
    try {
      const store = storeOf(vault);
      await new SyncEngine(conn.api, store).syncSpace(ANNE_SPACE);
      const version = String((await conn.api.getFormDefinition('change-of-address'))!.definition.version);
      const { dossier } = await conn.api.createSubmission(ANNE_SPACE, 'resync-sub-0003', { procedureId: 'change-of-address', procedureVersion: version, language: 'de', data: {} });
      await new SyncEngine(conn.api, store).syncSpace(ANNE_SPACE);
      expect(repos().dossiers.get(dossier.reference)).not.toBeNull();

      await operator(sb, '/reset', {});
      const stop = new AbortController();
      const reports: RemovedByServer[] = [];
      const halfway = new SyncEngine(conn.api, store, { pageSize: 2, onPage: () => stop.abort(), onRemoved: (r) => reports.push(r) });
      await expect(halfway.syncSpace(ANNE_SPACE, stop.signal)).rejects.toThrow();
      expect(repos().dossiers.get(dossier.reference)).not.toBeNull();

      // The cursor is of the new epoch now (no 410 any more), yet the pass is made whole again and then removes.
      const info = await new SyncEngine(conn.api, store, { pageSize: 2, onRemoved: (r) => reports.push(r) }).syncSpace(ANNE_SPACE);
      expect(reports).toEqual([info.removed]);
      expect(info.removed?.references).toContain(dossier.reference);
      expect(repos().dossiers.get(dossier.reference)).toBeNull();
    } finally {
      conn.client.dispose();
    }
  });
});
