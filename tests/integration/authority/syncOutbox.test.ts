import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import type { FaultSpec } from '../../../src-sandbox/http/faults';
import { AuthorityResponseError } from '../../../src-shared/authority/errors';
import { OutboxSender } from '../../../src-main/authority/OutboxSender';
import { enqueueSubmission } from '../../../src-main/authority/outboxEnqueue';
import { SyncEngine, cursorStream } from '../../../src-main/authority/SyncEngine';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { ANNE_SPACE, connect, counters, createUnlockedVault, expectContractClean, makeTempDir, operator, pdfBytes, start, storeOf } from './authorityKit';

describe('sync and outbox against the sandbox, with faults', () => {
  let sb: SandboxHandle;
  let vault: VaultService;
  let cleanup: () => Promise<void>;
  let version: string;
  let conn: Awaited<ReturnType<typeof connect>>;

  beforeAll(async () => {
    sb = await start({ seed: 'demo' });
    const tmp = await makeTempDir('authority-sync-');
    cleanup = tmp.cleanup;
    vault = await createUnlockedVault(tmp.dir);
    conn = await connect(sb, { retries: 3 });
    version = String((await conn.api.getFormDefinition('change-of-address'))!.definition.version);
  });
  afterEach(() => sb.faults.clear());
  afterAll(async () => {
    expectContractClean(sb);
    conn.client.dispose();
    vault.dispose();
    await sb.close();
    await cleanup();
  });

  const vaultCounts = () => {
    const db = storeOf(vault).session();
    return {
      dossiers: db.stmt<{ n: number }>('SELECT count(*) AS n FROM dossiers').get()!.n,
      messages: db.stmt<{ n: number }>('SELECT count(*) AS n FROM messages').get()!.n,
      cursor: storeOf(vault).repos.syncCursors.get(cursorStream(ANNE_SPACE)),
    };
  };
  const serverCounts = async () => {
    const { data } = await operator(sb, `/dossiers?space=${ANNE_SPACE}`);
    const dossiers = (data.items as unknown[]).length;
    return { dossiers };
  };

  it('pulls the feed into the vault, page by page, and an empty sync costs one request', async () => {
    let requests = 0;
    const sync = new SyncEngine(conn.api, storeOf(vault), { pageSize: 3 });
    const info = await sync.syncSpace(ANNE_SPACE);
    expect(info.pages).toBeGreaterThan(1);
    const after = vaultCounts();
    expect(after.dossiers).toBe((await serverCounts()).dossiers);
    expect(after.cursor).not.toBeNull();
    const counting = await connect(sb, { onRequest: () => (requests += 1) });
    requests = 0;
    const empty = await new SyncEngine(counting.api, storeOf(vault)).syncSpace(ANNE_SPACE);
    expect(empty.items).toBe(0);
    expect(requests).toBe(1);
    counting.client.dispose();
  });

  it('duplicate delivery is idempotent; malformed and wrong-shaped pages leave the vault unchanged', async () => {
    // New changes on the server: a status change and a message.
    const ref = storeOf(vault).repos.dossiers.list({ spaceId: ANNE_SPACE, pageSize: 1 }).items[0]!.reference;
    await operator(sb, `/dossiers/${ref}/messages`, { subject: 'Hello', body: 'A message' });
    const before = vaultCounts();
    for (const kind of ['malformed', 'wrong-shape'] as const) {
      sb.faults.add({ kind, route: '/v1/spaces/*/changes' });
      const failing = new SyncEngine(conn.api, storeOf(vault), { pageSize: 2 });
      await expect(failing.syncSpace(ANNE_SPACE)).rejects.toBeInstanceOf(AuthorityResponseError);
      expect(vaultCounts()).toEqual(before);
    }
    sb.faults.add({ kind: 'duplicate', route: '/v1/spaces/*/changes', times: 3 });
    await new SyncEngine(conn.api, storeOf(vault), { pageSize: 2 }).syncSpace(ANNE_SPACE);
    const after = vaultCounts();
    expect(after.messages).toBe(before.messages + 1);
    expect(after.dossiers).toBe(before.dossiers);
    // Full resync from scratch gives the same rows (upserts).
    storeOf(vault).repos.syncCursors.clear(cursorStream(ANNE_SPACE));
    sb.faults.add({ kind: 'duplicate', route: '/v1/spaces/*/changes', times: 0 });
    sb.faults.clear();
    await new SyncEngine(conn.api, storeOf(vault), { pageSize: 5 }).syncSpace(ANNE_SPACE);
    expect(vaultCounts().messages).toBe(after.messages);
  });

  const faultCases: Array<[string, FaultSpec]> = [
    ['delay', { kind: 'delay', delayMs: 300, times: 2 }],
    ['error 503 before', { kind: 'error', status: 503, phase: 'before', times: 3 }],
    ['error 500 after (work done, answer lost)', { kind: 'error', status: 500, phase: 'after', times: 3 }],
    ['drop before', { kind: 'drop', phase: 'before', times: 3 }],
    ['drop after (work done, answer lost)', { kind: 'drop', phase: 'after', times: 3 }],
    ['malformed', { kind: 'malformed', times: 3 }],
    ['wrong-shape', { kind: 'wrong-shape', times: 3 }],
    ['duplicate', { kind: 'duplicate', times: 3 }],
  ];

  it.each(faultCases)('N submissions end as exactly N dossiers with %s', async (_name, fault) => {
    const N = 4;
    const store = storeOf(vault);
    const before = await serverCounts();
    const keys: string[] = [];
    for (let i = 0; i < N; i += 1) {
      const doc = store.repos.documents.put({ spaceId: ANNE_SPACE, name: `form-${i}.pdf`, mediaType: 'application/pdf', content: pdfBytes(`${_name}-${i}`) });
      const { idempotencyKey } = enqueueSubmission(store, {
        spaceId: ANNE_SPACE,
        procedureId: 'change-of-address',
        procedureVersion: version,
        language: 'en',
        data: { i, fault: _name },
        attachmentIds: [doc.id],
      });
      keys.push(idempotencyKey);
    }
    sb.faults.add({ ...fault, route: '/v1/spaces/*/submissions', method: 'POST' });
    const sender = new OutboxSender(conn.api, store, { baseDelayMs: 1, maxDelayMs: 5 });
    for (let round = 0; round < 20 && store.repos.outbox.pendingCount() > 0; round += 1) {
      await sender.flush();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(store.repos.outbox.pendingCount()).toBe(0);
    const sent = store.repos.outbox.list({ status: 'sent', limit: 500 }).filter((row) => keys.includes(row.idempotencyKey));
    expect(sent).toHaveLength(N);
    expect((await serverCounts()).dossiers).toBe(before.dossiers + N);
    const { acceptedByKey } = await counters(sb);
    for (const key of keys) expect(acceptedByKey[key]).toBe(1);
    // The vault has each new dossier too.
    for (const row of sent) {
      const ref = (row.payload as { resultRef: string }).resultRef;
      expect(store.repos.dossiers.get(ref)).not.toBeNull();
    }
  });

  it('a permanent refusal (413/415/422) marks the item dead with a clear error', async () => {
    const store = storeOf(vault);
    const doc = store.repos.documents.put({ spaceId: ANNE_SPACE, name: 'notes.txt', mediaType: 'text/plain', content: Buffer.from('plain text') });
    const { outboxId } = enqueueSubmission(store, {
      spaceId: ANNE_SPACE,
      procedureId: 'change-of-address',
      procedureVersion: version,
      language: 'en',
      data: {},
      attachmentIds: [doc.id],
    });
    await new OutboxSender(conn.api, store).flush();
    const row = store.repos.outbox.list({ status: 'dead' }).find((r) => r.id === outboxId)!;
    expect(row).toBeDefined();
    expect(JSON.parse(row.lastError!)).toMatchObject({ name: 'AuthorityRequestError', details: { status: 415, type: 'unsupported-media-type' } });
  });
});
