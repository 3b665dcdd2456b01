import type { Settings } from '../../src-shared/settings/settingsSchema';

/** The machine-wide policy in effect, from wherever this OS keeps it. */
export interface MachinePolicy {
  /** Enforced values: the user cannot change these. */
  managed: Partial<Settings>;
  /** Defaults the user may change. */
  recommended: Partial<Settings>;
  /** Where they were read from (a file, a registry key), for the log and the about box; null when none exists. */
  source: string | null;
}

export const NO_POLICY: MachinePolicy = { managed: {}, recommended: {}, source: null };
