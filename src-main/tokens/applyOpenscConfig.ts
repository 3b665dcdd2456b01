import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** resources/opensc/opensc.conf in the source tree; a packaged app passes its copy under process.resourcesPath. */
export function defaultOpenscConfig(): string | null {
  try {
    return fileURLToPath(new URL('../../resources/opensc/opensc.conf', import.meta.url));
  } catch {
    return null; // not loaded from a file (a renderer test's bundle): no file of ours to name
  }
}

/**
 * Points OpenSC at the app's opensc.conf (its one setting lets a locked PIN be unblocked with the PUK) unless the
 * environment names a file already: an administrator's OPENSC_CONF wins. OpenSC reads it at C_Initialize, so this
 * runs before any module is loaded. Answers whose file is in effect.
 */
export function applyOpenscConfig(file: string | null = defaultOpenscConfig(), env: NodeJS.ProcessEnv = process.env): 'app' | 'environment' | 'none' {
  if (env.OPENSC_CONF) return 'environment';
  if (!file || !existsSync(file)) return 'none';
  env.OPENSC_CONF = file;
  return 'app';
}
