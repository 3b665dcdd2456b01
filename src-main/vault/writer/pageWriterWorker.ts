import { parentPort } from 'node:worker_threads';
import { configureConnection } from '../configureConnection';
import { openKeyed } from '../openVaultDatabase';
import { VaultRepositories } from '../repositories/VaultRepositories';
import { SqlSession } from '../SqlSession';
import type { PageWriterRequest, PageWriterResponse } from './pageWriterProtocol';

// The vault's second connection, in its own thread: sync pages are written here so that SQLite's work (encryption,
// full-text index flushes and merges, checkpoints) never holds up main's event loop.
let session: SqlSession | null = null;
let repos: VaultRepositories | null = null;

const reply = (message: PageWriterResponse) => parentPort?.postMessage(message);

parentPort?.on('message', (request: PageWriterRequest) => {
  try {
    if (request.type === 'open') {
      const key = Buffer.from(request.key.buffer, request.key.byteOffset, request.key.byteLength);
      try {
        const db = openKeyed(request.file, key);
        configureConnection(db);
        session = new SqlSession(db);
        repos = new VaultRepositories(() => session as SqlSession);
      } finally {
        key.fill(0);
      }
      reply({ type: 'opened' });
      return;
    }
    const started = performance.now();
    const open = session;
    const r = repos;
    if (!open || !r) throw new Error('The page writer is not open.');
    open.tx(() => {
      for (const dossier of request.dossiers) r.dossiers.upsert(dossier);
      for (const message of request.messages) r.messages.upsert(message);
      r.syncCursors.set(request.stream, request.cursor);
    });
    reply({ type: 'applied', id: request.id, ms: performance.now() - started });
  } catch (error) {
    const e = error as Error;
    reply({ type: 'failed', id: request.type === 'apply' ? request.id : null, name: e.name, message: e.message });
  }
});
