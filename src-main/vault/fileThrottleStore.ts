import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const throttleStateSchema = z.object({ failures: z.number().int().min(0).max(1_000_000), blockedUntil: z.number().min(0) });
export type ThrottleState = z.infer<typeof throttleStateSchema>;

/** Where the wrong-passphrase count is kept, so that restarting the app does not reset the delay. */
export interface ThrottleStore {
  read(): ThrottleState | null;
  write(state: ThrottleState): void;
}

/**
 * A small JSON file beside the vault (no secret in it: a count and a time). Unreadable or invalid counts as none:
 * the delay is a brake on guessing through the app, not a reason to refuse the right passphrase.
 */
export function fileThrottleStore(file: string): ThrottleStore {
  return {
    read() {
      try {
        const parsed = throttleStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write(state) {
      if (state.failures === 0) {
        rmSync(file, { force: true });
        return;
      }
      // Synchronous and atomic: the count must be on disk before the wrong-passphrase answer leaves main.
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
