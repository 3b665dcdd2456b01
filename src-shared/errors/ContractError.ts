import type { ErrorKind } from './GuichetError';
import type { SerializedError } from './SerializedError';

/**
 * What the renderer receives when a contract call fails: the error's `name` from main is kept so the UI can switch
 * on it (`error.name === 'WrongPinError'`) and translate it.
 */
export class ContractError extends Error {
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown>;

  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.kind = serialized.kind;
    this.details = serialized.details;
  }
}
