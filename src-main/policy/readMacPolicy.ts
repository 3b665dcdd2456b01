import path from 'node:path';
import { NO_POLICY, type MachinePolicy } from './MachinePolicy';
import { parsePolicyDocument } from './parsePolicyDocument';
import { PolicyError } from './PolicyError';

export const MAC_POLICY_DOMAIN = 'lu.guichet.desktop';
export const MAC_MANAGED_PREFERENCES = '/Library/Managed Preferences';

/** Converts a plist (XML or binary) to JSON: `plutil -convert json -o - FILE` in the app; captured outputs in tests. */
export type PlistReader = (file: string) => Promise<unknown>;

/** Keys the system adds to managed preference files, not settings of ours. */
const SYSTEM_KEY = /^(Payload|MCX|PolicyBanner)/;

/**
 * macOS: the managed preferences of the `lu.guichet.desktop` domain, deployed by a configuration profile (MDM): the
 * machine's file, then the user's, which overrides it. Every value there is enforced. No file, no policy.
 */
export async function readMacPolicy(deps: { readPlist: PlistReader; exists: (file: string) => boolean; userName: string }): Promise<MachinePolicy> {
  const files = [path.join(MAC_MANAGED_PREFERENCES, `${MAC_POLICY_DOMAIN}.plist`), path.join(MAC_MANAGED_PREFERENCES, deps.userName, `${MAC_POLICY_DOMAIN}.plist`)].filter(
    (file) => deps.exists(file),
  );
  if (files.length === 0) return NO_POLICY;
  const managed: Record<string, unknown> = {};
  for (const file of files) {
    let raw: unknown;
    try {
      raw = await deps.readPlist(file);
    } catch (error) {
      throw new PolicyError(file, [{ path: '', message: `the file cannot be read (${(error as Error).message})` }]);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new PolicyError(file, [{ path: '', message: 'not a dictionary of settings' }]);
    for (const [key, value] of Object.entries(raw)) if (!SYSTEM_KEY.test(key)) managed[key] = value;
  }
  return parsePolicyDocument(files.join(' + '), { managed });
}
