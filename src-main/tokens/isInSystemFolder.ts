import path from 'node:path';

/**
 * Folders only an administrator can write to, where middleware installers put their libraries. A library elsewhere
 * (the Downloads folder, a USB stick, a network share) is loaded only after the person confirmed its full path.
 */
export function systemLibraryFolders(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string[] {
  switch (platform) {
    case 'win32': {
      const root = env.SystemRoot ?? 'C:\\Windows';
      return [`${root}\\System32`, `${root}\\SysWOW64`, env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'];
    }
    case 'darwin':
      return ['/usr/lib', '/usr/local/lib', '/Library', '/System/Library', '/opt/homebrew/lib'];
    default:
      return ['/usr/lib', '/usr/lib64', '/usr/local/lib', '/lib', '/lib64', '/opt'];
  }
}

/** Folders under the system ones that every user may write to (printer colour profiles, scheduled tasks, temp). */
const WRITABLE_WINDOWS_SUBFOLDERS = ['System32\\spool', 'System32\\Tasks', 'SysWOW64\\Tasks', 'System32\\Microsoft\\Crypto', 'Temp', 'tracing'];

/**
 * `file` must already be resolved (realpath): a symlink in /usr/lib pointing elsewhere is judged by its target. On
 * Linux and macOS the owner and permissions are checked too (isAdminOnlyPath), the folder list alone is not enough.
 */
export function isInSystemFolder(file: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): boolean {
  const api = platform === 'win32' ? path.win32 : path.posix;
  // UNC paths (\\server\share) are never system folders, whatever they are named.
  if (platform === 'win32' && /^[\\/]{2}/.test(file)) return false;
  const fold = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const target = fold(api.normalize(file));
  if (platform === 'win32') {
    const root = fold(env.SystemRoot ?? 'C:\\Windows');
    if (WRITABLE_WINDOWS_SUBFOLDERS.some((sub) => target.startsWith(`${root}\\${fold(sub)}\\`))) return false;
  }
  return systemLibraryFolders(platform, env).some((folder) => {
    const base = fold(api.normalize(folder));
    return target.startsWith(base.endsWith(api.sep) ? base : base + api.sep);
  });
}
