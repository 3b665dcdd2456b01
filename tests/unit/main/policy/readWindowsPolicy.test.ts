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

const PARENT = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies';
/** `reg query HKLM\SOFTWARE\Policies`: the subkeys of Policies, one per line. */
const listing = (...subkeys: string[]) => ['', ...subkeys.map((k) => `${PARENT}\\${k}`), ''].join('\r\n');

type Answer = { code: number; stdout?: string; stderr?: string };
/** Answers the parent listing, then the query of our key (as reg.exe would, on this machine's behalf). */
const runner =
  (parent: Answer, key: Answer, calls: string[][] = []): RegRunner =>
  async (args) => {
    calls.push(args);
    const answer = args[1] === PARENT ? parent : key;
    return { code: answer.code, stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' };
  };
const deployed = (stdout: string, calls?: string[][]) => runner({ code: 0, stdout: listing('Google', 'GuichetDesktop', 'Microsoft') }, { code: 0, stdout }, calls);

describe('Windows policy (HKLM\\SOFTWARE\\Policies\\GuichetDesktop, reg.exe output as printed on Windows)', () => {
  it('parses reg.exe’s listing: keys, value types, data with spaces, empty data', () => {
    const keys = parseRegQuery(OUTPUT);
    expect([...keys.keys()]).toEqual([WINDOWS_POLICY_KEY, `${WINDOWS_POLICY_KEY}\\Recommended`]);
    expect(keys.get(WINDOWS_POLICY_KEY)?.get('pkcs11Modules')?.data).toContain('Program Files\\OpenSC Project');
    expect(keys.get(`${WINDOWS_POLICY_KEY}\\Recommended`)?.get('proxyUrl')).toEqual({ type: 'REG_SZ', data: '' });
  });

  it('reads enforced values from the key and defaults from its Recommended subkey, in each setting’s type', async () => {
    const calls: string[][] = [];
    expect(await readWindowsPolicy(deployed(OUTPUT, calls))).toEqual({
      managed: {
        authorityUrl: 'https://api.guichet.example.lu/v1',
        idleLockMinutes: 5,
        pkcs11Modules: ['C:\\Windows\\System32\\gclib.dll', 'C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll'],
      },
      recommended: { language: 'fr', proxyUrl: null },
      source: WINDOWS_POLICY_KEY,
    });
    // The 64-bit view, whatever the process: Group Policy writes there.
    expect(calls).toEqual([
      ['query', PARENT, '/reg:64'],
      ['query', WINDOWS_POLICY_KEY, '/s', '/reg:64'],
    ]);
  });

  it('is no policy when the key does not exist, whatever the language of reg.exe’s messages', async () => {
    const calls: string[][] = [];
    expect(await readWindowsPolicy(runner({ code: 0, stdout: listing('Google', 'Microsoft') }, { code: 1 }, calls))).toEqual(NO_POLICY);
    expect(calls).toHaveLength(1);
  });

  it('refuses to start when the registry cannot be read, rather than skip an enforced policy', async () => {
    const denied = { code: 1, stderr: 'FEHLER: Zugriff verweigert\r\n' };
    await expect(readWindowsPolicy(runner(denied, denied))).rejects.toMatchObject({ name: 'PolicyError', problems: [{ message: 'reg.exe failed (1): FEHLER: Zugriff verweigert' }] });
  });

  it('expands %VARIABLES% of a REG_EXPAND_SZ from the environment, leaving unknown ones as written', async () => {
    const expandable = OUTPUT.replace(
      /pkcs11Modules {4}REG_MULTI_SZ {4}.*/,
      'pkcs11Modules    REG_EXPAND_SZ    %ProgramFiles%\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll',
    );
    const policy = await readWindowsPolicy(deployed(expandable), { PROGRAMFILES: 'C:\\Program Files' });
    expect(policy.managed.pkcs11Modules).toEqual(['C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll']);
    expect((await readWindowsPolicy(deployed(expandable), {})).managed.pkcs11Modules).toEqual(['%ProgramFiles%\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll']);
  });

  it('refuses a value of the wrong type, an unknown value name, and a failing reg.exe', async () => {
    const wrongType = OUTPUT.replace('idleLockMinutes    REG_DWORD    0x5', 'idleLockMinutes    REG_SZ    5');
    const error = (await readWindowsPolicy(deployed(wrongType)).catch((e: unknown) => e)) as PolicyError;
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.problems).toEqual([{ path: `${WINDOWS_POLICY_KEY}\\idleLockMinutes`, message: 'must be a REG_DWORD, not REG_SZ' }]);

    const unknown = OUTPUT.replace('    language    REG_SZ    fr', '    langauge    REG_SZ    fr');
    const unknownError = (await readWindowsPolicy(deployed(unknown)).catch((e: unknown) => e)) as PolicyError;
    expect(unknownError.problems).toEqual([{ path: 'recommended.langauge', message: 'unknown setting' }]);

    // A name that every JavaScript object has is still just an unknown setting.
    const inherited = OUTPUT.replace('    language    REG_SZ    fr', '    toString    REG_SZ    fr');
    await expect(readWindowsPolicy(deployed(inherited))).rejects.toMatchObject({ name: 'PolicyError', problems: [{ path: 'recommended.toString', message: 'unknown setting' }] });

    const denied = runner({ code: 0, stdout: listing('GuichetDesktop') }, { code: 1, stderr: 'ERROR: Access is denied.' });
    await expect(readWindowsPolicy(denied)).rejects.toMatchObject({ name: 'PolicyError', problems: [{ message: 'reg.exe failed (1): ERROR: Access is denied.' }] });
  });

  it('reads a switch (mailboxNotifications) from a REG_DWORD 0 or 1, and refuses it as text', async () => {
    const off = OUTPUT.replace('    idleLockMinutes    REG_DWORD    0x5', '    idleLockMinutes    REG_DWORD    0x5\r\n    mailboxNotifications    REG_DWORD    0x0');
    expect((await readWindowsPolicy(deployed(off))).managed).toMatchObject({ mailboxNotifications: false });
    const on = off.replace('mailboxNotifications    REG_DWORD    0x0', 'mailboxNotifications    REG_DWORD    0x1');
    expect((await readWindowsPolicy(deployed(on))).managed).toMatchObject({ mailboxNotifications: true });
    const text = off.replace('mailboxNotifications    REG_DWORD    0x0', 'mailboxNotifications    REG_SZ    off');
    const error = (await readWindowsPolicy(deployed(text)).catch((e: unknown) => e)) as PolicyError;
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.problems).toEqual([{ path: `${WINDOWS_POLICY_KEY}\\mailboxNotifications`, message: 'must be a REG_DWORD (1 or 0), not REG_SZ' }]);
  });
});
