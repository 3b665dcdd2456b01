import { policyDocumentSchema } from '../../src-shared/settings/policySchema';
import type { MachinePolicy } from './MachinePolicy';
import { PolicyError } from './PolicyError';

/** Checks a policy document (already parsed from JSON, the registry or a plist); PolicyError names each bad part. */
export function parsePolicyDocument(source: string, raw: unknown): MachinePolicy {
  const parsed = policyDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PolicyError(
      source,
      parsed.error.issues.map((issue) => {
        const keys = 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
        const at = issue.path.map(String).join('.');
        // An unrecognized key is reported at the key itself: that is what the administrator has to fix.
        return keys.length > 0 ? { path: keys.map((key) => (at ? `${at}.${key}` : key)).join(', '), message: 'unknown setting' } : { path: at, message: issue.message };
      }),
    );
  }
  return { managed: parsed.data.managed ?? {}, recommended: parsed.data.recommended ?? {}, source };
}
