import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * On Linux and macOS: the file and every folder above it belong to root and nobody else may write to them, so only
 * an administrator could have put this library there (Homebrew's /usr/local/lib or /opt/homebrew belong to the user,
 * /opt/vendor may be group-writable). `file` must be resolved (realpath). Elsewhere (Windows ACLs) the folder list
 * in isInSystemFolder is all we check.
 */
export async function isAdminOnlyPath(file: string, platform: NodeJS.Platform): Promise<boolean> {
  if (platform === 'win32') return true;
  let current = file;
  for (;;) {
    const info = await stat(current).catch(() => null);
    if (!info || info.uid !== 0 || (info.mode & 0o022) !== 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}
