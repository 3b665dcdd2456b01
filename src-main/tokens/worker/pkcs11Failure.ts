import type { WorkerFailure } from './protocol';

/** Thrown inside the worker; crosses to main as a WorkerFailure (code = CKR_* name or one of ours). */
export class Pkcs11Failure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: Omit<WorkerFailure, 'code' | 'message'> = {},
  ) {
    super(message);
  }
}

/** The CKR_* name in a pkcs11js error ("CKR_PIN_INCORRECT:160"), or null for other errors. */
export function ckrOf(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return /\b(CKR_[A-Z0-9_]+)/.exec(message)?.[1] ?? null;
}

export function toWorkerFailure(error: unknown): WorkerFailure {
  if (error instanceof Pkcs11Failure) return { code: error.code, message: error.message, ...error.extra };
  const code = ckrOf(error);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { code: code ?? 'WORKER_ERROR', message };
}
