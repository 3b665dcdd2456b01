import type { HealthSummary } from '../../src-shared/contract/appContract';

/**
 * One line of the health report: resolves with a summary the renderer translates (a message key and its numbers),
 * throws when not fine (the error's message, in English, is the technical detail).
 */
export interface HealthCheck {
  name: 'settings' | 'vault' | 'tokens';
  run(): Promise<HealthSummary>;
}
