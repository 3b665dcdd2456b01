import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ModuleEntry } from './ModuleEntry';
import { knownModules, type KnownModule } from './knownModules';
import { moduleIdFor } from './moduleIdFor';

export interface ModuleSources {
  platform: NodeJS.Platform;
  /** From settings / policy (`pkcs11Modules`). */
  settingsPaths: readonly string[];
  /** Given by the caller (tests, demo: SoftHSM2). */
  extraPaths?: readonly string[];
  /** Defaults to the built-in list; tests pass []. */
  known?: readonly KnownModule[];
}

/**
 * The modules to show: for each known middleware, its first installed path (or its first path, as 'absent' when none
 * is installed), then settings and extra paths. The same library reached twice (a symlink, a duplicate in settings)
 * is loaded once: two workers initializing one library would share its global state.
 */
export function resolveModuleEntries(sources: ModuleSources): { entries: ModuleEntry[]; absent: ModuleEntry[] } {
  const entries: ModuleEntry[] = [];
  const absent: ModuleEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: Omit<ModuleEntry, 'id'>) => {
    const real = canonical(entry.path);
    if (seen.has(real)) return;
    seen.add(real);
    entries.push({ ...entry, id: moduleIdFor(entry.path) });
  };
  for (const known of sources.known ?? knownModules) {
    const paths = known.paths[sources.platform] ?? [];
    const installed = paths.find((p) => existsSync(p));
    if (installed) add({ name: known.name, path: installed, source: 'known' });
    else if (paths[0]) absent.push({ id: moduleIdFor(paths[0]), name: known.name, path: paths[0], source: 'known' });
  }
  for (const p of sources.settingsPaths) add({ name: path.basename(p), path: p, source: 'settings' });
  for (const p of sources.extraPaths ?? []) add({ name: path.basename(p), path: p, source: 'extra' });
  return { entries, absent };
}

function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
