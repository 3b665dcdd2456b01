import { createHash } from 'node:crypto';
import path from 'node:path';

/** A stable, readable id for a module path: "<file stem>-<8 hex of the path's hash>", e.g. "libsofthsm2-3fa1c2d0". */
export function moduleIdFor(libraryPath: string): string {
  const stem = path
    .basename(libraryPath.replace(/\\/g, '/'))
    .replace(/\.(so(\.\d+)*|dylib|dll)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(libraryPath).digest('hex').slice(0, 8);
  return `${stem || 'module'}-${hash}`;
}
