import { ExpectedError } from '../../src-shared/errors';

export interface PolicyProblem {
  /** Where in the policy: 'managed.idleLockMinutes', a registry value name, or '' for the whole document. */
  path: string;
  message: string;
}

/**
 * The administrator's policy exists but cannot be applied (unreadable, not JSON, an unknown or invalid setting).
 * The app refuses to start rather than run without the settings the administrator enforced.
 */
export class PolicyError extends ExpectedError {
  static override readonly errorName: string = 'PolicyError';

  constructor(
    readonly source: string,
    readonly problems: readonly PolicyProblem[],
  ) {
    super(`The policy in ${source} cannot be applied: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`, {
      source,
      problems: problems.map((p) => ({ ...p })),
    });
  }
}
