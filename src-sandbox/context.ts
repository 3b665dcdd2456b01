import type { Store } from './data/store';
import type { PkiManifest } from './pki/createPki';
import type { Trust } from './pki/trust';
import type { Contract } from './openapi/contract';
import type { Faults } from './http/faults';
import type { Catalogue } from './catalogue/catalogue';
import type { Tsa } from './tsa/tsa';
import type { Antibot } from './http/antibot';

export interface SandboxLimits {
  /** Largest single file of a submission or reply, bytes. */
  maxFileBytes: number;
  /** Largest total of all files of one submission, bytes. */
  maxTotalBytes: number;
  maxFiles: number;
  /** Allowed media types of attachments (the document part must be a PDF). */
  mediaTypes: string[];
}

export const defaultLimits: SandboxLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 25 * 1024 * 1024,
  maxFiles: 10,
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
};

export interface SandboxContext {
  store: Store;
  pki: PkiManifest;
  trust: Trust;
  contract: Contract;
  faults: Faults;
  catalogue: Catalogue;
  tsa: Tsa;
  limits: SandboxLimits;
  sessionTtlSeconds: number;
  operatorToken: string;
  /** When true, submissions to procedures that need authentication must carry a valid PAdES signature. */
  requireSignature: boolean;
  /** The anti-bot questions of procedures without authentication (served and checked here). */
  antibot: Antibot;
  /** Procedures the operator closed for now (submissions refused with procedure-closed). */
  closedProcedures: Set<string>;
  /** Starts the data over: an empty database seeded again, with a new epoch. */
  reset(): void;
}
