import { readFile } from 'node:fs/promises';
import { NO_POLICY, type MachinePolicy } from './MachinePolicy';
import { parsePolicyDocument } from './parsePolicyDocument';
import { PolicyError } from './PolicyError';

/** Linux (and the dev host's --policy): a JSON file `{ "managed": {...}, "recommended": {...} }`. No file, no policy. */
export async function readPolicyFile(file: string): Promise<MachinePolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_POLICY;
    throw new PolicyError(file, [{ path: '', message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PolicyError(file, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  return parsePolicyDocument(file, raw);
}
