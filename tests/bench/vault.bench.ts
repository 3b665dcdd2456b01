/**
 * `npm run bench -- vault`: the same workload on the SQLCipher vault and on the same schema in plain SQLite.
 * Last line: `vault ratio <sqlcipher/plain total> page_p95_ms <x> search_p95_ms <y> autosave_p95_ms <z>` (SQLCipher).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { configureConnection } from '../../src-main/vault/configureConnection';
import { runMigrations } from '../../src-main/vault/migrations/runMigrations';
import { openVaultDatabase } from '../../src-main/vault/openVaultDatabase';
import type { Dossier, DossierSort } from '../../src-main/vault/repositories/DossierRepository';
import type { Message } from '../../src-main/vault/repositories/MessageRepository';
import { VaultRepositories } from '../../src-main/vault/repositories/VaultRepositories';
import { SqlSession } from '../../src-main/vault/SqlSession';

const DOSSIERS = 10_000;
const MESSAGES = 100_000;
const PAGE_QUERIES = 500;
const SEARCHES = 300;
const AUTOSAVES = 1000;
// Rows per transaction for the bulk inserts (both databases alike): the cost of encryption is per written page, and
// small transactions rewrite the same FTS pages many times (1000 per transaction measured a ratio of 1.08-1.27).
const BATCH = 5000;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ra', 'lu', 'xem', 'bourg', 'per', 'mis', 'ta', 'ko', 'dem', 'ande', 'ver', 'lin', 'sta', 'tut', 'mo', 'ni', 'que', 'zor', 'fil', 'pa'];
function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

const STATUSES = ['draft', 'submitted', 'inReview', 'needsInfo', 'accepted', 'rejected', 'closed'];
const SORTS: DossierSort[] = ['updatedAt', 'submittedAt', 'reference', 'status'];

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

interface Result {
  phases: Record<string, number>;
  total: number;
  pageP95: number;
  searchP95: number;
  autosaveP95: number;
}

function workload(label: string, session: SqlSession): Result {
  const random = rng(42);
  const words = vocabulary(random, 3000);
  const word = () => words[Math.floor(random() * words.length)] ?? 'ra';
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const repos = new VaultRepositories(() => session);
  const phases: Record<string, number> = {};
  const time = (name: string, fn: () => void) => {
    const start = performance.now();
    fn();
    phases[name] = performance.now() - start;
  };
  const spaces = ['private', 'company-a', 'company-b', 'company-c', 'company-d'];
  const baseTime = 1_700_000_000_000;

  time('insert 10k dossiers', () => {
    for (let b = 0; b < DOSSIERS; b += BATCH) {
      const batch: Dossier[] = [];
      for (let i = b; i < Math.min(DOSSIERS, b + BATCH); i++) {
        const status = STATUSES[Math.floor(random() * STATUSES.length)] ?? 'draft';
        batch.push({
          id: `dossier-${i}`,
          reference: `GU-2025-${String(i).padStart(6, '0')}`,
          procedureId: `proc-${Math.floor(random() * 60)}`,
          spaceId: spaces[i % spaces.length] ?? 'private',
          title: sentence(5),
          status,
          statusHistory: [{ status: 'submitted', at: baseTime + i }, { status, at: baseTime + i * 10 }],
          submittedAt: baseTime + Math.floor(random() * 1e9),
          updatedAt: baseTime + Math.floor(random() * 1e10),
        });
      }
      repos.dossiers.upsertMany(batch);
    }
  });

  time('insert 100k messages', () => {
    for (let b = 0; b < MESSAGES; b += BATCH) {
      const batch: Message[] = [];
      for (let i = b; i < Math.min(MESSAGES, b + BATCH); i++) {
        batch.push({
          id: `message-${i}`,
          dossierId: `dossier-${Math.floor(random() * DOSSIERS)}`,
          direction: random() < 0.6 ? 'in' : 'out',
          subject: sentence(4),
          body: sentence(25 + Math.floor(random() * 40)),
          attachments: [],
          sentAt: baseTime + i * 1000,
          read: random() < 0.8,
        });
      }
      repos.messages.upsertMany(batch);
    }
  });

  const pageTimes: number[] = [];
  time(`${PAGE_QUERIES} dossier pages`, () => {
    for (let q = 0; q < PAGE_QUERIES; q++) {
      const start = performance.now();
      const statuses = random() < 0.5 ? [] : STATUSES.filter(() => random() < 0.3);
      const page = repos.dossiers.list({
        spaceId: random() < 0.7 ? spaces[Math.floor(random() * spaces.length)] : undefined,
        statuses,
        sort: SORTS[Math.floor(random() * SORTS.length)],
        direction: random() < 0.5 ? 'asc' : 'desc',
        page: 1 + Math.floor(random() * 10),
        pageSize: 25,
      });
      if (page.pageSize !== 25) throw new Error('unexpected page');
      pageTimes.push(performance.now() - start);
    }
  });

  const searchTimes: number[] = [];
  let hits = 0;
  time(`${SEARCHES} searches`, () => {
    for (let q = 0; q < SEARCHES; q++) {
      const kind = q % 3;
      const text = kind === 0 ? word() : kind === 1 ? `${word()} ${word()}` : word().slice(0, 4);
      const start = performance.now();
      hits += repos.search.search(text, { limit: 20 }).length;
      searchTimes.push(performance.now() - start);
    }
  });

  const autosaveTimes: number[] = [];
  time(`${AUTOSAVES} autosaves`, () => {
    for (let n = 0; n < AUTOSAVES; n++) {
      const start = performance.now();
      repos.drafts.upsert({
        id: `draft-${n % 5}`,
        spaceId: 'private',
        procedureId: 'proc-1',
        formVersion: '3',
        title: 'Demande',
        values: { step: n, fields: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, sentence(4)])) },
        attachmentRefs: [],
      });
      autosaveTimes.push(performance.now() - start);
    }
  });

  const total = Object.values(phases).reduce((a, b) => a + b, 0);
  console.log(`\n[${label}]`);
  for (const [name, ms] of Object.entries(phases)) console.log(`  ${name.padEnd(24)} ${ms.toFixed(1).padStart(9)} ms`);
  console.log(`  ${'total'.padEnd(24)} ${total.toFixed(1).padStart(9)} ms`);
  console.log(
    `  p95: page ${p95(pageTimes).toFixed(2)} ms, search ${p95(searchTimes).toFixed(2)} ms (${hits} hits), autosave ${p95(autosaveTimes).toFixed(2)} ms`,
  );
  return { phases, total, pageP95: p95(pageTimes), searchP95: p95(searchTimes), autosaveP95: p95(autosaveTimes) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'vault-bench-'));
try {
  const plainDb = new Database(path.join(dir, 'plain.db'));
  configureConnection(plainDb);
  runMigrations(plainDb);
  const plain = workload('plain SQLite', new SqlSession(plainDb));
  plainDb.close();

  const key = randomBytes(32);
  const encrypted = openVaultDatabase(path.join(dir, 'vault.db'), key, { create: true });
  const cipher = workload('SQLCipher vault', encrypted);
  encrypted.db.close();
  key.fill(0);

  const ratio = cipher.total / plain.total;
  console.log('');
  console.log(
    `vault ratio ${ratio.toFixed(3)} page_p95_ms ${cipher.pageP95.toFixed(2)} search_p95_ms ${cipher.searchP95.toFixed(2)} autosave_p95_ms ${cipher.autosaveP95.toFixed(2)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
