/**
 * `npm run bench -- sync`: the initial sync of 10k dossiers and 100k messages from the sandbox (over loopback) into a
 * real vault, and an empty incremental sync. Baseline in the same run: a raw fetch of the same pages and a plain
 * insert into a database of the same schema and cipher (better-sqlite3-multiple-ciphers), without validation.
 * Last line: `sync ratio <initial/baseline> stall_ms <max event-loop stall during the sync> empty_requests <n>`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { PkiManifest } from '../../src-sandbox/pki/createPki';
import { startSandbox } from '../../src-sandbox/createSandbox';
import { AuthorityApi } from '../../src-main/authority/AuthorityApi';
import { AuthorityClient } from '../../src-main/authority/AuthorityClient';
import { AuthoritySession } from '../../src-main/authority/AuthoritySession';
import { vaultAuthorityStore } from '../../src-main/authority/AuthorityStore';
import { pemFileChallengeSigner } from '../../src-main/authority/pemChallengeSigner';
import { SyncEngine } from '../../src-main/authority/SyncEngine';
import { createMemoryLogger } from '../../src-main/log/createMemoryLogger';
import { openVaultDatabase } from '../../src-main/vault/openVaultDatabase';
import { VaultService } from '../../src-main/vault/VaultService';

const DOSSIERS = 10_000;
const MESSAGES = 100_000;
const PAGE = 100;
const SPACE = 'PP-A7K3QZ';

if (process.argv[2] === 'server') {
  // The sandbox runs in its own process, so the event-loop stall measured below is the client's alone.
  const sandbox = await startSandbox({ dataDir: process.argv[3]!, pkiDir: path.join(os.tmpdir(), 'guichet-sandbox-test-pki-v1'), seed: 'empty' });
  const seeded = sandbox.seedBulk({ spaceId: SPACE, dossiers: DOSSIERS, messages: MESSAGES });
  console.log(JSON.stringify({ apiUrl: sandbox.apiUrl, pki: sandbox.pki, seeded }));
  process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
} else {
  await main();
}

async function main(): Promise<void> {
const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-sync-bench-'));
const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'server', path.join(dir, 'sandbox')], { stdio: ['ignore', 'pipe', 'inherit'] });
const first = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('\n')) resolve(out.split('\n')[0]!);
  });
});
const sandbox = JSON.parse(first) as { apiUrl: string; pki: PkiManifest; seeded: { dossiers: number; messages: number; ms: number } };
console.log(`seeded ${sandbox.seeded.dossiers} dossiers, ${sandbox.seeded.messages} messages in ${sandbox.seeded.ms} ms (sandbox in its own process)`);

const id = sandbox.pki.persons['anne-schmit']!.auth;
const signer = await pemFileChallengeSigner(path.join(sandbox.pki.dir, id.keyFile), [path.join(sandbox.pki.dir, id.certFile)]);
let requests = 0;
const client = new AuthorityClient({ baseUrl: sandbox.apiUrl, onRequest: () => (requests += 1) });
const api = new AuthorityApi(client);
const session = new AuthoritySession(api);
client.setAuth(session);
await session.signIn(signer);
const token = (await session.token())!;

// --- baseline: raw fetch + plain insert, same pages ---
async function baseline(): Promise<{ ms: number; items: number }> {
  const db = openVaultDatabase(path.join(dir, 'baseline.db'), randomBytes(32), { create: true });
  const insDossier = db.db.prepare(
    'INSERT INTO dossiers (id, reference, procedure_id, space_id, title, status, status_history, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insMessage = db.db.prepare('INSERT INTO messages (id, dossier_id, direction, subject, body, attachments, sent_at, read) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const t = performance.now();
  let cursor: string | null = null;
  let items = 0;
  for (;;) {
    const url = new URL(`${sandbox.apiUrl}/spaces/${SPACE}/changes`);
    url.searchParams.set('limit', String(PAGE));
    if (cursor) url.searchParams.set('cursor', cursor);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const page = (await res.json()) as { items: any[]; nextCursor: string; hasMore: boolean };
    db.db.transaction(() => {
      for (const item of page.items) {
        if (item.type === 'dossier') {
          const d = item.dossier;
          insDossier.run(d.reference, d.reference, d.procedureId, d.spaceId, JSON.stringify(d.procedureTitle), d.status, JSON.stringify(d.history), Date.parse(d.createdAt), Date.parse(d.updatedAt));
        } else if (item.type === 'message') {
          const m = item.message;
          insMessage.run(m.id, m.dossierReference, 'in', JSON.stringify(m.subject), JSON.stringify(m.body), '[]', Date.parse(m.sentAt), 0);
        }
      }
      db.db.prepare('INSERT OR REPLACE INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)').run('changes', page.nextCursor, Date.now());
    })();
    items += page.items.length;
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  const ms = performance.now() - t;
  db.db.close();
  return { ms, items };
}

// --- the real thing: client + zod + SyncEngine into an unlocked vault ---
const vault = new VaultService({ dir: path.join(dir, 'vault'), log: createMemoryLogger(), kdfParams: { N: 2 ** 10, r: 8, p: 1 } });
await vault.init();
await vault.create('benchmark passphrase');
const store = vaultAuthorityStore(vault);
/** The longest page transaction, measured in the vault's page writer thread (where the app writes sync pages). */
let maxApplyMs = 0;
let pageIndex = 0;
const engine = new SyncEngine(api, store, {
  pageSize: PAGE,
  openWriter: async () => {
    const writer = await vault.openPageWriter();
    return {
      async apply(...args) {
        const took = await writer.apply(...args);
        if (process.env.SYNC_BENCH_TRACE && took > 40) console.log(`slow page ${pageIndex}: ${took.toFixed(1)} ms (writer thread)`);
        pageIndex += 1;
        maxApplyMs = Math.max(maxApplyMs, took);
        return took;
      },
      close: () => writer.close(),
    };
  },
});

async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last - 5);
    last = now;
  }, 5);
  histogram.enable();
  const t = performance.now();
  const result = await fn();
  const ms = performance.now() - t;
  histogram.disable();
  clearInterval(ticker);
  const stallMs = Math.max(maxGap, histogram.max / 1e6 - 5);
  return { result, ms, stallMs };
}

globalThis.gc?.();
const base = await baseline();
console.log(`baseline (raw fetch + plain insert): ${base.ms.toFixed(0)} ms for ${base.items} items`);
globalThis.gc?.();
const initial = await measured(() => engine.syncSpace(SPACE));
console.log(`initial sync (client + zod + vault): ${initial.ms.toFixed(0)} ms for ${initial.result.items} items in ${initial.result.pages} pages, max stall ${initial.stallMs.toFixed(1)} ms`);
requests = 0;
const empty = await measured(() => engine.syncSpace(SPACE));
console.log(`empty incremental sync: ${empty.ms.toFixed(1)} ms, ${requests} request(s), ${empty.result.items} items`);
const counts = store.session().stmt<{ d: number; m: number }>('SELECT (SELECT count(*) FROM dossiers) AS d, (SELECT count(*) FROM messages) AS m').get()!;
console.log(`vault: ${counts.d} dossiers, ${counts.m} messages; longest page transaction ${maxApplyMs.toFixed(1)} ms (in the writer thread); load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);

client.dispose();
vault.dispose();
server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));
rmSync(dir, { recursive: true, force: true });
console.log(`sync ratio ${(initial.ms / base.ms).toFixed(2)} stall_ms ${Math.max(initial.stallMs, empty.stallMs).toFixed(1)} empty_requests ${requests}`);
}
