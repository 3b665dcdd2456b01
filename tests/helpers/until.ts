/**
 * Waits until `check` holds, polling every `everyMs`; fails naming `what` after `timeoutMs`. `settle` runs before
 * each check (renderer tests pass flushPromises so that Vue has rendered what main answered).
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMs?: number; everyMs?: number; settle?: () => Promise<unknown> } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    await options.settle?.();
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 10));
  }
}
