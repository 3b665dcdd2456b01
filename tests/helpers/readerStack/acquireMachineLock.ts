import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface MachineLock {
  dir: string;
  /** Notes beside the lock (e.g. the PID of a daemon it guards), read back by whoever takes a stale lock over. */
  writeNote(name: string, value: string): void;
  release(): void;
}

export interface StaleLock {
  notes: Record<string, string>;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie answers kill 0 but is gone for every purpose here.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function statMs(dir: string): number {
  try {
    return statSync(dir).mtimeMs;
  } catch {
    return Date.now();
  }
}

function readNotes(dir: string): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const name of ['owner', 'pcscd']) {
    try {
      notes[name] = readFileSync(path.join(dir, name), 'utf8').trim();
    } catch {
      // Not written (yet).
    }
  }
  return notes;
}

/**
 * An exclusive lock for the whole machine (a directory under the temp folder; mkdir is atomic), for resources
 * there is one of, like pcscd. Waits for it with retries; a lock whose owner process is dead is taken over, and
 * `onStale` sees its notes first (to clean up what the dead owner left running).
 */
export async function acquireMachineLock(name: string, options: { timeoutMs: number; onStale?: (stale: StaleLock) => void | Promise<void> }): Promise<MachineLock> {
  const dir = path.join(tmpdir(), `${name}.lock`);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const notes = readNotes(dir);
    const owner = Number(notes.owner);
    // No owner note: its owner is between mkdir and write, or died there; after 5 s, the latter.
    const ownerless = !notes.owner && Date.now() - statMs(dir) > 5000;
    if (ownerless || (notes.owner && !isAlive(owner))) {
      await options.onStale?.({ notes });
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${dir} is still held by process ${notes.owner ?? '?'} after ${options.timeoutMs} ms`);
    await new Promise((settle) => setTimeout(settle, 100));
  }
  writeFileSync(path.join(dir, 'owner'), String(process.pid));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', release);
  return { dir, writeNote: (note, value) => writeFileSync(path.join(dir, note), value), release };
}
