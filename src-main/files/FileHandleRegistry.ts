import { randomBytes } from 'node:crypto';
import { FileChoiceInvalidError } from '../../src-shared/errors';
import type { FileHandle } from '../../src-shared/contract/fileHandle';

export type FileMode = 'open' | 'save';

interface Entry {
  path: string;
  purpose: string;
  mode: FileMode;
  expiresAt: number;
}

/** Long enough to type a password after choosing a file, short enough that a leaked handle goes stale. */
const LIFETIME_MS = 30 * 60 * 1000;
/** A renderer that opens pickers in a loop cannot make main keep an unbounded map. */
const MAX_ENTRIES = 64;

/**
 * The files the person chose in pickers run by main, behind opaque handles. A handle is valid for the purpose and
 * mode it was issued for only; the renderer can neither forge one (128 random bits) nor turn it into another path.
 */
export class FileHandleRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(path: string, purpose: string, mode: FileMode): FileHandle {
    this.prune();
    while (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const handle = `fh_${randomBytes(16).toString('base64url')}`;
    this.entries.set(handle, { path, purpose, mode, expiresAt: this.now() + LIFETIME_MS });
    return handle;
  }

  /** The path behind a handle, if it was issued for this purpose and mode and has not expired. */
  resolve(handle: string, purpose: string, mode: FileMode): string {
    this.prune();
    const entry = this.entries.get(handle);
    if (!entry || entry.purpose !== purpose || entry.mode !== mode) {
      throw new FileChoiceInvalidError('This file choice is not valid (any more): choose the file again.', { purpose });
    }
    return entry.path;
  }

  /** resolve() and release() in one: for a choice that may be used once only (a library to confirm and load). */
  take(handle: string, purpose: string, mode: FileMode): string {
    const file = this.resolve(handle, purpose, mode);
    this.release(handle);
    return file;
  }

  /** Forgets a handle once its file has been used for good (a save target written, a backup restored, a file opened). */
  release(handle: string): void {
    this.entries.delete(handle);
  }

  private prune(): void {
    const now = this.now();
    for (const [handle, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(handle);
  }
}
