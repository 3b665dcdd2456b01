import { describe, expect, it } from 'vitest';
import { MAC_MANAGED_PREFERENCES, readMacPolicy } from '../../../../src-main/policy/readMacPolicy';
import { NO_POLICY } from '../../../../src-main/policy/MachinePolicy';

// plutil exists only on macOS: these tests give readMacPolicy the JSON that `plutil -convert json -o - FILE` prints
// for managed preference files, through the same reader interface the app uses.
const MACHINE = `${MAC_MANAGED_PREFERENCES}/lu.guichet.desktop.plist`;
const USER = `${MAC_MANAGED_PREFERENCES}/anne/lu.guichet.desktop.plist`;

function deps(files: Record<string, unknown>) {
  const read: string[] = [];
  return {
    read,
    deps: {
      userName: 'anne',
      exists: (file: string) => file in files,
      readPlist: async (file: string) => {
        read.push(file);
        const content = files[file];
        if (content instanceof Error) throw content;
        return content;
      },
    },
  };
}

describe('macOS policy (managed preferences of lu.guichet.desktop, plutil’s JSON as printed on macOS)', () => {
  it('is no policy when no profile was installed', async () => {
    expect(await readMacPolicy(deps({}).deps)).toEqual(NO_POLICY);
  });

  it('enforces every value, the user’s profile over the machine’s, and skips the system’s own keys', async () => {
    const { deps: d, read } = deps({
      [MACHINE]: { authorityUrl: 'https://api.guichet.example.lu/v1', idleLockMinutes: 15, PayloadUUID: '5D0B…' },
      [USER]: { idleLockMinutes: 5 },
    });
    expect(await readMacPolicy(d)).toEqual({
      managed: { authorityUrl: 'https://api.guichet.example.lu/v1', idleLockMinutes: 5 },
      recommended: {},
      source: `${MACHINE} + ${USER}`,
    });
    expect(read).toEqual([MACHINE, USER]);
  });

  it('refuses an unreadable file, a plist that is not a dictionary and an invalid value', async () => {
    await expect(readMacPolicy(deps({ [MACHINE]: new Error('Command failed: plutil') }).deps)).rejects.toMatchObject({
      name: 'PolicyError',
      problems: [{ path: '', message: 'the file cannot be read (Command failed: plutil)' }],
    });
    await expect(readMacPolicy(deps({ [MACHINE]: ['x'] }).deps)).rejects.toMatchObject({ problems: [{ message: 'not a dictionary of settings' }] });
    await expect(readMacPolicy(deps({ [MACHINE]: { idleLockMinutes: 'five' } }).deps)).rejects.toMatchObject({ problems: [{ path: 'managed.idleLockMinutes' }] });
  });
});
