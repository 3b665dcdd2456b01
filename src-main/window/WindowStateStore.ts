import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { WindowState } from './fitWindowBounds';

const rect = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(1).max(100_000), height: z.number().int().min(1).max(100_000) });
const stateSchema = z.object({ bounds: rect, maximized: z.boolean() });

/**
 * The main window's size, position and maximized state in the profile folder (window-state.json). A missing or
 * damaged file is no state: the window opens at its default size. Saves are coalesced: moving a window fires many events.
 */
export class WindowStateStore {
  private pending: WindowState | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    private readonly delayMs = 500,
  ) {}

  async load(): Promise<WindowState | null> {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Remembers the state, written after a pause (or by flush). */
  save(state: WindowState): void {
    this.pending = { bounds: { ...state.bounds }, maximized: state.maximized };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is pending now (the window closes). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const state = this.pending;
    this.pending = null;
    if (state) await writeFileAtomic(this.file, `${JSON.stringify(state)}\n`);
  }
}
