import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { settingKeys, settingsSchema, type SettingKey } from '../../../src-shared/settings/settingsSchema';
import { readWindowsPolicy, WINDOWS_POLICY_KEY, type RegRunner } from '../../../src-main/policy/readWindowsPolicy';

// The MSI's project is made by electron-builder's own MSI target on this Linux machine (a prepackaged app of stand-in
// files; WiX itself runs only on the Windows runner), through the real msiProjectCreated hook of electron-builder.yml.
// A wrapper hook keeps a copy of the result and stops the build there, before electron-builder would fetch WiX.
// The NSIS include is read as text (makensis and Windows are not part of this run). Both are then cross-checked with
// the app: the registry values they write, given an administrator's options, are read back by readWindowsPolicy.

const CONFIG = parseYaml(readFileSync('electron-builder.yml', 'utf8')) as {
  msiProjectCreated: string;
  msi: { perMachine: boolean; upgradeCode: string };
  nsis: { perMachine: boolean; oneClick: boolean; include: string };
};
/** Generated once: changing it would make a new version install beside the old one instead of upgrading it. */
const UPGRADE_CODE = '678D674A-59D9-438B-B0A3-87C9DDD8F062';
const POLICY_SUBKEY = 'SOFTWARE\\Policies\\GuichetDesktop';
const STOP = 'installerConfig test: project captured';

type Attributes = Record<string, string>;
type Node = Attributes & Record<string, Node[] | string>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, alwaysCreateTextNode: true, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
const children = (node: Node, name: string): Node[] => (Array.isArray(node[name]) ? (node[name] as Node[]) : []);
const only = (node: Node, name: string): Node => {
  const found = children(node, name);
  expect(found, name).toHaveLength(1);
  return found[0] as Node;
};
const text = (node: Node): string => (typeof node['#text'] === 'string' ? node['#text'] : '');

/** What kind of registry value the app reads for a setting (as readWindowsPolicy does, from the schema). */
function registryTypeOf(key: SettingKey): 'REG_SZ' | 'REG_DWORD' | 'REG_MULTI_SZ' {
  const type = (settingsSchema.shape[key].unwrap() as { type?: string }).type;
  return type === 'boolean' || type === 'number' ? 'REG_DWORD' : type === 'array' ? 'REG_MULTI_SZ' : 'REG_SZ';
}

interface Written {
  name: string;
  type: string;
  data: string;
}

/** `reg query HKLM\SOFTWARE\Policies\GuichetDesktop /s` as reg.exe prints it after the installer wrote these values. */
function regQueryOutput(values: Written[]): string {
  return ['', WINDOWS_POLICY_KEY, ...values.map((v) => `    ${v.name}    ${v.type}    ${v.data}`), ''].join('\r\n');
}

/** reg.exe on a machine where the installer wrote these values: the listing of Policies, then our key. */
function machineWith(values: Written[]): RegRunner {
  const parent = WINDOWS_POLICY_KEY.slice(0, WINDOWS_POLICY_KEY.lastIndexOf('\\'));
  return async (args) => ({ code: 0, stderr: '', stdout: args[1] === parent ? ['', `${parent}\\Microsoft`, WINDOWS_POLICY_KEY, ''].join('\r\n') : regQueryOutput(values) });
}

/** A command line split as Windows programs split theirs (double quotes group, and are removed). */
function splitCommandLine(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** The value `reg add KEY /v NAME /t TYPE [/s SEP] /d DATA /f /reg:64` writes, checked to land on the app's key and view. */
function regAddWrites(args: string[]): Written {
  const option = (flag: string) => {
    const at = args.findIndex((a) => a.toLowerCase() === flag);
    return at < 0 ? undefined : args[at + 1];
  };
  expect(args.slice(0, 2).map((a) => a.toLowerCase())).toEqual(['add', `hklm\\${POLICY_SUBKEY}`.toLowerCase()]);
  expect(args).toContain('/reg:64');
  expect(args).toContain('/f');
  const type = option('/t') as string;
  const data = option('/d') as string;
  // reg.exe's REG_MULTI_SZ separator is "\0" unless /s names another; reg query prints the items joined by "\0".
  const separator = option('/s') ?? '\\0';
  return { name: option('/v') as string, type, data: type === 'REG_MULTI_SZ' ? data.split(separator).join('\\0') : data };
}

describe('MSI (electron-builder MSI target, project made on Linux)', () => {
  let product: Node;
  let wxs = '';

  beforeAll(() => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'guichet-msi-'));
    const app = path.join(work, 'win-unpacked');
    mkdirSync(path.join(app, 'resources'), { recursive: true });
    writeFileSync(path.join(app, 'Guichet Desktop.exe'), 'stand-in');
    writeFileSync(path.join(app, 'resources', 'app.asar'), 'stand-in');
    const captured = path.join(work, 'project.wxs');
    const hook = pathToFileURL(path.resolve(CONFIG.msiProjectCreated)).href;
    writeFileSync(
      path.join(work, 'capture.mjs'),
      `import { copyFile } from 'node:fs/promises';\nimport hook from ${JSON.stringify(hook)};\n` +
        `export default async function (file) { await hook(file); await copyFile(file, ${JSON.stringify(captured)}); throw new Error(${JSON.stringify(STOP)}); }\n`,
    );
    let output = '';
    try {
      execFileSync(process.execPath, ['node_modules/electron-builder/cli.js', '--win', 'msi', '--x64', '--prepackaged', app, `-c.msiProjectCreated=${path.join(work, 'capture.mjs')}`, `-c.directories.output=${path.join(work, 'out')}`], { stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    // Stopped by the wrapper, not by anything else (a config electron-builder refuses, a hook that throws).
    expect(output).toContain(STOP);
    wxs = readFileSync(captured, 'utf8');
    const valid = XMLValidator.validate(wxs);
    if (valid !== true) throw new Error(`project.wxs is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
    product = only(only(parser.parse(wxs) as Node, 'Wix'), 'Product');
  }, 120_000);

  it('installs per machine (ALLUSERS=1, into the 64-bit Program Files)', () => {
    expect(CONFIG.msi.perMachine).toBe(true);
    expect(children(product, 'Property').find((p) => p.Id === 'ALLUSERS')?.Value).toBe('1');
    const target = children(product, 'Directory').find((d) => d.Id === 'TARGETDIR') as Node;
    const programFiles = children(target, 'Directory').map((d) => d.Id);
    expect(programFiles).toContain('ProgramFiles64Folder');
  });

  it('keeps the fixed UpgradeCode, so a new version upgrades the installed one', () => {
    expect(CONFIG.msi.upgradeCode).toBe(UPGRADE_CODE);
    expect(product.UpgradeCode).toBe(UPGRADE_CODE);
  });

  it('declares AUTHORITYURL, UPDATES, DEMO and PKCS11MODULES as secure public properties, the switches checked for 0 or 1', () => {
    const declared = children(product, 'Property').filter((p) => ['AUTHORITYURL', 'UPDATES', 'DEMO', 'PKCS11MODULES'].includes(p.Id as string));
    expect(declared.map((p) => [p.Id, p.Secure, p.Value])).toEqual([
      ['AUTHORITYURL', 'yes', undefined],
      ['UPDATES', 'yes', undefined],
      ['DEMO', 'yes', undefined],
      ['PKCS11MODULES', 'yes', undefined],
    ]);
    const launch = children(product, 'Condition').map(text);
    expect(launch).toContain('Installed OR NOT UPDATES OR UPDATES = "0" OR UPDATES = "1"');
    expect(launch).toContain('Installed OR NOT DEMO OR DEMO = "0" OR DEMO = "1"');
  });

  it('writes each value under the policy key only when its property is given, and leaves it at uninstall', () => {
    const feature = only(product, 'Feature');
    expect(children(feature, 'ComponentGroupRef').map((r) => r.Id)).toEqual(['ProductComponents', 'MachinePolicy']);
    const group = children(product, 'ComponentGroup').find((g) => g.Id === 'MachinePolicy') as Node;
    const components = children(group, 'Component');
    expect(components.map((c) => [text(only(c, 'Condition')), c.Permanent])).toEqual([
      ['AUTHORITYURL', 'yes'],
      ['UPDATES', 'yes'],
      ['DEMO', 'yes'],
    ]);
    for (const component of components) {
      expect(component.Guid).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/);
      const value = only(component, 'RegistryValue');
      expect([value.Root, value.Key, value.KeyPath]).toEqual(['HKLM', POLICY_SUBKEY, 'yes']);
      expect(value.Value).toBe(`[${text(only(component, 'Condition'))}]`);
      expect(settingKeys).toContain(value.Name);
      expect(registryTypeOf(value.Name as SettingKey)).toBe(value.Type === 'integer' ? 'REG_DWORD' : 'REG_SZ');
    }
    // The list, by reg.exe in a deferred custom action, scheduled only when PKCS11MODULES is given and not at removal.
    const action = children(product, 'CustomAction').find((a) => a.Id === 'policy_pkcs11Modules') as Node;
    expect([action.Execute, action.Impersonate, action.Return]).toEqual(['deferred', 'no', 'check']);
    const scheduled = children(only(product, 'InstallExecuteSequence'), 'Custom').find((c) => c.Action === 'policy_pkcs11Modules') as Node;
    expect([scheduled.Before, text(scheduled)]).toEqual(['InstallFinalize', 'PKCS11MODULES AND NOT REMOVE']);
  });

  /** What Windows Installer writes for these properties, read from the project: each registry component whose condition
   * (a property) is set, with [PROPERTY] in its value formatted, and the custom actions whose condition holds. */
  function installWith(properties: Record<string, string>): Written[] {
    const format = (value: string) => value.replace(/\[(\w+)\]/g, (_all, name: string) => (name === 'System64Folder' ? 'C:\\Windows\\System32\\' : (properties[name] ?? '')));
    const isSet = (name: string) => (properties[name] ?? '') !== '';
    const group = children(product, 'ComponentGroup').find((g) => g.Id === 'MachinePolicy') as Node;
    const written: Written[] = [];
    for (const component of children(group, 'Component')) {
      if (!isSet(text(only(component, 'Condition')))) continue;
      const value = only(component, 'RegistryValue');
      const data = format(value.Value as string);
      written.push(value.Type === 'integer' ? { name: value.Name as string, type: 'REG_DWORD', data: `0x${Number(data).toString(16)}` } : { name: value.Name as string, type: 'REG_SZ', data });
    }
    for (const custom of children(only(product, 'InstallExecuteSequence'), 'Custom')) {
      const condition = /^(\w+) AND NOT REMOVE$/.exec(text(custom));
      if (!condition || !isSet(condition[1] as string)) continue;
      const action = children(product, 'CustomAction').find((a) => a.Id === custom.Action) as Node;
      const [program, ...args] = splitCommandLine(format(action.ExeCommand as string));
      expect(program).toBe('C:\\Windows\\System32\\reg.exe');
      written.push(regAddWrites(args));
    }
    return written;
  }

  it('is read back by the app as the enforced policy: msiexec /qn AUTHORITYURL=https://api.example.lu/v1 UPDATES=0 DEMO=0 PKCS11MODULES=…', async () => {
    const modules = 'C:\\Windows\\System32\\gclib.dll;C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll';
    const written = installWith({ AUTHORITYURL: 'https://api.example.lu/v1', UPDATES: '0', DEMO: '0', PKCS11MODULES: modules });
    expect(await readWindowsPolicy(machineWith(written))).toEqual({
      managed: {
        authorityUrl: 'https://api.example.lu/v1',
        updatesEnabled: false,
        demoModeAllowed: false,
        pkcs11Modules: ['C:\\Windows\\System32\\gclib.dll', 'C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll'],
      },
      recommended: {},
      source: WINDOWS_POLICY_KEY,
    });
  });

  it('writes nothing for a property not given: UPDATES=1 alone enforces only updatesEnabled', async () => {
    const written = installWith({ UPDATES: '1' });
    expect(written).toEqual([{ name: 'updatesEnabled', type: 'REG_DWORD', data: '0x1' }]);
    expect((await readWindowsPolicy(machineWith(written))).managed).toEqual({ updatesEnabled: true });
  });

  it('is written through electron-builder.yml’s hook, once', () => {
    expect(wxs.split('<ComponentGroup Id="MachinePolicy"').length - 1).toBe(1);
  });
});

describe('NSIS include (silent install options)', () => {
  const nsh = readFileSync(CONFIG.nsis.include, 'utf8');
  /** The include's statements, without its comments. */
  const code = nsh
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith(';'))
    .join('\n');
  const options = new Map([...code.matchAll(/!insertmacro guichetReadOption (\w+) (\$\w+)/g)].map((m) => [m[2] as string, m[1] as string]));

  /** The registry writes of customInstall: the value name, its type, the variable it comes from (and reg.exe's args). */
  const writes: { name: string; type: string; variable: string; args?: string[] }[] = [
    ...[...code.matchAll(/WriteReg(Str|DWORD) HKLM "\$\{GUICHET_POLICY_KEY\}" "(\w+)" "(\$\w+)"/g)].map((m) => ({ name: m[2] as string, type: m[1] === 'Str' ? 'REG_SZ' : 'REG_DWORD', variable: m[3] as string })),
    ...[...code.matchAll(/nsExec::ExecToLog '"\$SYSDIR\\reg\.exe" (.*)'/g)].map((m) => {
      const args = splitCommandLine((m[1] as string).replace('${GUICHET_POLICY_KEY}', POLICY_SUBKEY));
      const written = regAddWrites(args);
      return { name: written.name, type: written.type, variable: args[args.indexOf('/d') + 1] as string, args };
    }),
  ];

  it('is the include of a per-machine, assisted NSIS installer', () => {
    expect([CONFIG.nsis.perMachine, CONFIG.nsis.oneClick]).toEqual([true, false]);
    expect(code).toContain(`!define GUICHET_POLICY_KEY "${POLICY_SUBKEY}"`);
    expect(code).toMatch(/!macro customInit[\s\S]*\$\{GetParameters\} \$R0[\s\S]*!macroend/);
  });

  it('reads /AUTHORITYURL=, /UPDATES=, /DEMO= and /PKCS11MODULES= (the MSI’s property names) and checks the switches', () => {
    expect([...options.values()]).toEqual(['AUTHORITYURL', 'UPDATES', 'DEMO', 'PKCS11MODULES']);
    expect(code).toContain('${GetOptions} $R0 "/${NAME}=" ${VAR}');
    // GetOptions ends an unquoted value at its first "/": an address that is not one (…=https:) stops the installer.
    expect(code).toContain('!insertmacro guichetCheckUrl AUTHORITYURL $guichetAuthorityUrl');
    expect(code).toMatch(/!macro guichetCheckUrl[\s\S]*"https:\/\/"[\s\S]*Quit[\s\S]*!macroend/);
    expect(code).toContain('!insertmacro guichetCheckSwitch UPDATES $guichetUpdates');
    expect(code).toContain('!insertmacro guichetCheckSwitch DEMO $guichetDemo');
  });

  it('writes each value under its setting key, in the type the app reads, only when the option is given', () => {
    expect(writes.map((w) => [w.name, w.type, options.get(w.variable)])).toEqual([
      ['authorityUrl', 'REG_SZ', 'AUTHORITYURL'],
      ['updatesEnabled', 'REG_DWORD', 'UPDATES'],
      ['demoModeAllowed', 'REG_DWORD', 'DEMO'],
      ['pkcs11Modules', 'REG_MULTI_SZ', 'PKCS11MODULES'],
    ]);
    for (const write of writes) {
      expect(settingKeys).toContain(write.name);
      expect(registryTypeOf(write.name as SettingKey)).toBe(write.type);
      expect(code).toContain(`\${If} ${write.variable} != ""`);
    }
  });

  it('has no uninstall step for the policy: it stays with the administrator', () => {
    expect(code).not.toMatch(/customUnInstall|DeleteReg/);
  });

  it('is read back by the app as the enforced policy: /S /AUTHORITYURL="https://api.example.lu/v1" /UPDATES=0 /PKCS11MODULES=…', async () => {
    const given: Record<string, string> = { AUTHORITYURL: 'https://api.example.lu/v1', UPDATES: '0', PKCS11MODULES: 'C:\\a\\one.dll;C:\\b\\two.dll' };
    const written = writes
      .filter((w) => given[options.get(w.variable) as string] !== undefined)
      .map((w) => {
        const value = given[options.get(w.variable) as string] as string;
        if (w.type === 'REG_DWORD') return { name: w.name, type: w.type, data: `0x${Number(value).toString(16)}` };
        if (w.args) return regAddWrites(w.args.map((a) => a.replace(w.variable, value)));
        return { name: w.name, type: w.type, data: value };
      });
    expect(await readWindowsPolicy(machineWith(written))).toEqual({
      managed: { authorityUrl: 'https://api.example.lu/v1', updatesEnabled: false, pkcs11Modules: ['C:\\a\\one.dll', 'C:\\b\\two.dll'] },
      recommended: {},
      source: WINDOWS_POLICY_KEY,
    });
  });
});
