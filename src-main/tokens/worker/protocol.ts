/** Messages between main (ModuleClient) and a module's worker (ModuleCore). Plain structured-clone data only. */

export type SignMechanism = 'sha256-rsa-pkcs' | 'rsa-pkcs' | 'ecdsa-sha256';

export interface RawCertificate {
  idHex: string;
  label: string;
  der: Uint8Array;
}

export interface RawKey {
  idHex: string;
  label: string;
  keyType: 'rsa' | 'ec' | 'other';
  /** CKA_ALWAYS_AUTHENTICATE; null when the token does not say. */
  alwaysAuthenticate: boolean | null;
}

export interface RawToken {
  label: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  flags: number;
  minPinLen: number;
  maxPinLen: number;
  certificates: RawCertificate[];
  privateKeys: RawKey[];
  publicKeys: RawKey[];
  /** The token is there but could not be read (CKR_* name); its certificates are then empty. */
  readError: string | null;
}

export interface RawSlot {
  slotId: string;
  description: string;
  manufacturer: string;
  flags: number;
  token: RawToken | null;
}

export interface LibraryInfo {
  manufacturer: string;
  description: string;
  cryptokiVersion: string;
  libraryVersion: string;
}

export interface ModuleSnapshot {
  slots: RawSlot[];
}

export type WorkerRequest =
  | { op: 'init' }
  /** force: a slot event was seen elsewhere (the waiter): read the slots again even if no event is left here. */
  | { op: 'poll'; force?: boolean }
  | { op: 'snapshot'; reinitialize: boolean }
  | { op: 'tokenFlags'; slotId: string }
  | { op: 'changePin'; slotId: string; oldPin: Uint8Array | null; newPin: Uint8Array | null }
  /** A locked user PIN set anew with the PUK (the unblocking code). */
  | { op: 'unblockPin'; slotId: string; puk: Uint8Array; newPin: Uint8Array }
  | { op: 'openSession'; slotId: string; keyIdHex: string; pin: Uint8Array | null }
  | { op: 'sessionSign'; session: number; mechanism: SignMechanism; input: Uint8Array; inputIsDigest: boolean }
  | { op: 'closeSession'; session: number }
  | { op: 'close' };

export interface InitResult {
  library: LibraryInfo;
  slotEvents: boolean;
  snapshot: ModuleSnapshot;
}

export interface PollResult {
  /** Set only when something differs from the last snapshot sent. */
  snapshot: ModuleSnapshot | null;
}

export interface OpenSessionResult {
  session: number;
  keyType: 'rsa' | 'ec' | 'other';
  alwaysAuthenticate: boolean;
}

/** An error from the worker: `code` is the CKR_* name when the module returned one. */
export interface WorkerFailure {
  code: string;
  message: string;
  /** Token flags read right after the failure (for WrongPinError's PIN state). */
  tokenFlags?: number;
  minPinLen?: number;
  maxPinLen?: number;
}

export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerFailure };
export type WorkerEnvelope = { id: number; request: WorkerRequest };
