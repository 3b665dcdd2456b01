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

/** `file` must already be resolved (realpath): a symlink in /usr/lib pointing elsewhere is judged by its target. */
export function isInSystemFolder(file: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): boolean {
  const api = platform === 'win32' ? path.win32 : path.posix;
  // UNC paths (\\server\share) are never system folders, whatever they are named.
  if (platform === 'win32' && /^[\\/]{2}/.test(file)) return false;
  const fold = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const target = fold(api.normalize(file));
  return systemLibraryFolders(platform, env).some((folder) => {
    const base = fold(api.normalize(folder));
    return target.startsWith(base.endsWith(api.sep) ? base : base + api.sep);
  });
}
