import type { Dossier } from '../repositories/DossierRepository';
import type { Message } from '../repositories/MessageRepository';

/** Messages between main and the vault's page writer thread. */
export type PageWriterRequest =
  | { type: 'open'; file: string; key: Uint8Array }
  | { type: 'apply'; id: number; stream: string; cursor: string; dossiers: Dossier[]; messages: Message[] };

export type PageWriterResponse =
  | { type: 'opened' }
  | { type: 'applied'; id: number; ms: number }
  | { type: 'failed'; id: number | null; name: string; message: string };
