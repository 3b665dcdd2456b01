import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import type { MachinePolicy } from './MachinePolicy';
import { readMacPolicy, type PlistReader } from './readMacPolicy';
import { readPolicyFile } from './readPolicyFile';
import { readWindowsPolicy, type RegRunner } from './readWindowsPolicy';

export const LINUX_POLICY_FILE = '/etc/guichet-desktop/policy.json';

const runReg: RegRunner = (args) =>
  new Promise((resolve) => {
    execFile('reg.exe', args, { windowsHide: true, timeout: 10_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });

const readPlist: PlistReader = (file) =>
  new Promise((resolve, reject) => {
    execFile('/usr/bin/plutil', ['-convert', 'json', '-o', '-', file], { timeout: 10_000 }, (error, stdout) => {
      if (error) reject(error);
      else {
        try {
          resolve(JSON.parse(String(stdout)));
        } catch (parseError) {
          reject(parseError as Error);
        }
      }
    });
  });

/** The machine-wide policy of this OS (see README, "Machine-wide policy"). Throws PolicyError when it cannot be applied. */
export function readMachinePolicy(platform: NodeJS.Platform = process.platform): Promise<MachinePolicy> {
  if (platform === 'win32') return readWindowsPolicy(runReg);
  if (platform === 'darwin') return readMacPolicy({ readPlist, exists: existsSync, userName: os.userInfo().username });
  return readPolicyFile(LINUX_POLICY_FILE);
}
