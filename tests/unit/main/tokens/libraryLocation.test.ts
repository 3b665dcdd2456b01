import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInSystemFolder } from '../../../../src-main/tokens/isInSystemFolder';
import { isAdminOnlyPath } from '../../../../src-main/tokens/isAdminOnlyPath';
import { moduleConfirmText } from '../../../../src-main/tokens/moduleConfirmText';

describe('where a PKCS#11 library may load from without asking', () => {
  it('system folders, not their look-alikes, UNC shares or user-writable Windows subfolders', () => {
    expect(isInSystemFolder('/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', 'linux')).toBe(true);
    expect(isInSystemFolder('/usr/library/evil.so', 'linux')).toBe(false);
    expect(isInSystemFolder('/home/anne/Downloads/lib.so', 'linux')).toBe(false);
    const env = { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' };
    expect(isInSystemFolder('C:\\Windows\\System32\\gclib.dll', 'win32', env)).toBe(true);
    expect(isInSystemFolder('c:\\windows\\system32\\GCLIB.DLL', 'win32', env)).toBe(true);
    expect(isInSystemFolder('C:\\Windows\\System32\\spool\\drivers\\color\\evil.dll', 'win32', env)).toBe(false);
    expect(isInSystemFolder('C:\\Windows\\System32\\Tasks\\evil.dll', 'win32', env)).toBe(false);
    expect(isInSystemFolder('\\\\attacker\\share\\Windows\\System32\\x.dll', 'win32', env)).toBe(false);
  });

  it('on Linux, only files whose every folder belongs to root and is not writable by others', async () => {
    const real = realpathSync('/usr/lib');
    expect(await isAdminOnlyPath(real, 'linux')).toBe(true);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-lib-'));
    try {
      const file = path.join(dir, 'lib.so');
      await writeFile(file, 'x');
      // The temporary folder is writable by everyone: a library there could be swapped by any user.
      expect(await isAdminOnlyPath(realpathSync(file), 'linux')).toBe(false);
      expect(await isAdminOnlyPath(path.join(dir, 'missing.so'), 'linux')).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the confirmation shows invisible characters written out, so a bidi override cannot disguise the path', () => {
    const text = moduleConfirmText(['en'], '/home/anne/\u202Eos.live.so');
    expect(text.detail).toBe('/home/anne/\\u{202E}os.live.so');
    expect(moduleConfirmText(['de-LU'], '/x.so').title).toBe('Diese Chipkarten-Bibliothek laden?');
  });
});
