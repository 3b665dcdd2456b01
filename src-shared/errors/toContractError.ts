import { ContractError } from './ContractError';
import { serializedErrorSchema } from './SerializedError';

/** Normalises whatever a bridge call rejected with into a ContractError the UI can switch on by `name`. */
export function toContractError(error: unknown): ContractError {
  if (error instanceof ContractError) return error;
  const parsed = serializedErrorSchema.safeParse(error);
  if (parsed.success) return new ContractError(parsed.data);
  const message = error instanceof Error ? error.message : String(error);
  // A rejection that is not from main (the transport itself failed) is shown as a lost connection.
  return new ContractError({ name: 'BridgeError', message, kind: 'expected', details: {} });
}
