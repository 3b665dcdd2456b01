import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../workers/startWorker';
import type { Dossier } from '../repositories/DossierRepository';
import type { Message } from '../repositories/MessageRepository';
import type { PageWriterRequest, PageWriterResponse } from './pageWriterProtocol';

/** What sync needs of a page writer. */
export interface SyncPageWriter {
  /** One transaction: the dossiers, the messages and the cursor after them. Resolves with its duration in the worker. */
  apply(stream: string, cursor: string, dossiers: Dossier[], messages: Message[]): Promise<number>;
  close(): Promise<void>;
}

export class PageWriterError extends Error {
  override readonly name = 'PageWriterError';
}

/**
 * Writes sync pages (dossiers, messages and the cursor, in one transaction) through a worker thread with its own
 * connection to the vault. Opened with a copy of the data key, which the worker zero-fills once keyed; closed by the
 * vault when it locks.
 */
export class PageWriter implements SyncPageWriter {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (ms: number) => void; reject: (error: Error) => void }>();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: PageWriterResponse) => {
      if (message.type === 'opened' || message.id === null) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'applied') waiter?.resolve(message.ms);
      else waiter?.reject(new PageWriterError(`${message.name}: ${message.message}`));
    });
    const fail = (reason: string) => {
      this.closed = true;
      for (const waiter of this.pending.values()) waiter.reject(new PageWriterError(reason));
      this.pending.clear();
    };
    worker.on('error', (error) => fail(`The page writer failed: ${error.message}`));
    worker.on('exit', () => fail('The page writer stopped (the vault was locked).'));
  }

  static async open(file: string, dataKey: Buffer): Promise<PageWriter> {
    const worker = startWorker({ builtName: 'pageWriterWorker.js', source: path.join(path.dirname(fileURLToPath(import.meta.url)), 'pageWriterWorker.ts') });
    const key = new Uint8Array(dataKey);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: PageWriterResponse) => {
        worker.off('message', onMessage);
        if (message.type === 'opened') resolve();
        else if (message.type === 'failed') reject(new PageWriterError(`${message.name}: ${message.message}`));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      const request: PageWriterRequest = { type: 'open', file, key };
      // Transferred, not copied: main keeps no second copy of the key.
      worker.postMessage(request, [key.buffer]);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return new PageWriter(worker);
  }

  /** Resolves with the time the transaction took in the worker. */
  apply(stream: string, cursor: string, dossiers: Dossier[], messages: Message[]): Promise<number> {
    if (this.closed) return Promise.reject(new PageWriterError('The page writer is closed.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: PageWriterRequest = { type: 'apply', id, stream, cursor, dossiers, messages };
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}
