import { policyDocumentSchema, type PolicyDocument } from '../../src-shared/settings/policySchema';
import { parseTrustedRoot } from '../net/parseTrustedRoot';
import type { MachinePolicy } from './MachinePolicy';
import { PolicyError, type PolicyProblem } from './PolicyError';

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
  const problems = valueProblems(parsed.data);
  if (problems.length > 0) throw new PolicyError(source, problems);
  return { managed: parsed.data.managed ?? {}, recommended: parsed.data.recommended ?? {}, source };
}

/** What the schema cannot say: certificates that are not one, bounds at odds. */
function valueProblems(document: PolicyDocument): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const part of ['managed', 'recommended'] as const) {
    const values = document[part] ?? {};
    (values.trustedRootCertificates ?? []).forEach((text, index) => {
      try {
        parseTrustedRoot(text);
      } catch (error) {
        problems.push({ path: `${part}.trustedRootCertificates.${index}`, message: (error as Error).message });
      }
    });
    const { idleLockMinMinutes: min, idleLockMaxMinutes: max } = values;
    if (min !== undefined && max !== undefined && min > max) problems.push({ path: `${part}.idleLockMinMinutes`, message: `must not be above idleLockMaxMinutes (${max})` });
  }
  return problems;
}
