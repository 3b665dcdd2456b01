import { describe, expect, it } from 'vitest';
import { parseRegQuery } from '../../../../src-main/policy/parseRegQuery';
import { readWindowsPolicy, WINDOWS_POLICY_KEY, type RegRunner } from '../../../../src-main/policy/readWindowsPolicy';
import { NO_POLICY } from '../../../../src-main/policy/MachinePolicy';
import { PolicyError } from '../../../../src-main/policy/PolicyError';

// reg.exe cannot run on this Linux machine: these tests feed readWindowsPolicy the text reg.exe prints on Windows
// for `reg query HKLM\SOFTWARE\Policies\GuichetDesktop /s`, through the same runner interface the app uses.
const OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\GuichetDesktop',
  '    authorityUrl    REG_SZ    https://api.guichet.example.lu/v1',
  '    idleLockMinutes    REG_DWORD    0x5',
  '    pkcs11Modules    REG_MULTI_SZ    C:\\Windows\\System32\\gclib.dll\\0C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\GuichetDesktop\\Recommended',
  '    language    REG_SZ    fr',
  '    proxyUrl    REG_SZ    ',
  '',
].join('\r\n');

const runner =
  (answer: { code: number; stdout?: string; stderr?: string }, calls: string[][] = []): RegRunner =>
  async (args) => {
    calls.push(args);
    return { code: answer.code, stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' };
  };

describe('Windows policy (HKLM\\SOFTWARE\\Policies\\GuichetDesktop, reg.exe output as printed on Windows)', () => {
  it('parses reg.exe’s listing: keys, value types, data with spaces, empty data', () => {
    const keys = parseRegQuery(OUTPUT);
    expect([...keys.keys()]).toEqual([WINDOWS_POLICY_KEY, `${WINDOWS_POLICY_KEY}\\Recommended`]);
    expect(keys.get(WINDOWS_POLICY_KEY)?.get('pkcs11Modules')?.data).toContain('Program Files\\OpenSC Project');
    expect(keys.get(`${WINDOWS_POLICY_KEY}\\Recommended`)?.get('proxyUrl')).toEqual({ type: 'REG_SZ', data: '' });
  });

  it('reads enforced values from the key and defaults from its Recommended subkey, in each setting’s type', async () => {
    const calls: string[][] = [];
    expect(await readWindowsPolicy(runner({ code: 0, stdout: OUTPUT }, calls))).toEqual({
      managed: {
        authorityUrl: 'https://api.guichet.example.lu/v1',
        idleLockMinutes: 5,
        pkcs11Modules: ['C:\\Windows\\System32\\gclib.dll', 'C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll'],
      },
      recommended: { language: 'fr', proxyUrl: null },
      source: WINDOWS_POLICY_KEY,
    });
    // The 64-bit view, whatever the process: Group Policy writes there.
    expect(calls).toEqual([['query', WINDOWS_POLICY_KEY, '/s', '/reg:64']]);
  });

  it('is no policy when the key does not exist', async () => {
    const missing = runner({ code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' });
    expect(await readWindowsPolicy(missing)).toEqual(NO_POLICY);
  });

  it('refuses a value of the wrong type, an unknown value name, and a failing reg.exe', async () => {
    const wrongType = OUTPUT.replace('idleLockMinutes    REG_DWORD    0x5', 'idleLockMinutes    REG_SZ    5');
    const error = (await readWindowsPolicy(runner({ code: 0, stdout: wrongType })).catch((e: unknown) => e)) as PolicyError;
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.problems).toEqual([{ path: `${WINDOWS_POLICY_KEY}\\idleLockMinutes`, message: 'must be a REG_DWORD, not REG_SZ' }]);

    const unknown = OUTPUT.replace('    language    REG_SZ    fr', '    langauge    REG_SZ    fr');
    const unknownError = (await readWindowsPolicy(runner({ code: 0, stdout: unknown })).catch((e: unknown) => e)) as PolicyError;
    expect(unknownError.problems).toEqual([{ path: 'recommended.langauge', message: 'unknown setting' }]);

    await expect(readWindowsPolicy(runner({ code: 5, stderr: 'ERROR: Access is denied.' }))).rejects.toMatchObject({ name: 'PolicyError' });
  });
});
