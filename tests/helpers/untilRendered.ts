import { flushPromises } from '@vue/test-utils';
import { until } from './until';

/** `until`, letting Vue render between checks: for component tests against a real main. */
export function untilRendered(check: () => boolean | Promise<boolean>, what: string, options: { timeoutMs?: number } = {}): Promise<void> {
  return until(check, what, { settle: flushPromises, ...options });
}
